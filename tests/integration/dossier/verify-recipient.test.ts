import { execFile } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOSSIER_LANGUAGES } from '../../../shared/dossier';
import { exportDossier } from '../../../electron/core/dossier';
import {
  exportPublicKey,
  generateOrgKey,
  getOrganisationKey,
  gpgFingerprint,
  importKeys,
} from '../../../electron/core/pgp';
import type { Vault } from '../../../electron/core/vault/vault';
import { cliPath, runVigilInProcess } from '../../helpers/cli';
import { Gpg, hasGpg } from '../../helpers/gpg';
import {
  manifestOf,
  readDossier,
  reseal,
  writeBundle,
  writeFolder,
  writeZip,
} from '../../helpers/hostileDossier';
import { hasTool } from '../../helpers/peers';
import { newVault, PASSPHRASE } from '../../helpers/vault';
import { buildWgadCase } from '../../helpers/wgadCase';

/**
 * A recipient who has no Vigil vault (a lawyer, a UN secretariat) checks a
 * dossier: with `vigil verify` alone, against the key shipped inside it
 * (which the report says is not yet trusted, with its fingerprint to
 * compare), or against a key they pin with --key; and with GnuPG alone,
 * running VERIFY.txt's commands exactly as written, in every language.
 */

const run = promisify(execFile);
const hasShasum = hasTool('shasum', 'apt-get install perl');

interface Report {
  ok: boolean;
  keys: string;
  trusted: boolean;
  notes: string[];
  problems: string[];
  signature: { valid: boolean; signerFingerprint?: string };
}

describe('verification by the recipient', () => {
  let root: string;
  let a: Vault;
  let aFpr: string;
  let forger: Vault;
  let dossiers: Record<string, string>;
  let aKeyFile: string;
  let forgerKeyFile: string;
  let bDir: string;
  let bFpr: string;
  let passFile: string;

  /** `vigil verify` with no vault anywhere: no --vault, no VIGIL_VAULT. */
  const noVault = (args: string[]) =>
    runVigilInProcess(['verify', ...args], { env: { VIGIL_VAULT: undefined } });

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'vigil-recipient-'));
    a = (await newVault({ root: join(root, 'a') })).vault;
    const { caseId } = await buildWgadCase(a);
    aFpr = (await getOrganisationKey(a)).fingerprint;
    dossiers = {};
    for (const language of DOSSIER_LANGUAGES) {
      const out = join(root, `dossier-${language}`);
      await exportDossier(
        a,
        { caseId, template: 'wgad', language, includePrivate: false },
        { kind: 'directory', path: out },
      );
      dossiers[language] = out;
    }
    aKeyFile = join(root, 'defenders-watch.asc');
    await writeFile(aKeyFile, await exportPublicKey(a));
    // Someone else, with a key of their own and the same name: a forger.
    forger = (await newVault({ root: join(root, 'forger') })).vault;
    await generateOrgKey(forger, { name: 'Defenders Watch', email: 'cases@defenders.example' });
    forgerKeyFile = join(root, 'forger.asc');
    await writeFile(forgerKeyFile, await exportPublicKey(forger));
    const b = await newVault({ root: join(root, 'b') });
    bDir = b.dir;
    bFpr = (await generateOrgKey(b.vault, { name: 'Partner B', email: 'b@partner.example' }))
      .fingerprint;
    await importKeys(a, await exportPublicKey(b.vault), { trust: true });
    await b.vault.lock();
    passFile = join(root, 'pass');
    await writeFile(passFile, `${PASSPHRASE}\n`);
  });

  afterAll(async () => {
    await a.lock();
    await forger.lock();
    await rm(root, { recursive: true, force: true });
  });

  it('without a vault: checks the dossier against the key it ships, says plainly that key is not yet trusted, and prints its fingerprint', async () => {
    const text = await noVault([dossiers.en!]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/VERIFIED/);
    expect(text.stdout).toMatch(/not yet trusted/i);
    expect(text.stdout).toContain(gpgFingerprint(aFpr));
    const json = await noVault([dossiers.en!, '--json']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as Report;
    expect(report).toMatchObject({ ok: true, keys: 'dossier', trusted: false, problems: [] });
    expect(report.signature.signerFingerprint).toBe(aFpr);
    expect(report.notes.join(' ')).toContain(gpgFingerprint(aFpr));
    // The same for the dossier as a zip.
    const zip = await writeZip(join(root, 'en.zip'), await readDossier(dossiers.en!));
    expect((await noVault([zip])).code).toBe(0);
  });

  it('without a vault: any altered file, signature or checksum list exits 3', async () => {
    const original = await readDossier(dossiers.en!);
    const manifest = manifestOf(original);
    for (const path of [...original.keys()]) {
      const files = new Map(original);
      const bytes = Buffer.from(files.get(path)!);
      bytes[bytes.length >> 1]! ^= 0x04;
      files.set(path, bytes);
      const dir = await writeFolder(join(root, `flip-${path.replace(/\W/g, '-')}`), files);
      const result = await noVault([dir, '--json']);
      expect(result.code, `${path}: ${result.stdout}`).toBe(3);
      expect((JSON.parse(result.stdout) as Report).ok).toBe(false);
    }
    expect(manifest.files.length).toBeGreaterThan(5);
  });

  it('--key pins the signer: the right key holds (exit 0, trusted); a forgery signed and shipped with another key exits 3', async () => {
    const right = await noVault([dossiers.fr!, '--key', aKeyFile, '--json']);
    expect(right.code, right.stdout).toBe(0);
    expect(JSON.parse(right.stdout) as Report).toMatchObject({
      ok: true,
      keys: 'pinned',
      trusted: true,
    });
    const wrong = await noVault([dossiers.fr!, '--key', forgerKeyFile, '--json']);
    expect(wrong.code).toBe(3);
    const refused = JSON.parse(wrong.stdout) as Report;
    expect(refused.ok).toBe(false);
    expect(refused.problems.join('\n')).toMatch(/--key/);

    // The forger rewrites the dossier, ships their own key as signer-key.asc and signs everything again.
    const files = await readDossier(dossiers.fr!);
    const manifest = manifestOf(files);
    const forgedKey = Buffer.from(await exportPublicKey(forger));
    files.set('signer-key.asc', forgedKey);
    manifest.signer = {
      fingerprint: (await getOrganisationKey(forger)).fingerprint,
      userId: manifest.signer.userId,
    };
    await reseal(forger, files, manifest);
    const forged = await writeFolder(join(root, 'forged'), files);
    // Without a key to compare, it holds, but the fingerprint printed is the forger's, not the organisation's.
    const alone = await noVault([forged]);
    expect(alone.code).toBe(0);
    expect(alone.stdout).toMatch(/not yet trusted/i);
    expect(alone.stdout).not.toContain(gpgFingerprint(aFpr));
    // Pinned to the organisation's real key, it is refused.
    const pinned = await noVault([forged, '--key', aKeyFile]);
    expect(pinned.code).toBe(3);
    expect(pinned.stdout).toMatch(/NOT VERIFIED/);
    // A key file that holds no key is a plain error, not a verification result.
    await writeFile(join(root, 'not-a-key.asc'), 'hello');
    const bad = await noVault([dossiers.fr!, '--key', join(root, 'not-a-key.asc')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^vigil: .*key/);
  });

  it('with a vault: the vault decides trust (exit 3 for a signer it does not hold, though every hash is checked)', async () => {
    const args = ['--vault', bDir, '--passphrase-file', passFile, '--json'];
    const unknown = await runVigilInProcess(['verify', dossiers.ru!, ...args]);
    expect(unknown.code).toBe(3);
    const report = JSON.parse(unknown.stdout) as Report & { files: { checked: number } };
    expect(report.keys).toBe('vault');
    expect(report.problems.join('\n')).toMatch(/not in the vault/);
    expect(report.files.checked).toBeGreaterThan(5);
    const trust = await runVigilInProcess([
      'keys',
      'import',
      aKeyFile,
      '--trust',
      '--vault',
      bDir,
      '--passphrase-file',
      passFile,
    ]);
    expect(trust.code, trust.stderr).toBe(0);
    const known = await runVigilInProcess(['verify', dossiers.ru!, ...args]);
    expect(known.code, known.stdout).toBe(0);
    expect(JSON.parse(known.stdout) as Report).toMatchObject({
      ok: true,
      keys: 'vault',
      trusted: true,
    });
  });

  it('a bundle needs the vault holding its key; without one, verify says so', async () => {
    const zip = await writeZip(join(root, 'b.zip'), await readDossier(dossiers.en!));
    const bundle = await writeBundle(a, zip, join(root, 'b.gpg'), bFpr);
    const alone = await noVault([bundle]);
    expect(alone.code).toBe(1);
    expect(alone.stderr).toMatch(/--vault/);
    const withVault = await runVigilInProcess([
      'verify',
      bundle,
      '--vault',
      bDir,
      '--passphrase-file',
      passFile,
    ]);
    expect(withVault.stdout).toMatch(/bundle: /);
  });

  for (const language of DOSSIER_LANGUAGES) {
    it.skipIf(!hasGpg)(
      `VERIFY.txt (${language}) names the fingerprint as gpg prints it, explains gpg's warning, and its commands work as written`,
      async () => {
        const dossier = dossiers[language]!;
        const text = await readFile(join(dossier, 'VERIFY.txt'), 'utf8');
        const shown = gpgFingerprint(aFpr);
        expect(text).toContain(shown);
        expect(text).toContain('This key is not certified with a trusted signature');
        expect(text).toContain(`Primary key fingerprint: ${shown}`);
        if (language !== 'en') expect(text).not.toMatch(/Before you rely on the dossier/);
        // Nothing about what was left out travels in VERIFY.txt.
        expect(text).not.toMatch(/withheld|left out|deliberately/i);

        // A reader's machine: a fresh gpg home, Vigil on PATH, the organisation's key in ~/keys.
        const gpg = await Gpg.create();
        const home = await mkdtemp(join(tmpdir(), 'vigil-reader-'));
        try {
          const bin = join(home, 'bin');
          await mkdir(join(home, 'keys'), { recursive: true });
          await mkdir(bin);
          await cp(aKeyFile, join(home, 'keys', 'organisation.asc'));
          await writeFile(
            join(bin, 'vigil'),
            `#!/bin/sh\nexec "${process.execPath}" "${cliPath()}" "$@"\n`,
          );
          await chmod(join(bin, 'vigil'), 0o755);
          const env = {
            ...process.env,
            GNUPGHOME: gpg.home,
            HOME: home,
            PATH: `${bin}:${dirname(process.execPath)}:${process.env.PATH ?? ''}`,
            LANG: 'C.UTF-8',
            LANGUAGE: '',
            VIGIL_VAULT: '',
          };
          const lines = text
            .split('\n')
            .filter((l) => /^ {5}(gpg|sha256sum|shasum|vigil) /.test(l))
            .map((l) => l.trim());
          expect(lines).toEqual([
            'gpg --import signer-key.asc',
            `gpg --fingerprint ${aFpr}`,
            'gpg --verify manifest.json.asc manifest.json',
            'gpg --verify SHA256SUMS.asc SHA256SUMS',
            `gpg --quick-lsign-key ${aFpr}`,
            'sha256sum --strict -c SHA256SUMS',
            'shasum -a 256 --strict -c SHA256SUMS',
            'vigil verify .',
            'vigil verify . --key ~/keys/organisation.asc',
          ]);
          const sh = async (line: string) => {
            try {
              // Exactly as written, as a reader would paste it into a terminal.
              const out = await run('sh', ['-c', `${line} 2>&1`], { cwd: dossier, env });
              return { code: 0, out: out.stdout };
            } catch (error) {
              const e = error as { code: number; stdout: string };
              return { code: e.code, out: e.stdout };
            }
          };
          for (const line of lines) {
            if (line.startsWith('gpg --quick-lsign-key')) continue; // below, once the reader has a key
            if (line.startsWith('shasum') && !hasShasum) continue;
            const result = await sh(line);
            expect(result.code, `${line}\n${result.out}`).toBe(0);
            if (line.startsWith('gpg --fingerprint')) expect(result.out).toContain(shown);
            if (line.startsWith('gpg --verify')) {
              expect(result.out).toContain('Good signature from');
              expect(result.out).toContain('This key is not certified with a trusted signature');
              // The line VERIFY.txt tells the reader to compare is exactly the one gpg prints.
              expect(result.out).toContain(`Primary key fingerprint: ${shown}`);
            }
            if (line.startsWith('sha256sum') || line.startsWith('shasum'))
              expect(
                result.out
                  .trim()
                  .split('\n')
                  .every((l) => l.endsWith(': OK')),
              ).toBe(true);
            if (line.startsWith('vigil')) expect(result.out).toMatch(/VERIFIED/);
          }
          // Certifying the key, as VERIFY.txt says, makes the warning go away.
          await gpg.ok([
            '--quick-gen-key',
            'Reader <reader@example.org>',
            'ed25519',
            'sign',
            'never',
          ]);
          const lsign = await sh(`gpg --quick-lsign-key ${aFpr}`);
          expect(lsign.code, lsign.out).toBe(0);
          const after = await sh('gpg --verify manifest.json.asc manifest.json');
          expect(after.code).toBe(0);
          expect(after.out).toContain('Good signature from');
          expect(after.out).not.toContain('not certified');
        } finally {
          await gpg.close();
          await rm(home, { recursive: true, force: true });
        }
      },
    );
  }
});
