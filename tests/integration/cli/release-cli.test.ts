import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase, createPerson, createTestimony } from '../../../electron/core/records';
import { generateOrgKey } from '../../../electron/core/pgp';
import { runVigilInProcess } from '../../helpers/cli';
import { newVault, PASSPHRASE } from '../../helpers/vault';
import { tempDir } from '../../helpers/tmp';

const wgad = { scope: 'named-mechanisms' as const, mechanisms: ['wgad'], givenOn: '2024-01-01' };

/** Splits a command line as printed in a message (no quoting is needed in ours). */
const words = (command: string) => command.trim().split(/\s+/u);

describe('vigil release show / approve / edit, and the export that waits for them', () => {
  let dir: string;
  let pass: string;
  let caseId: string;
  let testimonyId: string;
  const vigil = (args: string[]) =>
    runVigilInProcess([...args, '--vault', dir, '--passphrase-file', pass]);

  let root: string;
  afterAll(() => rm(root, { recursive: true, force: true }));
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'vigil-release-cli-'));
    const created = await newVault({ root });
    dir = created.dir;
    pass = join(root, 'pass');
    await writeFile(pass, `${PASSPHRASE}\n`);
    const vault = created.vault;
    await generateOrgKey(vault, { name: 'Defenders Watch', email: 'cases@defenders.example' });
    caseId = (await createCase(vault, { title: 'Arrests in Kharkiv', reference: 'VIG-2026-0042' }))
      .id;
    const vera = await createPerson(
      vault,
      { name: 'Віра Бондар', sex: 'female', consent: { ...wgad, naming: 'none' } },
      { caseId, role: 'witness' },
    );
    testimonyId = (
      await createTestimony(vault, caseId, {
        witnessId: vera.id,
        language: 'uk',
        statement: 'Віру Бондар затримали вранці. Віра в людей у неї лишилася. Бондар мовчала.',
        consent: { ...wgad, naming: 'none' },
      })
    ).id;
    await vault.lock();
  });

  it('show prints each text with its changes marked, and --json the same review', async () => {
    const human = await vigil(['release', 'show', '--case', 'VIG-2026-0042', '--for', 'wgad']);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain(`testimony ${testimonyId}`);
    expect(human.stdout).toContain('{#1 Віру Бондар => Свідку}');
    expect(human.stdout).toMatch(/\{#2\? Віра => /u);
    expect(human.stdout).toContain(`--record ${testimonyId} --reject 2`);
    const json = await vigil(['release', 'show', '--case', caseId, '--for', 'wgad', '--json']);
    const review = JSON.parse(json.stdout) as {
      records: { changes: { n: number; original: string; certain: boolean }[] }[];
      issues: { changes: number[] }[];
    };
    expect(review.records[0]!.changes.map((c) => [c.n, c.original, c.certain])).toEqual([
      [1, 'Віру Бондар', true],
      [2, 'Віра', false],
      [3, 'Бондар', false],
    ]);
    expect(review.issues[0]!.changes).toEqual([2, 3]);
  });

  it('export --check reports the texts to settle (exit 3); the export stops with the commands that settle them', async () => {
    const check = await vigil(['export', '--case', caseId, '--for', 'wgad', '--check']);
    expect(check.code).toBe(3);
    expect(check.stdout).toContain('Texts to settle before the export');
    const out = join(await tempDir(), 'dossier');
    const stopped = await vigil([
      'export',
      '--case',
      caseId,
      '--for',
      'wgad',
      '--out',
      out,
      '--json',
    ]);
    expect(stopped.code).toBe(3);
    const line = stopped.stderr.trim();
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toMatch(
      /^vigil: The export was stopped: 1 text needs a decision before going to wgad\./u,
    );
    expect(line).toContain(
      `testimony ${testimonyId} (statement): "Віра" (change 2), "Бондар" (change 3)`,
    );
    expect(line).not.toMatch(/report this/iu);
    await expect(readFile(join(out, 'manifest.json'))).rejects.toThrow();
  });

  it('usage mistakes and impossible decisions are refused precisely, and nothing is stored', async () => {
    const base = ['release', 'approve', '--case', caseId, '--for', 'wgad', '--record', testimonyId];
    expect((await vigil([...base, '--accept', 'two'])).code).toBe(2);
    expect((await vigil([...base, '--accept', '2', '--reject', '2'])).code).toBe(2);
    const missing = await vigil([...base, '--accept', '9']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/has no change 9 \(it has 3/u);
    const certain = await vigil([...base, '--reject', '1']);
    expect(certain.code).toBe(1);
    expect(certain.stderr).toMatch(/certainly the name/u);
    const badFor = await vigil(['release', 'show', '--case', caseId, '--for', 'Not An Audience']);
    expect(badFor.code).toBe(2);
    const review = JSON.parse(
      (await vigil(['release', 'show', '--case', caseId, '--for', 'wgad', '--json'])).stdout,
    ) as { records: { fields: { approval: unknown }[] }[] };
    expect(review.records[0]!.fields[0]!.approval).toBeNull();
  });

  it('the command from the message settles the text, and the export goes on without the name', async () => {
    const out = join(await tempDir(), 'dossier');
    const stopped = await vigil(['export', '--case', caseId, '--for', 'wgad', '--out', out]);
    const keep = /keep them as written: (vigil release approve [^;]+);/u.exec(stopped.stderr)![1]!;
    // The user decides the second word is the name after all: replace change 3, keep change 2.
    const settled = await vigil([
      ...words(keep.replace('--reject 3', '--accept 3')).slice(1),
      '--json',
    ]);
    expect(settled.code).toBe(0);
    const result = JSON.parse(settled.stdout) as {
      approved: boolean;
      record: { fields: { release: string }[] };
    };
    expect(result.approved).toBe(true);
    expect(result.record.fields[0]!.release).toBe(
      'Свідку затримали вранці. Віра в людей у неї лишилася. Свідка мовчала.',
    );
    const exported = await vigil(['export', '--case', caseId, '--for', 'wgad', '--out', out]);
    expect(exported.code).toBe(0);
    const caseJson = await readFile(join(out, 'case.json'), 'utf8');
    expect(caseJson).toContain('Віра в людей у неї лишилася');
    expect(caseJson).not.toMatch(/Бондар|Віру/u);
  });

  it('edit writes a replacement or a whole text; a text that still names the person is refused', async () => {
    const base = ['release', 'edit', '--case', caseId, '--for', 'wgad', '--record', testimonyId];
    const replaced = await vigil([...base, '--change', '3', '--replacement', 'вона', '--json']);
    expect(replaced.code).toBe(0);
    expect(
      (JSON.parse(replaced.stdout) as { record: { fields: { release: string }[] } }).record
        .fields[0]!.release,
    ).toBe('Свідку затримали вранці. Віра в людей у неї лишилася. вона мовчала.');
    const file = join(await tempDir(), 'text.txt');
    await writeFile(file, 'Свідку, тобто Віру Бондар, затримали.\n');
    const refused = await vigil([...base, '--text-file', file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /still names a person who may not be named in this export: "Віру Бондар" at character 15/u,
    );
    await writeFile(file, 'Свідку затримали вранці. Віра в людей лишилася. Вона мовчала.\n');
    const edited = await vigil([...base, '--text-file', file]);
    expect(edited.code).toBe(0);
    expect(edited.stdout).toContain('Kept as ordinary words: "Віра"');
    expect(edited.stdout).toMatch(/statement \[uk\]: edited, version \d+ by \S+ on \d{4}-/u);
    expect((await vigil([...base, '--change', '3'])).code).toBe(2);
  });
});
