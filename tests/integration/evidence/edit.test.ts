import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runVigilInProcess, type CliResult } from '../../helpers/cli';
import { newVault, PASSPHRASE } from '../../helpers/vault';
import { tempDir } from '../../helpers/tmp';

// `vigil evidence edit ID`: the words around an item change, the file never.

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

interface Item {
  id: string;
  sha256: string;
  title: string | null;
  description: string | null;
  source: string | null;
  derivatives: string[];
  metadata: unknown[];
  custody: { action: string; detail: Record<string, unknown> }[];
}

describe('vigil evidence edit', () => {
  it('corrects title, description and provenance of an item and its working copy, never the file', async () => {
    const ref = json<{ reference: string }>(
      await vigil('case', 'add', '--title', 'Фото из Казани', '--json'),
    ).reference;
    const photo = join(work, 'camera.jpg');
    await copyFile(join(__dirname, '../../fixtures/metadata/camera.jpg'), photo);
    const [added] = json<{ id: string }[]>(
      await vigil(
        'evidence',
        'add',
        '--case',
        ref,
        '--title',
        'Photo 1',
        '--source',
        'family',
        photo,
        '--json',
      ),
    );
    const id = added!.id;
    ok(await vigil('evidence', 'strip', id));
    const before = json<Item>(await vigil('evidence', 'show', id, '--json'));
    expect(before.derivatives).toHaveLength(1);

    const about = join(work, 'about.txt');
    await writeFile(about, 'صورة الزنزانة رقم ٥\nتم التقاطها سراً.\n');
    expect(
      ok(
        await vigil(
          'evidence',
          'edit',
          id,
          '--title',
          'Cell 5, east wing',
          '--description-file',
          about,
          '--source',
          'Sent by the sister via Signal, 2025-03-02',
        ),
      ),
    ).toBe(`${id}\nChanged: title, description, source.\n`);
    const after = json<Item>(await vigil('evidence', 'show', id, '--json'));
    expect(after).toMatchObject({
      title: 'Cell 5, east wing',
      description: 'صورة الزنزانة رقم ٥\nتم التقاطها سراً.\n',
      source: 'Sent by the sister via Signal, 2025-03-02',
      sha256: before.sha256,
      metadata: before.metadata,
    });
    expect(after.custody.at(-1)).toMatchObject({
      action: 'evidence.update',
      detail: { fields: ['title', 'description', 'source'] },
    });
    const copy = json<Item>(await vigil('evidence', 'show', before.derivatives[0]!, '--json'));
    expect(copy).toMatchObject({ title: 'Cell 5, east wing', source: after.source });
    expect(ok(await vigil('evidence', 'show', id))).toContain('title    Cell 5, east wing');

    // An empty value clears; the same value again changes nothing.
    expect(ok(await vigil('evidence', 'edit', id, '--title', ''))).toBe(`${id}\nChanged: title.\n`);
    expect(ok(await vigil('evidence', 'edit', id, '--source', after.source!))).toBe(
      `${id}\nNothing changed.\n`,
    );
    expect(json<Item>(await vigil('evidence', 'show', id, '--json')).title).toBeNull();

    // Refusals: nothing changes.
    const snapshot = json<Item>(await vigil('evidence', 'show', id, '--json'));
    const cases: [string[], number, RegExp][] = [
      [[id], 2, /give at least one of --title/],
      [[id, '--title', 'a', '--sha256', 'x'], 2, /--sha256/],
      [[id, '--description', 'x', '--description-file', about], 2, /not both/],
      [[id, '--title', 'line one\nline two'], 1, /--title/],
      [[id, '--title', 'x'.repeat(5000)], 1, /--title/],
      [[before.derivatives[0]!, '--title', 'x'], 1, /is a working copy of/],
      [['00000000-0000-4000-8000-000000000000', '--title', 'x'], 1, /No evidence item/],
    ];
    for (const [args, code, message] of cases) {
      const r = await vigil('evidence', 'edit', ...args);
      expect(r.code, args.join(' ').slice(0, 80)).toBe(code);
      expect(r.stderr, args.join(' ').slice(0, 80)).toMatch(message);
    }
    expect(json<Item>(await vigil('evidence', 'show', id, '--json'))).toEqual(snapshot);
  });
});
