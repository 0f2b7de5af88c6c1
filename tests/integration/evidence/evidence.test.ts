import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdir, readFile, writeFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkVault, repairVault, isVigilError } from '../../../electron/core';
import {
  custodyLog,
  exportEvidence,
  getEvidence,
  intakeFile,
  listEvidence,
  stripEvidence,
  verifyEvidence,
  viewEvidence,
} from '../../../electron/core/evidence';
import { blobPath } from '../../../electron/core/evidence/blobStore';
import { selectEvidence } from '../../../electron/core/dossier/evidence';
import { createCase } from '../../../electron/core/records';
import { canary, findCanaries } from '../../helpers/canary';
import { cliPath, runVigil } from '../../helpers/cli';
import { newVault, reopen, PASSPHRASE } from '../../helpers/vault';
import { tempDir } from '../../helpers/tmp';
import { plainZip } from '../../unit/metadata/helpers';

const FIXTURES = join(import.meta.dirname, '../../fixtures/metadata');
const sha256sum = (file: string) =>
  execFileSync('sha256sum', [file], { encoding: 'utf8' }).split(' ')[0];

async function vaultWithCase() {
  const created = await newVault();
  const record = await createCase(created.vault, { title: 'Detention of a land defender' });
  return { ...created, caseId: record.id };
}

async function failure(promise: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return {
      code: isVigilError(error) ? error.code : undefined,
      message: (error as Error).message,
    };
  }
  throw new Error('expected a failure');
}

describe('evidence intake, custody, working copies and export', () => {
  it('takes a photo in: hash equals sha256sum, type from content, capture time and place read, custody logged', async () => {
    const { vault, caseId } = await vaultWithCase();
    const file = join(FIXTURES, 'camera.jpg');
    const result = await intakeFile(vault, { caseId, path: file, source: 'sent by a relative' });
    expect(result).toMatchObject({
      sha256: sha256sum(file),
      size: (await stat(file)).size,
      type: 'jpeg',
      duplicate: false,
    });
    const item = await getEvidence(vault, result.id);
    expect(item).toMatchObject({
      kind: 'original',
      originalName: 'camera.jpg',
      source: 'sent by a relative',
      intakeBy: 'tester',
    });
    expect(item.capture.time).toMatch(/^2024-03-05T14:22:10/);
    expect(item.capture.latitude).not.toBeNull();
    expect(item.metadata.some((f) => f.group === 'location' && f.risky)).toBe(true);
    expect((await custodyLog(vault, result.id)).map((c) => c.action)).toEqual(['evidence.intake']);
    await vault.lock();
  });

  it('recognises an identical file by its hash and does not store it twice', async () => {
    const { vault, caseId, dir } = await vaultWithCase();
    const file = join(FIXTURES, 'meta.png');
    const first = await intakeFile(vault, { caseId, path: file });
    const copy = join(await tempDir(), 'renamed-copy.png');
    await writeFile(copy, await readFile(file));
    const second = await intakeFile(vault, { caseId, path: copy });
    expect(second).toMatchObject({ id: first.id, duplicate: true });
    expect(await listEvidence(vault, caseId)).toHaveLength(1);
    expect((await readdir(join(dir, 'blobs'))).filter((n) => n.endsWith('.blob'))).toHaveLength(1);
    await vault.lock();
  });

  it('exports the stripped working copy by default and the untouched original only when asked', async () => {
    const { vault, caseId } = await vaultWithCase();
    const file = join(FIXTURES, 'camera.jpg');
    const { id } = await intakeFile(vault, { caseId, path: file });
    const out = await tempDir();
    const working = await exportEvidence(vault, id, { out: join(out, 'working.jpg') });
    expect(working.kind).toBe('stripped');
    const strippedBytes = await readFile(join(out, 'working.jpg'));
    for (const planted of [
      'CANARY-ARTIST-7f3a',
      'CANARY-COM-e17d',
      'CANARY-TRAILER-0f9c',
      'CanaryCam',
    ]) {
      expect(strippedBytes.includes(Buffer.from(planted)), planted).toBe(false);
    }
    const original = await exportEvidence(vault, id, {
      out: join(out, 'original.jpg'),
      original: true,
    });
    expect(original.kind).toBe('original');
    expect((await readFile(join(out, 'original.jpg'))).equals(await readFile(file))).toBe(true);

    const item = await getEvidence(vault, id);
    expect(item.derivatives).toHaveLength(1);
    const copy = await getEvidence(vault, item.derivatives[0]!);
    expect(copy).toMatchObject({
      kind: 'stripped',
      parentId: id,
      sha256: sha256sum(join(out, 'working.jpg')),
    });
    expect(copy.stripReport?.removed.length).toBeGreaterThan(3);
    // Stripping again returns the same working copy.
    expect((await stripEvidence(vault, id)).id).toBe(copy.id);
    await viewEvidence(vault, id);
    await verifyEvidence(vault, id);
    expect((await custodyLog(vault, id)).map((c) => c.action)).toEqual([
      'evidence.intake',
      'evidence.derive',
      'evidence.export',
      'evidence.view',
      'evidence.verify',
    ]);
    expect((await custodyLog(vault, copy.id)).map((c) => c.action)).toEqual([
      'evidence.derived-from',
      'evidence.export',
    ]);
    expect((await custodyLog(vault, id))[0]!.detail).toMatchObject({ sha256: sha256sum(file) });
    await vault.lock();
  });

  it('refuses to make a working copy of a format it cannot strip, and writes nothing', async () => {
    const { vault, caseId } = await vaultWithCase();
    const zip = join(await tempDir(), 'archive.zip');
    await writeFile(zip, await plainZip());
    const { id } = await intakeFile(vault, { caseId, path: zip });
    const out = join(await tempDir(), 'copy.zip');
    const refused = await failure(exportEvidence(vault, id, { out }));
    expect(refused.code).toBe('UNSUPPORTED');
    expect(refused.message).toMatch(/--original/);
    await expect(stat(out)).rejects.toThrow();
    await vault.lock();
  });

  it('a file whose metadata Vigil cannot read is recorded as unreadable, never as carrying nothing', async () => {
    const { vault, caseId, dir } = await vaultWithCase();
    const folder = await tempDir();
    const zip = join(folder, 'bundle.zip');
    await writeFile(zip, await plainZip());
    const text = join(folder, 'notes.dat');
    await writeFile(text, 'plain words');
    const unreadableZip = await getEvidence(
      vault,
      (await intakeFile(vault, { caseId, path: zip })).id,
    );
    expect(unreadableZip.metadataReadable).toBe(false);
    expect(unreadableZip.metadataProblem).toMatch(/cannot read this kind of file's metadata \(ZIP/);
    const unknown = await getEvidence(vault, (await intakeFile(vault, { caseId, path: text })).id);
    expect(unknown).toMatchObject({ metadataReadable: false, metadata: [] });
    expect(unknown.metadataProblem).toMatch(/does not recognise the type/);
    const photo = await intakeFile(vault, { caseId, path: join(FIXTURES, 'camera.jpg') });
    expect(await getEvidence(vault, photo.id)).toMatchObject({
      metadataReadable: true,
      metadataProblem: null,
    });
    const copy = await stripEvidence(vault, photo.id);
    expect(copy).toMatchObject({ metadataReadable: true, metadata: [] });
    await vault.lock();

    const passFile = join(folder, 'pass');
    await writeFile(passFile, `${PASSPHRASE}\n`);
    const shown = await runVigil([
      'evidence',
      'show',
      unreadableZip.id,
      '--vault',
      dir,
      '--passphrase-file',
      passFile,
    ]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(/Vigil cannot read this file's metadata.*ZIP archive/);
    expect(shown.stdout).not.toMatch(/none found/);
  });

  it('office documents are evidence like any other: inspected at intake, stripped, and chosen for a dossier (tracked changes only once accepted)', async () => {
    const { vault, caseId } = await vaultWithCase();
    const office = join(FIXTURES, 'office');
    const slides = await intakeFile(vault, { caseId, path: join(office, 'evidence.pptx') });
    const statement = await intakeFile(vault, { caseId, path: join(office, 'evidence.docx') });
    expect([slides.type, statement.type]).toEqual(['pptx', 'docx']);
    const item = await getEvidence(vault, statement.id);
    expect(item.metadataReadable).toBe(true);
    expect(item.metadata.find((f) => f.value.includes('CANARY-AUTHOR-T'))).toMatchObject({
      group: 'people',
      risky: true,
    });
    const first = await selectEvidence(vault, caseId, { originals: [] });
    expect(first.items.map((i) => [i.type, i.copy, i.path.replace(/E\d+/, 'E')])).toEqual([
      ['pptx', 'stripped', 'evidence/E.pptx'],
    ]);
    expect(first.withheld).toHaveLength(1);
    expect(first.withheld[0]!.reason).toMatch(/tracked change/);
    const accepted = await stripEvidence(vault, statement.id, { acceptChanges: true });
    expect((await custodyLog(vault, accepted.id))[0]!.detail).toMatchObject({
      acceptedChanges: true,
    });
    const second = await selectEvidence(vault, caseId, { originals: [] });
    expect(second.items.map((i) => [i.type, i.copy])).toEqual([
      ['pptx', 'stripped'],
      ['docx', 'stripped'],
    ]);
    expect(second.withheld).toEqual([]);
    for (const chosen of second.items) {
      const { bytes } = await viewEvidence(vault, chosen.sourceId);
      expect(bytes.includes('CANARY')).toBe(false);
    }
    await vault.lock();
  });

  it('a missing case or an unreadable file is refused and leaves no blob behind', async () => {
    const { vault, dir, caseId } = await vaultWithCase();
    expect(
      (
        await failure(
          intakeFile(vault, {
            caseId: '00000000-0000-4000-8000-000000000000',
            path: join(FIXTURES, 'camera.jpg'),
          }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    expect(
      (await failure(intakeFile(vault, { caseId, path: join(FIXTURES, 'no-such-file.jpg') }))).code,
    ).toBe('NOT_FOUND');
    expect((await failure(intakeFile(vault, { caseId, path: FIXTURES }))).code).toBe(
      'INVALID_INPUT',
    );
    expect(await readdir(join(dir, 'blobs'))).toEqual([]);
    await vault.lock();
  });

  it('detects a damaged blob: export fails with no output file, verify and check report it', async () => {
    const { vault, caseId, dir } = await vaultWithCase();
    const { id } = await intakeFile(vault, { caseId, path: join(FIXTURES, 'meta.png') });
    const row = await vault.db.get<{ blob_id: string }>(
      'SELECT blob_id FROM evidence WHERE id = ?',
      [id],
    );
    const path = blobPath(dir, row!.blob_id);
    const bytes = await readFile(path);
    bytes[bytes.length - 30]! ^= 0x10;
    await writeFile(path, bytes);
    const out = join(await tempDir(), 'out.png');
    const refused = await failure(exportEvidence(vault, id, { out, original: true }));
    expect(refused.code).toBe('INTEGRITY_FAILED');
    await expect(stat(out)).rejects.toThrow();
    expect((await readdir(join(out, '..'))).length).toBe(0);
    expect((await verifyEvidence(vault, id)).ok).toBe(false);
    const report = await checkVault(vault);
    expect(report.ok).toBe(false);
    expect(report.items.find((i) => i.name.startsWith('evidence'))?.problems.join(' ')).toMatch(
      /damaged/,
    );
    await vault.lock();
  });

  it('the CLI prints [{id, sha256, size, type}] for `evidence add --json`, exports, and check exits 3 on damage', async () => {
    const { vault, caseId, dir } = await vaultWithCase();
    await vault.lock();
    const passFile = join(await tempDir(), 'pass');
    await writeFile(passFile, `${PASSPHRASE}\n`);
    const files = [join(FIXTURES, 'camera.jpg'), join(FIXTURES, 'classic.pdf')];
    const added = await runVigil([
      'evidence',
      'add',
      '--vault',
      dir,
      '--passphrase-file',
      passFile,
      '--case',
      caseId,
      ...files,
      '--json',
    ]);
    expect(added.code).toBe(0);
    const items = JSON.parse(added.stdout) as {
      id: string;
      sha256: string;
      size: number;
      type: string;
    }[];
    expect(items.map((i) => Object.keys(i).sort())).toEqual([
      ['id', 'sha256', 'size', 'type'],
      ['id', 'sha256', 'size', 'type'],
    ]);
    expect(items.map((i) => i.type)).toEqual(['jpeg', 'pdf']);
    expect(items.map((i) => i.sha256)).toEqual(files.map(sha256sum));

    const out = join(await tempDir(), 'photo.jpg');
    const exported = await runVigil([
      'evidence',
      'export',
      items[0]!.id,
      '--out',
      out,
      '--vault',
      dir,
      '--passphrase-file',
      passFile,
    ]);
    expect(exported.code).toBe(0);
    expect((await readFile(out)).includes(Buffer.from('CANARY-ARTIST-7f3a'))).toBe(false);
    expect((await runVigil(['check', '--vault', dir, '--passphrase-file', passFile])).code).toBe(0);

    const blobs = (await readdir(join(dir, 'blobs'))).filter((n) => n.endsWith('.blob'));
    const victim = join(dir, 'blobs', blobs[0]!);
    const bytes = await readFile(victim);
    await writeFile(victim, bytes.subarray(0, bytes.length - 1));
    const check = await runVigil(['check', '--vault', dir, '--passphrase-file', passFile]);
    expect(check.code).toBe(3);
    expect(check.stdout).toMatch(/FAIL +evidence files/);
  });

  it('a process killed during intake of a large file leaves no half row; check reports the leftovers and --repair removes them', async () => {
    const { vault, caseId, dir } = await vaultWithCase();
    await vault.lock();
    const big = join(await tempDir(), 'video.bin');
    await writeFile(big, randomBytes(24 * 1024 * 1024));
    const passFile = join(await tempDir(), 'pass');
    await writeFile(passFile, `${PASSPHRASE}\n`);
    for (const point of ['blob:chunk-written', 'blob:temp-synced', 'evidence:blob-stored']) {
      const signal = await new Promise<string | null>((resolve) => {
        const child = spawn(
          process.execPath,
          [
            cliPath(),
            'evidence',
            'add',
            '--vault',
            dir,
            '--passphrase-file',
            passFile,
            '--case',
            caseId,
            big,
          ],
          {
            env: { ...process.env, VIGIL_TEST_CRASH_AT: point },
            stdio: 'ignore',
          },
        );
        child.on('close', (_code, s) => resolve(s));
      });
      expect(signal, point).toBe('SIGKILL');
      const opened = await reopen(dir);
      expect(await listEvidence(opened, caseId), point).toEqual([]);
      const report = await checkVault(opened);
      const evidenceCheck = report.items.find((i) => i.name.startsWith('evidence'))!;
      expect(evidenceCheck.ok, point).toBe(false);
      expect(evidenceCheck.problems.join('\n')).toMatch(/orphan blob|leftover temporary file/);
      const repaired = await repairVault(opened);
      expect(repaired.removed.length).toBeGreaterThan(0);
      expect((await checkVault(opened)).ok, point).toBe(true);
      expect(await readdir(join(dir, 'blobs'))).toEqual([]);
      await opened.lock();
    }
  });

  it('leaves neither the file content nor its metadata anywhere in the vault or the temp directory (canary)', async () => {
    const sources = await tempDir('vigil-evidence-sources-');
    const tmp = await tempDir('vigil-evidence-canary-');
    const previous = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      const { vault, caseId, dir } = await vaultWithCase();
      const content = canary('filecontent');
      const textFile = join(sources, 'statement.txt');
      await writeFile(textFile, `A witness statement ${content} `.repeat(2000));
      await intakeFile(vault, { caseId, path: textFile, source: canary('source') });
      const photo = await intakeFile(vault, { caseId, path: join(FIXTURES, 'camera.jpg') });
      await stripEvidence(vault, photo.id);
      await viewEvidence(vault, photo.id);
      await vault.lock();
      const planted = [
        content,
        'CANARY-ARTIST-7f3a',
        'CANARY-COM-e17d',
        'CANARY-DESC-6a4d',
        'CANARY-TRAILER-0f9c',
      ];
      const scan = await findCanaries([dir, tmp], planted);
      expect(scan.filesScanned).toBeGreaterThan(3);
      expect(scan.hits).toEqual([]);
      await writeFile(join(tmp, 'probe'), content);
      expect((await findCanaries([tmp], [content])).hits.length).toBeGreaterThan(0);
    } finally {
      process.env.TMPDIR = previous;
    }
  });
});
