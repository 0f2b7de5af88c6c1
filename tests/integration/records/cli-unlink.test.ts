import { describe, expect, it } from 'vitest';
import { openVault } from '../../../electron/core';
import { runVigilInProcess, type CliResult } from '../../helpers/cli';
import { snapshot } from '../../helpers/files';
import { newVault, PASSPHRASE } from '../../helpers/vault';

// `vigil person unlink`: a person's role in a case removed, the person kept.

async function setup() {
  const created = await newVault();
  await created.vault.lock();
  const vigil = (...args: string[]): Promise<CliResult> =>
    runVigilInProcess(['--vault', created.dir, ...args], { stdin: `${PASSPHRASE}\n` });
  const json = async <T>(...args: string[]): Promise<T> => {
    const result = await vigil(...args, '--json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout) as T;
  };
  return { dir: created.dir, vigil, json };
}

type Cases = { caseId: string; roles: string[] }[];

describe('vigil person unlink', () => {
  it('removes one role or every role in a case, keeps the person and their other cases', async () => {
    const { dir, vigil, json } = await setup();
    const first = await json<{ id: string }>('case', 'add', '--title', 'Desaparición en Guerrero');
    const second = await json<{ id: string }>('case', 'add', '--title', 'Амнистия для Олены');
    const p = await json<{ id: string }>(
      'person',
      'add',
      '--case',
      'VIG-2026-0001',
      '--role',
      'victim',
      '--name',
      'Olena Kovalenko',
    );
    await json('person', 'add', '--case', 'VIG-2026-0001', '--person', p.id, '--role', 'witness');
    await json('person', 'add', '--case', 'VIG-2026-0002', '--person', p.id, '--role', 'witness');

    const one = await json<{ removed: number; cases: Cases }>(
      'person',
      'unlink',
      p.id,
      '--case',
      'vig-2026-0001',
      '--role',
      'witness',
    );
    expect(one.removed).toBe(1);
    // The cases come in the order of their ids, which are random.
    expect([...one.cases].sort((a, b) => a.caseId.localeCompare(b.caseId))).toEqual(
      [
        { caseId: first.id, roles: ['victim'] },
        { caseId: second.id, roles: ['witness'] },
      ].sort((a, b) => a.caseId.localeCompare(b.caseId)),
    );
    const all = await vigil('person', 'unlink', p.id, '--case', second.id);
    expect(all.code).toBe(0);
    expect(all.stdout).toContain('Removed 1 role(s) of Olena Kovalenko in VIG-2026-0002.');
    const last = await vigil('person', 'unlink', p.id, '--case', 'VIG-2026-0001');
    expect(last.stdout).toContain('They are now in no case (still in the vault).');
    const shown = await json<{ name: string; cases: Cases }>('person', 'show', p.id);
    expect(shown).toMatchObject({ name: 'Olena Kovalenko', cases: [] });
    const vault = await openVault({ dir, passphrase: PASSPHRASE });
    try {
      const actions = await vault.db.all<{ action: string }>(
        "SELECT action FROM audit_log WHERE action LIKE '%unlink%' ORDER BY seq",
      );
      expect(actions).toHaveLength(3);
    } finally {
      await vault.lock();
    }
  });

  it('refuses what it cannot do, changing nothing', async () => {
    const { dir, vigil, json } = await setup();
    await json('case', 'add', '--title', 'One case');
    const p = await json<{ id: string }>(
      'person',
      'add',
      '--case',
      'VIG-2026-0001',
      '--role',
      'victim',
      '--name',
      'Said Ali',
    );
    const before = await snapshot(dir);
    const refusals: [string[], number, RegExp][] = [
      [
        [p.id, '--case', 'VIG-2026-0001', '--role', 'witness'],
        1,
        /Said Ali has no role "witness" in VIG-2026-0001; nothing was changed/,
      ],
      [[p.id, '--case', 'VIG-2099-0001'], 1, /VIG-2099-0001/],
      [
        ['00000000-0000-4000-8000-000000000000', '--case', 'VIG-2026-0001'],
        1,
        /no person with the id/,
      ],
      [['not-an-id', '--case', 'VIG-2026-0001'], 1, /is not a person id/],
      [[p.id], 2, /--case is required/],
    ];
    for (const [args, code, message] of refusals) {
      const result = await vigil('person', 'unlink', ...args);
      expect(result.code, args.join(' ')).toBe(code);
      expect(result.stderr, args.join(' ')).toMatch(message);
    }
    expect(await snapshot(dir)).toEqual(before);
  });
});
