import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runVigilInProcess, type CliResult } from '../../helpers/cli';
import { newVault, PASSPHRASE } from '../../helpers/vault';
import { tempDir } from '../../helpers/tmp';

// `vigil … delete` moves to the trash; `vigil trash list|restore|empty`.

let dir: string;
let work: string;

beforeEach(async () => {
  const created = await newVault();
  await created.vault.lock();
  dir = created.dir;
  work = await tempDir();
});

const vigil = (...args: string[]): Promise<CliResult> =>
  runVigilInProcess(['--vault', dir, ...args], { stdin: `${PASSPHRASE}\n` });

function ok(result: CliResult): string {
  expect(result.stderr, result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}
const json = <T = Record<string, unknown>>(result: CliResult): T => JSON.parse(ok(result)) as T;

interface Entry {
  id: string;
  kind: string;
  recordId: string;
  label: string;
}

describe('vigil delete and trash', () => {
  it('delete every kind of record, list the trash, restore, and empty it', async () => {
    const c = json<{ id: string; reference: string }>(
      await vigil('case', 'add', '--title', 'Desaparición en Guerrero', '--json'),
    );
    const p = json<{ id: string }>(
      await vigil(
        'person',
        'add',
        '--case',
        c.reference,
        '--role',
        'victim',
        '--name',
        'Ana Ruiz',
        '--json',
      ),
    );
    const e = json<{ id: string }>(
      await vigil(
        'event',
        'add',
        '--case',
        c.reference,
        '--type',
        'enforced-disappearance',
        '--date',
        '2025-03',
        '--victim',
        p.id,
        '--json',
      ),
    );
    const statement = join(work, 's.txt');
    await writeFile(statement, 'Se la llevaron hombres armados.\n');
    const t = json<{ id: string }>(
      await vigil('testimony', 'add', '--case', c.reference, '--text-file', statement, '--json'),
    );
    const i = json<{ id: string }>(
      await vigil(
        'intervention',
        'add',
        '--case',
        c.reference,
        '--type',
        'urgent-appeal',
        '--json',
      ),
    );
    const photo = join(work, 'photo.txt');
    await writeFile(photo, 'evidence\n');
    const [item] = json<{ id: string }[]>(
      await vigil('evidence', 'add', '--case', c.reference, photo, '--json'),
    );

    const human = ok(await vigil('testimony', 'delete', t.id));
    expect(human).toMatch(
      new RegExp(
        `^${t.id}\\nMoved the testimony to the trash; \`vigil trash restore [0-9a-f-]{36}\` brings it back\\.\\n$`,
      ),
    );
    const deleted: Record<string, { id: string; trash: string }> = {};
    for (const [kind, id] of [
      ['event', e.id],
      ['intervention', i.id],
      ['person', p.id],
    ] as const)
      deleted[kind] = json(await vigil(kind, 'delete', id, '--json'));
    const ev = json<{ deleted: string[]; trash: string }>(
      await vigil('evidence', 'delete', item!.id, '--json'),
    );
    expect(ev.deleted).toEqual([item!.id]);

    const listed = json<{ entries: Entry[] }>(await vigil('trash', 'list', '--json')).entries;
    expect(listed.map((x) => x.kind)).toEqual([
      'evidence',
      'person',
      'intervention',
      'event',
      'testimony',
    ]);
    expect(listed.find((x) => x.kind === 'person')?.label).toBe('Ana Ruiz');
    expect(ok(await vigil('trash', 'list'))).toContain('Ana Ruiz');
    expect(
      json<{ entries: Entry[] }>(await vigil('trash', 'list', '--kind', 'event', '--json')).entries,
    ).toHaveLength(1);
    expect(
      json<{ events: unknown[] }>(await vigil('event', 'list', '--case', c.reference, '--json'))
        .events,
    ).toEqual([]);
    expect(json<{ total: number }>(await vigil('search', 'armados', '--json')).total).toBe(0);

    // Restore by entry id or record id; the person first, then what names them.
    expect(ok(await vigil('trash', 'restore', deleted.person!.trash))).toBe(`${p.id}\n`);
    expect(json(await vigil('trash', 'restore', e.id, '--json'))).toMatchObject({
      id: e.id,
      kind: 'event',
      dropped: [],
    });
    ok(await vigil('trash', 'restore', t.id));
    expect(json<{ total: number }>(await vigil('search', 'armados', '--json')).total).toBe(1);
    expect(
      json<{ events: { victims: string[] }[] }>(
        await vigil('event', 'list', '--case', c.reference, '--json'),
      ).events[0]!.victims,
    ).toEqual([p.id]);
    ok(await vigil('trash', 'restore', ev.trash));
    expect(json<{ ok: boolean }>(await vigil('evidence', 'verify', item!.id, '--json')).ok).toBe(
      true,
    );

    // Emptying: nothing older than 30 days; then everything left.
    expect(
      json<{ emptied: unknown[] }>(await vigil('trash', 'empty', '--older-than', '30', '--json'))
        .emptied,
    ).toEqual([]);
    expect(ok(await vigil('trash', 'empty'))).toBe('Destroyed 1 entry and 0 evidence files.\n');
    expect(ok(await vigil('trash', 'list'))).toBe('The trash is empty.\n');
    expect(
      json<{ interventions: unknown[] }>(await vigil('intervention', 'list', '--json'))
        .interventions,
    ).toEqual([]);

    // The whole case, by reference, and back.
    const gone = json<{ id: string; trash: string; evidence: number }>(
      await vigil('case', 'delete', c.reference, '--json'),
    );
    expect(gone).toMatchObject({ id: c.id, evidence: 1 });
    expect(json<{ cases: unknown[] }>(await vigil('case', 'list', '--json')).cases).toEqual([]);
    ok(await vigil('trash', 'restore', gone.trash));
    expect(
      json<{ reference: string }>(await vigil('case', 'show', c.reference, '--json')),
    ).toBeTruthy();
    ok(await vigil('check'));
  });

  it('refuses to delete a person of several cases without --force, naming the cases', async () => {
    const a = json<{ id: string; reference: string }>(
      await vigil('case', 'add', '--title', 'A', '--json'),
    );
    const b = json<{ id: string; reference: string }>(
      await vigil('case', 'add', '--title', 'B', '--reference', 'UA RUS 2/2025', '--json'),
    );
    const p = json<{ id: string }>(
      await vigil('person', 'add', '--case', a.id, '--role', 'victim', '--name', 'Фёдор', '--json'),
    );
    ok(await vigil('person', 'add', '--case', b.id, '--person', p.id, '--role', 'witness'));
    const refused = await vigil('person', 'delete', p.id);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(
      /^vigil: this person appears in 2 cases \(.+\) and would leave all of them: add --force to delete them anyway\.\n$/,
    );
    expect(refused.stderr).toContain(a.reference);
    expect(refused.stderr).toContain('UA RUS 2/2025');
    expect(
      json<{ persons: unknown[] }>(await vigil('person', 'list', '--json')).persons,
    ).toHaveLength(1);
    expect(
      json<{ id: string; cases: string[] }>(
        await vigil('person', 'delete', p.id, '--force', '--json'),
      ).cases.sort(),
    ).toEqual([a.id, b.id].sort());
    expect(
      json<{ persons: unknown[] }>(await vigil('person', 'list', '--json')).persons,
    ).toHaveLength(0);
  });

  it('refuses bad input with a clear message and changes nothing', async () => {
    const c = json<{ id: string }>(await vigil('case', 'add', '--title', 'T', '--json'));
    const missing = '00000000-0000-4000-8000-000000000000';
    const cases: [string[], number, RegExp][] = [
      [['event', 'delete', missing], 1, /no event with the id/],
      [['testimony', 'delete', 'x'], 1, /"x"|x is not/],
      [['case', 'delete', 'VIG-1999-0001'], 1, /no case with the id or reference/],
      [['trash', 'restore', missing], 1, /nothing in the trash with the id/],
      [['trash', 'list', '--kind', 'vocab'], 2, /--kind must be one of/],
      [['trash', 'empty', '--older-than', 'week'], 2, /--older-than takes a whole number/],
      [['event', 'delete'], 2, /missing ID/],
    ];
    for (const [args, code, message] of cases) {
      const result = await vigil(...args);
      expect(result.code, args.join(' ')).toBe(code);
      expect(result.stderr, args.join(' ')).toMatch(/^vigil: /);
      expect(result.stderr, args.join(' ')).toMatch(message);
    }
    expect(
      json<{ cases: { id: string }[] }>(await vigil('case', 'list', '--json')).cases.map(
        (x) => x.id,
      ),
    ).toEqual([c.id]);
    expect(ok(await vigil('trash', 'list'))).toBe('The trash is empty.\n');
  });
});
