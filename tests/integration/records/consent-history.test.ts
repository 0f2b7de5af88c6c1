import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runVigilInProcess, type CliResult } from '../../helpers/cli';
import { newVault, PASSPHRASE } from '../../helpers/vault';
import { tempDir } from '../../helpers/tmp';

// Consent granted, widened, narrowed, withdrawn and given again: each change
// dated and kept (`vigil testimony|person consent-history`).

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

interface Change {
  version: number;
  change: string;
  on: string | null;
  consent: { scope: string; mechanisms: string[]; naming: string; withdrawn: boolean } | null;
}

const history = async (kind: string, id: string) =>
  json<{ changes: Change[] }>(await vigil(kind, 'consent-history', id, '--json')).changes;

describe('consent changes', () => {
  it('of a testimony: granted, widened, narrowed, withdrawn, given again, each dated and kept', async () => {
    const ref = json<{ reference: string }>(
      await vigil('case', 'add', '--title', 'Testimonio de Oaxaca', '--json'),
    ).reference;
    const text = join(work, 's.txt');
    await writeFile(text, 'Me detuvieron el 3 de marzo.\n');
    const t = json<{ id: string }>(
      await vigil('testimony', 'add', '--case', ref, '--text-file', text, '--json'),
    );
    const edit = async (...args: string[]) => ok(await vigil('testimony', 'edit', t.id, ...args));
    await edit(
      '--consent-scope',
      'named-mechanisms',
      '--consent-mechanisms',
      'wgad',
      '--consent-date',
      '2025-01-10',
    );
    await edit('--consent-mechanisms', 'wgad,sr-torture', '--consent-date', '2025-02-01');
    await edit('--consent-naming', 'initials');
    await edit('--consent-mechanisms', 'sr-torture', '--consent-date', '2025-03-05');
    ok(await vigil('testimony', 'withdraw-consent', t.id, '--date', '2025-04-01'));
    // Withdrawn consent stays withdrawn until it is given again, explicitly.
    const blocked = await vigil('testimony', 'edit', t.id, '--consent-scope', 'public');
    expect(blocked.code, blocked.stderr).toBe(0);
    await edit('--consent-given-again', '--consent-date', '2025-05-20');

    const changes = await history('testimony', t.id);
    expect(changes.map((c) => [c.version, c.change, c.on])).toEqual([
      [1, 'recorded', null],
      [2, 'granted', '2025-01-10'],
      [3, 'widened', '2025-02-01'],
      [4, 'widened', '2025-02-01'],
      [5, 'narrowed', '2025-03-05'],
      [6, 'withdrawn', '2025-04-01'],
      [7, 'changed', '2025-03-05'],
      [8, 'granted', '2025-05-20'],
    ]);
    expect(changes[7]!.consent).toMatchObject({ scope: 'public', withdrawn: false });
    const human = ok(await vigil('testimony', 'consent-history', t.id));
    expect(human).toMatch(
      /^v3 {2}widened +2025-02-01 {2}named-mechanisms \(wgad, sr-torture\), naming none/m,
    );
    expect(human).toMatch(/^v6 {2}withdrawn {2}2025-04-01 /m);

    // A given-again that also says withdrawn is refused, naming the options; nothing changes.
    const both = await vigil(
      'testimony',
      'edit',
      t.id,
      '--consent-given-again',
      '--consent-withdrawn-on',
      '2025-06-01',
    );
    expect(both.code).toBe(1);
    expect(both.stderr).toMatch(/--consent-withdrawn-on/);
    expect(await history('testimony', t.id)).toHaveLength(8);
  });

  it('of a person, and refusals', async () => {
    const ref = json<{ reference: string }>(
      await vigil('case', 'add', '--title', 'Семья Кравчук', '--json'),
    ).reference;
    const p = json<{ id: string }>(
      await vigil(
        'person',
        'add',
        '--case',
        ref,
        '--role',
        'victim',
        '--name',
        'Олег Кравчук',
        '--json',
      ),
    );
    expect(await history('person', p.id)).toEqual([]);
    ok(
      await vigil(
        'person',
        'edit',
        p.id,
        '--consent-scope',
        'partners',
        '--consent-date',
        '2025-02-02',
      ),
    );
    ok(
      await vigil('person', 'edit', p.id, '--consent-scope', 'public', '--consent-naming', 'name'),
    );
    ok(
      await vigil(
        'person',
        'edit',
        p.id,
        '--consent-naming',
        'pseudonym',
        '--consent-pseudonym',
        'O.',
      ),
    );
    expect((await history('person', p.id)).map((c) => c.change)).toEqual([
      'recorded',
      'granted',
      'widened',
      'narrowed',
    ]);
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const [args, code, message] of [
      [['person', 'consent-history', missing], 1, /no person with the id/],
      [['testimony', 'consent-history', missing], 1, /no testimony with the id/],
      [['testimony', 'consent-history', 'x'], 1, /not a testimony id/],
      [['testimony', 'consent-history'], 2, /ID/],
    ] as [string[], number, RegExp][]) {
      const r = await vigil(...args);
      expect(r.code, args.join(' ')).toBe(code);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
  });
});
