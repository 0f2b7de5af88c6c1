import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDossier, importDossier, verifyDossier } from '../../../electron/core/dossier';
import { custodyLog, intakeFile, listEvidence } from '../../../electron/core/evidence';
import {
  exportPublicKey,
  generateOrgKey,
  getOrganisationKey,
  importKeys,
} from '../../../electron/core/pgp';
import { listCases, listTestimonies } from '../../../electron/core/records';
import { isVigilError } from '../../../electron/core/errors';
import type { Vault } from '../../../electron/core/vault/vault';
import { newVault } from '../../helpers/vault';
import { buildWgadCase, NAMES, SECRETS } from '../../helpers/wgadCase';
import { Gpg, hasGpg, NO_GPG_REASON } from '../../helpers/gpg';
import { hasTool } from '../../helpers/peers';

const run = promisify(execFile);
const hasPython = hasTool('python3');
if (!hasGpg) console.warn(`SKIPPED partner bundle tests: ${NO_GPG_REASON}`);
if (!hasPython)
  console.warn(
    'SKIPPED hostile-zip import tests: python3 is needed to build the malicious archives.',
  );

/** Runs a small Python program (zip building with names and sizes no zip library of ours would write). */
async function python(script: string, ...args: string[]): Promise<void> {
  await run('python3', ['-c', script, ...args]);
}

const ZIP_DIR = `
import os, sys, zipfile
src, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(out, 'w', zipfile.ZIP_STORED) as z:
    for base, _, files in os.walk(src):
        for f in sorted(files):
            full = os.path.join(base, f)
            z.write(full, 'dossier/' + os.path.relpath(full, src))
`;

async function failure(promise: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return {
      code: isVigilError(error) ? error.code : (error as { code?: string }).code,
      message: (error as Error).message,
    };
  }
  throw new Error('expected a failure');
}

describe.skipIf(!hasGpg)('partner bundles: Vigil ↔ GnuPG ↔ Vigil', () => {
  let root: string;
  let a: Vault; // the sender
  let b: Vault; // the partner organisation
  let gpg: Gpg; // a partner using GnuPG only
  let gpgFpr: string;
  let bFpr: string;
  let aFpr: string;
  let caseId: string;
  let bundle: string;

  const counts = async (vault: Vault) => ({
    cases: (await listCases(vault, {})).length,
    blobs: (await readdir(join(vault.dir, 'blobs'))).filter((n) => n.endsWith('.blob')).length,
  });

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'vigil-bundle-'));
    a = (await newVault({ root: join(root, 'a') })).vault;
    b = (await newVault({ root: join(root, 'b') })).vault;
    caseId = (await buildWgadCase(a)).caseId;
    // A second evidence file: a bundle streams several evidence entries one after the other.
    await intakeFile(a, {
      caseId,
      path: join(import.meta.dirname, '../../fixtures/metadata/meta.png'),
    });
    bFpr = (await generateOrgKey(b, { name: 'Partner B', email: 'b@partner.example' })).fingerprint;
    aFpr = (await getOrganisationKey(a)).fingerprint;
    gpg = await Gpg.create();
    gpgFpr = await gpg.generate('Partner G <g@gpg.example>');
    await importKeys(a, await exportPublicKey(b), { trust: true });
    await importKeys(a, await gpg.exportPublic(gpgFpr), { trust: true });
    await importKeys(b, await exportPublicKey(a), { trust: true });
    await importKeys(b, await gpg.exportPublic(gpgFpr), { trust: true });
    await gpg.import(await exportPublicKey(b));
    await gpg.import(await exportPublicKey(a));
    bundle = join(root, 'case.vigil.gpg');
    await exportDossier(
      a,
      { caseId, template: 'wgad', language: 'en', includePrivate: false },
      { kind: 'bundle', path: bundle, recipients: [bFpr, gpgFpr] },
    );
  });

  afterAll(async () => {
    await a.lock();
    await b.lock();
    await gpg.close();
    await rm(root, { recursive: true, force: true });
  });

  it('gpg decrypts the bundle (SEIPD v1 with MDC, no compression) into the dossier zip, and its signature is good', async () => {
    const packets = await gpg.listPackets(bundle);
    expect(packets).toMatch(/encrypted data packet|:encrypted data packet:/);
    expect(packets).toMatch(/mdc_method: 2/);
    expect(packets).not.toMatch(/aead|compressed packet/i);
    const out = join(root, 'from-gpg.zip');
    const decrypted = await gpg.run(['--status-fd', '2', '--output', out, '--decrypt', bundle]);
    expect(decrypted.code, decrypted.stderr).toBe(0);
    expect(decrypted.stderr).toMatch(/GOODSIG/);
    expect(decrypted.stderr).toMatch(/DECRYPTION_OKAY/);
    const listing = (
      await run('python3', [
        '-c',
        'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))',
        out,
      ])
    ).stdout;
    expect(listing.split('\n').filter(Boolean).sort()).toEqual(
      [
        'SHA256SUMS',
        'SHA256SUMS.asc',
        'VERIFY.txt',
        'case.json',
        'evidence/E01.jpg',
        'evidence/E02.png',
        'manifest.json',
        'manifest.json.asc',
        'signer-key.asc',
        'wgad-communication.docx',
        'wgad-communication.pdf',
      ].map((f) => `dossier/${f}`),
    );
    // The zip itself is a dossier that verifies (as a zip, by the sender).
    const report = await verifyDossier(a, out);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('the partner verifies the bundle with its own key, and imports it as a new case with its provenance', async () => {
    const report = await verifyDossier(b, bundle);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, kind: 'bundle', bundle: { recipient: bFpr } });
    const before = await counts(b);
    const imported = await importDossier(b, bundle);
    expect(imported.signer).toMatchObject({ fingerprint: aFpr, trusted: true });
    expect(imported.records.testimonies).toBe(1);
    expect(await counts(b)).toEqual({ cases: before.cases + 1, blobs: before.blobs + 2 });
    const testimonies = await listTestimonies(b, { caseId: imported.caseId });
    expect(testimonies.map((t) => t.witnessId === null)).toEqual([false]);
    const evidence = await listEvidence(b, imported.caseId);
    expect(evidence).toHaveLength(2);
    const custody = await custodyLog(b, evidence[0]!.id);
    expect(custody[0]).toMatchObject({
      action: 'evidence.imported',
      detail: { signerFingerprint: aFpr, copy: 'stripped' },
    });
    const log = await b.db.get<{ detail: string }>(
      "SELECT detail FROM audit_log WHERE action = 'case.imported' AND entity_id = ?",
      [imported.caseId],
    );
    expect(JSON.parse(log!.detail)).toMatchObject({
      signerFingerprint: aFpr,
      bundleSha256: createHash('sha256')
        .update(await readFile(bundle))
        .digest('hex'),
    });
    // Nothing consent forbade travelled with the bundle.
    const doc = JSON.stringify(
      await (await import('../../../electron/core/records')).exportCaseDocument(b, imported.caseId),
    );
    for (const absent of [
      NAMES.witness,
      NAMES.withdrawnWitness,
      SECRETS.withdrawnStatement,
      SECRETS.detaineePhone,
    ])
      expect(doc).not.toContain(absent);
  });

  it('refuses a bundle for another recipient, a truncated one and a tampered one, importing nothing', async () => {
    const forGpgOnly = join(root, 'for-gpg.gpg');
    await exportDossier(
      a,
      {
        caseId,
        template: 'generic',
        language: 'en',
        includePrivate: false,
      },
      { kind: 'bundle', path: forGpgOnly, recipients: [gpgFpr] },
    );
    const before = await counts(b);
    const other = await failure(importDossier(b, forGpgOnly));
    expect(other.code).toBe('WRONG_RECIPIENT');
    const bytes = await readFile(bundle);
    const truncated = join(root, 'truncated.gpg');
    await writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    expect((await failure(importDossier(b, truncated))).message).toMatch(
      /truncated|incomplete|ends/i,
    );
    for (const position of [Math.floor(bytes.length / 3), bytes.length - 40]) {
      const tampered = join(root, `tampered-${position}.gpg`);
      const copy = Buffer.from(bytes);
      copy[position]! ^= 0x20;
      await writeFile(tampered, copy);
      const result = await failure(importDossier(b, tampered));
      expect(['INTEGRITY_FAILED', 'VERIFICATION_FAILED', 'INVALID_INPUT']).toContain(result.code);
      expect((await verifyDossier(b, tampered).catch(() => ({ ok: false }))).ok).toBe(false);
    }
    expect(await counts(b)).toEqual(before);
    expect(await readdir(join(b.dir, 'blobs'))).not.toContainEqual(expect.stringMatching(/tmp/));
  });

  it('refuses a signer it does not know unless the user accepts it explicitly', async () => {
    const c = (await newVault({ root: join(root, 'c') })).vault;
    try {
      const cFpr = (await generateOrgKey(c, { name: 'Partner C', email: 'c@partner.example' }))
        .fingerprint;
      await importKeys(a, await exportPublicKey(c), { trust: true });
      const forC = join(root, 'for-c.gpg');
      await exportDossier(
        a,
        {
          caseId,
          template: 'wgad',
          language: 'en',
          includePrivate: false,
        },
        { kind: 'bundle', path: forC, recipients: [cFpr] },
      );
      const refused = await failure(importDossier(c, forC));
      expect(refused.message).toMatch(/not in the vault|unknown|not known/i);
      expect((await listCases(c, {})).length).toBe(0);
      const accepted = await importDossier(c, forC, { acceptSigner: true });
      expect(accepted.signer.trusted).toBe(false);
      expect((await listCases(c, {})).length).toBe(1);
    } finally {
      await c.lock();
    }
  });

  it.skipIf(!hasPython)(
    'imports a bundle made with GnuPG alone, in the dossier layout',
    async () => {
      const dir = join(root, 'gpg-layout');
      await exportDossier(
        a,
        {
          caseId,
          template: 'generic',
          language: 'en',
          // A folder made for partners carries the whole case, so it can be imported.
          audience: { kind: 'partners' },
          includePrivate: false,
        },
        { kind: 'directory', path: dir },
      );
      // The partner re-signs with its own gpg key, as its own tooling would.
      const sign = async (file: string) => {
        await rm(`${file}.asc`);
        await gpg.ok([
          '--local-user',
          gpgFpr,
          '--armor',
          '--detach-sign',
          '--output',
          `${file}.asc`,
          file,
        ]);
      };
      // …and ships its own key as signer-key.asc, so that VERIFY.txt's steps work for its recipients.
      const key = Buffer.from(await gpg.exportPublic(gpgFpr));
      await writeFile(join(dir, 'signer-key.asc'), key);
      const sums = (await readFile(join(dir, 'SHA256SUMS'), 'utf8')).replace(
        /^[0-9a-f]{64}( {2}signer-key\.asc)$/m,
        `${createHash('sha256').update(key).digest('hex')}$1`,
      );
      await writeFile(join(dir, 'SHA256SUMS'), sums);
      await sign(join(dir, 'SHA256SUMS'));
      const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as {
        signer: { fingerprint: string; userId: string };
        files: { path: string; sha256: string; size: number }[];
      };
      manifest.signer = { fingerprint: gpgFpr, userId: 'Partner G <g@gpg.example>' };
      for (const path of ['SHA256SUMS', 'SHA256SUMS.asc', 'signer-key.asc']) {
        const bytes = await readFile(join(dir, path));
        const entry = manifest.files.find((f) => f.path === path)!;
        entry.sha256 = createHash('sha256').update(bytes).digest('hex');
        entry.size = bytes.length;
      }
      await writeFile(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
      await sign(join(dir, 'manifest.json'));
      const zip = join(root, 'gpg-layout.zip');
      await python(ZIP_DIR, dir, zip);
      const gpgBundle = join(root, 'gpg-layout.gpg');
      await gpg.ok([
        '--local-user',
        gpgFpr,
        '--recipient',
        bFpr,
        '--trust-model',
        'always',
        '-z',
        '0',
        '--output',
        gpgBundle,
        '--sign',
        '--encrypt',
        zip,
      ]);
      const report = await verifyDossier(b, gpgBundle);
      expect(report.problems).toEqual([]);
      // The same case was imported above: this copy is kept apart, as the user would choose.
      await expect(importDossier(b, gpgBundle)).rejects.toThrow(/already in the vault/);
      const imported = await importDossier(b, gpgBundle, { duplicate: 'as-new' });
      expect(imported.mode).toBe('as-new');
      expect(imported.signer.fingerprint).toBe(gpgFpr);
      expect((await listEvidence(b, imported.caseId)).length).toBe(2);
    },
  );

  it.skipIf(!hasPython)(
    'refuses archives with path tricks, symbolic links or zip bombs, importing nothing',
    async () => {
      const hostile: Record<string, string> = {
        traversal: `
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w') as z:
    z.writestr('dossier/manifest.json', '{}')
    z.writestr('../../evil.txt', 'escaped')
`,
        absolute: `
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w') as z:
    z.writestr('/etc/cron.d/evil', 'escaped')
`,
        symlink: `
import sys, zipfile, stat
with zipfile.ZipFile(sys.argv[1], 'w') as z:
    info = zipfile.ZipInfo('dossier/case.json')
    info.create_system = 3
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    z.writestr(info, '/etc/passwd')
`,
        bomb: `
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('dossier/case.json', b'0' * (300 * 1024 * 1024))
`,
      };
      const before = await counts(b);
      for (const [name, script] of Object.entries(hostile)) {
        const zip = join(root, `${name}.zip`);
        await python(script, zip);
        const encrypted = join(root, `${name}.gpg`);
        await gpg.ok([
          '--local-user',
          gpgFpr,
          '--recipient',
          bFpr,
          '--trust-model',
          'always',
          '-z',
          '0',
          '--output',
          encrypted,
          '--sign',
          '--encrypt',
          zip,
        ]);
        const result = await failure(importDossier(b, encrypted));
        expect(result.code, name).toBe('VERIFICATION_FAILED');
        expect(result.message, name).toMatch(/refused|not a valid zip/);
      }
      expect(await counts(b)).toEqual(before);
    },
  );
});
