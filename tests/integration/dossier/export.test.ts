import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFile, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { exportDossier, verifyDossier, previewExport } from '../../../electron/core/dossier';
import type { Vault } from '../../../electron/core/vault/vault';
import { runVigil } from '../../helpers/cli';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { newVault, reopen, PASSPHRASE } from '../../helpers/vault';
import { buildWgadCase, NAMES, SECRETS } from '../../helpers/wgadCase';
import { Gpg, hasGpg, NO_GPG_REASON } from '../../helpers/gpg';
import { hasTool } from '../../helpers/peers';

const run = promisify(execFile);
const has = (tool: string) => hasTool(tool);
const hasPoppler = has('pdftotext');
if (!hasPoppler)
  console.warn(
    'SKIPPED PDF read-back checks: pdftotext is not installed (apt-get install poppler-utils).',
  );
if (!hasGpg) console.warn(`SKIPPED: ${NO_GPG_REASON}`);

async function docxText(file: string): Promise<string> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true }, (e, z) =>
      e || !z ? reject(e ?? new Error('unreadable docx')) : resolve(z),
    ),
  );
  const parts: string[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      if (!/^word\/(document|header\d*|footer\d*)\.xml$/.test(entry.fileName))
        return zip.readEntry();
      zip.openReadStream(entry, (error, stream) => {
        if (error || !stream) return reject(error ?? new Error('unreadable entry'));
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          parts.push(Buffer.concat(chunks).toString('utf8'));
          zip.readEntry();
        });
      });
    });
    zip.on('end', () => resolve());
    zip.readEntry();
  });
  zip.close();
  // Text of the runs, paragraphs on their own lines.
  return parts
    .join('\n')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}

const pdfText = async (file: string) =>
  (await run('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout;
const squash = (text: string) => text.replace(/\s+/g, ' ');

describe('a WGAD dossier from a realistic case', () => {
  let vault: Vault;
  let dir: string;
  let dossier: string;
  let caseId: string;
  let photoId: string;
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'vigil-dossier-'));
    const created = await newVault({ root });
    vault = created.vault;
    dir = created.dir;
    const built = await buildWgadCase(vault);
    caseId = built.caseId;
    photoId = built.photo.id;
    dossier = join(root, 'wgad-dossier');
    await exportDossier(
      vault,
      { caseId, template: 'wgad', language: 'en', includePrivate: false },
      { kind: 'directory', path: dossier },
    );
  });

  afterAll(async () => {
    await vault.lock();
    await rm(root, { recursive: true, force: true });
  });

  it('holds the manifest, its signature, the submission as PDF and DOCX, case data, stripped evidence, checksums and VERIFY.txt', async () => {
    const files = (await readdir(dossier, { recursive: true })).sort();
    expect(files).toEqual([
      'SHA256SUMS',
      'SHA256SUMS.asc',
      'VERIFY.txt',
      'case.json',
      'evidence',
      'evidence/E01.jpg',
      'manifest.json',
      'manifest.json.asc',
      'signer-key.asc',
      'wgad-communication.docx',
      'wgad-communication.pdf',
    ]);
    const manifest = JSON.parse(await readFile(join(dossier, 'manifest.json'), 'utf8')) as {
      files: { path: string; sha256: string; size: number }[];
      case: { reference: string };
      template: string;
      signer: { fingerprint: string };
      generator: string;
      createdAt: string;
    };
    expect(manifest.template).toBe('wgad');
    expect(manifest.generator).toMatch(/^Vigil /);
    // Every file but the manifest and its signature, each with its real hash and size.
    expect(manifest.files.map((f) => f.path).sort()).toEqual(
      files.filter((f) => !['evidence', 'manifest.json', 'manifest.json.asc'].includes(f)),
    );
    for (const file of manifest.files) {
      const bytes = await readFile(join(dossier, file.path));
      expect(createHash('sha256').update(bytes).digest('hex'), file.path).toBe(file.sha256);
      expect(bytes.length).toBe(file.size);
    }
    expect(await readFile(join(dossier, 'VERIFY.txt'), 'utf8')).toMatch(
      /gpg --verify manifest\.json\.asc manifest\.json[\s\S]*sha256sum --strict -c SHA256SUMS/,
    );
    // The evidence is the stripped working copy: the photo's planted metadata is gone.
    const photo = await readFile(join(dossier, 'evidence', 'E01.jpg'));
    for (const planted of ['CANARY-ARTIST-7f3a', 'CANARY-COM-e17d', 'CANARY-TRAILER-0f9c'])
      expect(photo.includes(Buffer.from(planted))).toBe(false);
    // The manifest says nothing of what was left out; the sender's report is kept in the vault.
    expect(manifest).not.toHaveProperty('withheld');
  });

  it.skipIf(!hasGpg)('verifies with GnuPG and sha256sum alone, as VERIFY.txt says', async () => {
    const gpg = await Gpg.create();
    try {
      await gpg.import(await readFile(join(dossier, 'signer-key.asc')));
      const manifest = await gpg.run([
        '--status-fd',
        '1',
        '--verify',
        join(dossier, 'manifest.json.asc'),
        join(dossier, 'manifest.json'),
      ]);
      expect(manifest.code, manifest.stderr).toBe(0);
      expect(manifest.stdout.toString()).toMatch(/GOODSIG/);
      const sums = await gpg.run([
        '--status-fd',
        '1',
        '--verify',
        join(dossier, 'SHA256SUMS.asc'),
        join(dossier, 'SHA256SUMS'),
      ]);
      expect(sums.code, sums.stderr).toBe(0);
      const check = await run('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dossier });
      expect(
        check.stdout
          .trim()
          .split('\n')
          .every((line) => line.endsWith(': OK')),
      ).toBe(true);
      expect(check.stdout.trim().split('\n')).toHaveLength(6);
    } finally {
      await gpg.close();
    }
  });

  it('`vigil verify` accepts the intact dossier (exit 0)', async () => {
    const report = await verifyDossier(vault, dossier);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({
      ok: true,
      kind: 'directory',
      signature: { valid: true, signerKnown: true, signerTrusted: true },
    });
    expect(report.files.checked).toBe(8);
  });

  it.skipIf(!hasPoppler)(
    'the PDF reads back with every part of the questionnaire, Arabic and Cyrillic intact, and no withheld name or private field',
    async () => {
      const text = await pdfText(join(dossier, 'wgad-communication.pdf'));
      const flat = squash(text);
      for (const heading of [
        'I. Identity',
        'II. Arrest',
        'III. Detention',
        'IV. Circumstances',
        'V. Domestic remedies',
        'VI. Submitter',
        'Consent of the detained persons or their families',
      ]) {
        expect(flat).toContain(heading);
      }
      for (const value of [
        NAMES.detaineeFamily,
        NAMES.detaineeGiven,
        'Tahrir Square',
        'National Security Agency',
        'Law 94/2015 on counter-terrorism',
        'Tora prison',
        'Habeas corpus petition rejected',
        'Category II',
        'О. П. С.',
      ]) {
        expect(flat, value).toContain(value);
      }
      // A complete case: nothing is marked missing, and what does not go is simply not there.
      expect(flat).not.toMatch(/\[missing/);
      expect(flat).not.toMatch(/withheld/i);
      for (const absent of [
        NAMES.witness,
        'Ольга',
        'Смирнова',
        NAMES.withdrawnWitness,
        'Quispe',
        NAMES.relative,
        SECRETS.detaineePhone,
        SECRETS.interviewer,
        SECRETS.withdrawnStatement,
        '30.0444',
        'legal@defenders.example',
      ]) {
        expect(flat, absent).not.toContain(absent);
      }
    },
  );

  it('the DOCX reads back with the same content and the same absences', async () => {
    const text = squash(await docxText(join(dossier, 'wgad-communication.docx')));
    for (const value of [
      'I. Identity',
      'II. Arrest',
      'III. Detention',
      'V. Domestic remedies',
      NAMES.detaineeFamily,
      'Tahrir Square',
      'Law 94/2015 on counter-terrorism',
      'О. П. С.',
    ]) {
      expect(text, value).toContain(value);
    }
    for (const absent of [
      NAMES.witness,
      'Смирнова',
      NAMES.withdrawnWitness,
      NAMES.relative,
      SECRETS.detaineePhone,
      SECRETS.interviewer,
      SECRETS.withdrawnStatement,
    ]) {
      expect(text, absent).not.toContain(absent);
    }
  });

  it('the manifest and case.json name nobody whose consent forbids it, and carry no private field', async () => {
    for (const file of ['manifest.json', 'case.json', 'VERIFY.txt', 'SHA256SUMS']) {
      const text = await readFile(join(dossier, file), 'utf8');
      for (const absent of [
        NAMES.witness,
        'Смирнова',
        NAMES.withdrawnWitness,
        'Quispe',
        NAMES.relative,
        SECRETS.detaineePhone,
        SECRETS.interviewer,
        SECRETS.withdrawnStatement,
      ]) {
        expect(text, `${absent} in ${file}`).not.toContain(absent);
      }
    }
    const data = JSON.parse(await readFile(join(dossier, 'case.json'), 'utf8')) as {
      testimonies: { statement: string }[];
    };
    expect(data.testimonies.map((t) => t.statement)).toEqual([SECRETS.statement]);
  });

  it('includes private fields only when asked, and lists each withholding', async () => {
    const out = join(root, 'with-private');
    const result = await exportDossier(
      vault,
      {
        caseId,
        template: 'wgad',
        language: 'en',
        includePrivate: true,
        originals: [photoId],
      },
      { kind: 'directory', path: out },
    );
    const data = await readFile(join(out, 'case.json'), 'utf8');
    expect(data).toContain(SECRETS.detaineePhone);
    expect(data).toContain(SECRETS.interviewer);
    expect(data).not.toContain(SECRETS.withdrawnStatement); // consent still rules
    expect(result.withheld.some((w) => w.reason === 'contact details')).toBe(false);
    // The original evidence, bit for bit.
    expect(
      (await readFile(join(out, 'evidence', 'E01.jpg'))).equals(
        await readFile(join(import.meta.dirname, '../../fixtures/metadata/camera.jpg')),
      ),
    ).toBe(true);
  });

  it('renders the submission in Arabic and Russian too', async () => {
    for (const language of ['ar', 'ru'] as const) {
      const out = join(root, `dossier-${language}`);
      await exportDossier(
        vault,
        { caseId, template: 'wgad', language, includePrivate: false },
        { kind: 'directory', path: out },
      );
      const text = squash(await docxText(join(out, 'wgad-communication.docx')));
      expect(text).toContain(language === 'ar' ? 'أولاً - الهوية' : 'I. Личность');
      expect(text).toContain(NAMES.detaineeFamily);
    }
  });

  it('the admissibility checklist lists what is missing, pointing at the record', async () => {
    const preview = await previewExport(vault, {
      caseId,
      template: 'wgad',
      language: 'en',
      includePrivate: false,
    });
    expect(preview.checklist.every((i) => i.ok)).toBe(true);
    expect(preview.consent.find((c) => c.shownAs === 'О. П. С.')).toMatchObject({
      covers: true,
      consent: 'recorded',
    });
    expect(preview.consent.filter((c) => !c.covers)).toHaveLength(1);
  });

  it('detects a flipped byte in every file, a missing file and an extra file (exit 3), and sha256sum agrees', async () => {
    const files = (await readdir(dossier, { recursive: true })).filter((f) => f !== 'evidence');
    for (const file of files) {
      const path = join(dossier, file);
      const original = await readFile(path);
      const damaged = Buffer.from(original);
      damaged[Math.floor(damaged.length / 2)]! ^= 0x01;
      await writeFile(path, damaged);
      const report = await verifyDossier(vault, dossier);
      expect(report.ok, `flipped byte in ${file}`).toBe(false);
      expect(report.problems.length, file).toBeGreaterThan(0);
      if (!file.startsWith('manifest') && file !== 'SHA256SUMS.asc') {
        expect(
          spawnSync('sha256sum', ['--strict', '-c', '--quiet', 'SHA256SUMS'], { cwd: dossier })
            .status,
          `sha256sum -c after flipping ${file}`,
        ).not.toBe(0);
      }
      await writeFile(path, original);
    }
    await vault.lock();
    try {
      const passFile = join(root, 'pass');
      await writeFile(passFile, `${PASSPHRASE}\n`);
      const verify = () =>
        runVigil(['verify', dossier, '--vault', dir, '--passphrase-file', passFile, '--json']);
      expect((await verify()).code).toBe(0);
      const pdf = join(dossier, 'wgad-communication.pdf');
      const saved = await readFile(pdf);
      await writeFile(pdf, Buffer.concat([saved, Buffer.from('%')]));
      const flipped = await verify();
      expect(flipped.code).toBe(3);
      expect(
        (JSON.parse(flipped.stdout) as { files: { mismatched: string[] } }).files.mismatched,
      ).toEqual(['wgad-communication.pdf']);
      await writeFile(pdf, saved);
      await appendFile(join(dossier, 'extra.txt'), 'not part of the dossier');
      const extra = await verify();
      expect(extra.code).toBe(3);
      expect(extra.stdout).toMatch(/extra\.txt is not listed/);
      await rm(join(dossier, 'extra.txt'));
      const data = await readFile(join(dossier, 'case.json'));
      await rm(join(dossier, 'case.json'));
      const missing = await verify();
      expect(missing.code).toBe(3);
      expect(missing.stdout).toMatch(/case\.json is listed in the manifest but missing/);
      await writeFile(join(dossier, 'case.json'), data);
      expect((await verify()).code).toBe(0);
    } finally {
      vault = await reopen(dir);
    }
  });
});
