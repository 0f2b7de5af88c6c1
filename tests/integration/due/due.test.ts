import { describe, expect, it } from 'vitest';
import { runVigilInProcess, type CliResult } from '../../helpers/cli';
import { newVault, PASSPHRASE, reopen } from '../../helpers/vault';
import { listDue } from '../../../electron/core/records';
import { daysBetween } from '../../../shared/deadlines';

interface Item {
  caseReference: string;
  caseTitle: string;
  dueOn: string;
  daysLeft: number;
  overdue: boolean;
  kind: string;
  rule: string | null;
  from: string | null;
  approximate: boolean;
  label: string;
}

function ok(result: CliResult): string {
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

describe('vigil due', () => {
  it('lists typed and computed deadlines across three cases, overdue first, with hand-computed dates', async () => {
    const { vault, dir } = await newVault();
    await vault.lock();
    const vigil = (...args: string[]) =>
      runVigilInProcess(['--vault', dir, ...args], { stdin: `${PASSPHRASE}\n` });
    const add = async (...args: string[]) =>
      JSON.parse(ok(await vigil(...args, '--json'))) as { id: string; reference: string };

    // A: no country recorded, so both regional bodies apply to its final decision.
    const a = await add('case', 'add', '--title', 'Detención de la defensora Quispe');
    await add(
      'event',
      'add',
      '--case',
      a.reference,
      '--type',
      'final-domestic-decision',
      '--date',
      '2023-08-31',
    );
    await add(
      'intervention',
      'add',
      '--case',
      a.reference,
      '--type',
      'wgad-communication',
      '--mechanism',
      'wgad',
      '--sent',
      '2023-12-31',
      '--follow-up',
      '2099-01-10',
    );
    // B: France: the European Court only. The 2022 decision was already taken to the Court.
    const b = await add('case', 'add', '--title', 'Арест журналиста', '--country', 'FR');
    await add(
      'event',
      'add',
      '--case',
      b.reference,
      '--type',
      'final-domestic-decision',
      '--date',
      '2023-10-31',
    );
    await add(
      'event',
      'add',
      '--case',
      b.reference,
      '--type',
      'final-domestic-decision',
      '--date',
      '2098-10-31',
    );
    await add(
      'event',
      'add',
      '--case',
      b.reference,
      '--type',
      'final-domestic-decision',
      '--date',
      '2022-10-31',
    );
    await add(
      'intervention',
      'add',
      '--case',
      b.reference,
      '--type',
      'regional-petition',
      '--mechanism',
      'echr',
      '--sent',
      '2023-01-15',
    );
    // A partial date starts nothing.
    await add(
      'event',
      'add',
      '--case',
      b.reference,
      '--type',
      'final-domestic-decision',
      '--date',
      '2024-05',
    );
    // C: Peru: the Inter-American Commission only; an approximate date gives an approximate deadline.
    const c = await add('case', 'add', '--title', 'اعتقال المحامي', '--country', 'PE');
    await add(
      'event',
      'add',
      '--case',
      c.reference,
      '--type',
      'final-domestic-decision',
      '--date',
      '~2098-08-31',
    );
    await add(
      'intervention',
      'add',
      '--case',
      c.reference,
      '--type',
      'wgad-communication',
      '--sent',
      '2098-11-15',
    );
    // Answered or closed communications no longer wait for the government.
    await add(
      'intervention',
      'add',
      '--case',
      c.reference,
      '--type',
      'wgad-communication',
      '--sent',
      '2024-01-10',
      '--response-date',
      '2024-02-01',
    );
    await add(
      'intervention',
      'add',
      '--case',
      c.reference,
      '--type',
      'urgent-appeal',
      '--mechanism',
      'wgad',
      '--sent',
      '2024-01-10',
      '--status',
      'closed',
      '--follow-up',
      '2024-03-01',
    );

    const all = JSON.parse(ok(await vigil('due', '--json'))) as Item[];
    expect(
      all.map((i) => [i.caseReference, i.dueOn, i.rule ?? i.kind, i.from, i.approximate]),
    ).toEqual([
      [a.reference, '2023-12-31', 'echr-application', '2023-08-31', false],
      [a.reference, '2024-02-29', 'iachr-petition', '2023-08-31', false],
      [a.reference, '2024-02-29', 'wgad-government-reply', '2023-12-31', false],
      [b.reference, '2024-02-29', 'echr-application', '2023-10-31', false],
      [a.reference, '2099-01-10', 'follow-up', null, false],
      [c.reference, '2099-01-14', 'wgad-government-reply', '2098-11-15', false],
      [b.reference, '2099-02-28', 'echr-application', '2098-10-31', false],
      [c.reference, '2099-02-28', 'iachr-petition', '2098-08-31', true],
    ]);
    const today = localToday();
    for (const item of all) {
      expect(item.daysLeft).toBe(daysBetween(today, item.dueOn));
      expect(item.overdue).toBe(item.daysLeft < 0);
    }
    expect(all[0]!.caseTitle).toBe('Detención de la defensora Quispe');
    expect(all[5]!.caseTitle).toBe('اعتقال المحامي');

    const overdue = JSON.parse(ok(await vigil('due', '--overdue', '--json'))) as Item[];
    expect(overdue.map((i) => i.dueOn)).toEqual([
      '2023-12-31',
      '2024-02-29',
      '2024-02-29',
      '2024-02-29',
    ]);
    const within = daysBetween(today, '2099-01-12');
    const soon = JSON.parse(ok(await vigil('due', '--within', String(within), '--json'))) as Item[];
    expect(soon.map((i) => i.dueOn)).toEqual([
      '2023-12-31',
      '2024-02-29',
      '2024-02-29',
      '2024-02-29',
      '2099-01-10',
    ]);

    const human = ok(await vigil('due', '--overdue'));
    expect(human.split('\n').filter((l) => l.startsWith('OVERDUE'))).toHaveLength(4);
    expect(human).toContain(b.reference);
    expect(human).toContain('European Court of Human Rights');

    // The core with a fixed today: the boundaries of --within and --overdue.
    const v = await reopen(dir);
    const on = (day: string, q = {}) => listDue(v, { today: day, ...q });
    expect((await on('2024-02-29', { overdueOnly: true })).map((i) => i.dueOn)).toEqual([
      '2023-12-31',
    ]);
    expect((await on('2024-03-01', { overdueOnly: true })).length).toBe(4);
    expect((await on('2099-01-10', { withinDays: 0 })).map((i) => i.dueOn).at(-1)).toBe(
      '2099-01-10',
    );
    expect((await on('2099-01-10', { withinDays: 4 })).map((i) => i.dueOn).at(-1)).toBe(
      '2099-01-14',
    );
    await expect(on('2024-02-30')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await v.lock();

    expect((await vigil('due', '--within', 'soon')).code).toBe(2);
    expect((await vigil('due', '--within', '1.5')).code).toBe(2);
  }, 120_000);

  it('says nothing is due in an empty vault, and prints one JSON document', async () => {
    const { vault, dir } = await newVault();
    await vault.lock();
    const vigil = (...args: string[]) =>
      runVigilInProcess(['--vault', dir, ...args], { stdin: `${PASSPHRASE}\n` });
    expect(ok(await vigil('due')).trim()).toBe('Nothing due.');
    expect(JSON.parse(ok(await vigil('due', '--json')))).toEqual([]);
  });
});
