import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createVault } from '../electron/core';
import { argon2idParams } from '../electron/core/crypto/kdf';
import { intakeFile } from '../electron/core/evidence';
import { exportDossier } from '../electron/core/dossier';
import { exportPublicKey, generateOrgKey, importKeys } from '../electron/core/pgp';
import { createCase } from '../electron/core/records';
import { randomFile, round, timed, warm, type Bench } from './harness';

const PASSPHRASE = 'benchmark passphrase with several words';
const MIB = 1024 * 1024;

/** A throw-away GnuPG home for the baseline; gpg must be installed for this benchmark. */
function gpgIn(home: string) {
  return (args: string[], input?: string) =>
    execFileSync(
      'gpg',
      [
        '--homedir',
        home,
        '--batch',
        '--no-tty',
        '--pinentry-mode',
        'loopback',
        '--passphrase',
        '',
        ...args,
      ],
      { input, encoding: 'utf8', maxBuffer: 64 * MIB },
    );
}

export const dossierBench: Bench = {
  name: 'dossier',
  description:
    'export of a dossier with 1 GiB of evidence, signed and encrypted to two recipients, vs gpg --sign --encrypt -z 0; verify vs gpg --verify + sha256sum -c',
  async run(report, { quick }) {
    if (spawnSync('gpg', ['--version']).status !== 0)
      throw new Error('the dossier benchmark needs gpg (apt-get install gnupg)');
    const total = (quick ? 128 : 1024) * MIB;
    const files = 4;
    const root = await mkdtemp(join(tmpdir(), 'vigil-bench-dossier-'));
    const home = await mkdtemp(join(tmpdir(), 'vg-'));
    const gpg = gpgIn(home);
    try {
      // The sender's vault: a case with 1 GiB of evidence and an organisation key; two partner keys made by gpg.
      const vaultDir = join(root, 'vault');
      const { vault } = await createVault({
        dir: vaultDir,
        passphrase: PASSPHRASE,
        kdf: argon2idParams({ memoryMiB: 64, iterations: 1 }),
        actor: 'bench',
      });
      const caseId = (await createCase(vault, { title: 'Benchmark case' })).id;
      for (let i = 0; i < files; i += 1) {
        const file = join(root, `video-${i}.bin`);
        await randomFile(file, total / files);
        await intakeFile(vault, { caseId, path: file });
        await rm(file);
      }
      await generateOrgKey(vault, { name: 'Bench Org', email: 'bench@org.example' });
      const partners: string[] = [];
      for (const name of [
        'Partner One <one@partner.example>',
        'Partner Two <two@partner.example>',
      ]) {
        gpg(['--quick-gen-key', name, 'ed25519', 'sign', 'never']);
        const fpr = /fpr:+([0-9A-F]{40}):/.exec(gpg(['--with-colons', '--list-keys', name]))![1]!;
        gpg(['--quick-add-key', fpr, 'cv25519', 'encr', 'never']);
        await importKeys(vault, gpg(['--armor', '--export', fpr]), { trust: true });
        partners.push(fpr);
      }
      gpg(['--import'], await exportPublicKey(vault));
      await vault.lock();
      const passFile = join(root, 'pass');
      await writeFile(passFile, `${PASSPHRASE}\n`);
      const cli = join(import.meta.dirname, 'vigil.js');

      // Vigil: the whole export (render, strip-or-copy, zip, sign, encrypt), in its own process.
      const bundle = join(root, 'bundle.gpg');
      const exported = timed(process.execPath, [
        cli,
        'export',
        '--vault',
        vaultDir,
        '--passphrase-file',
        passFile,
        '--case',
        caseId,
        '--include-originals',
        ...partners.flatMap((p) => ['--encrypt-to', p]),
        '--out',
        bundle,
      ]);
      // The same bytes (the dossier zip gpg decrypts from Vigil's bundle) signed and encrypted by gpg.
      const zip = join(root, 'dossier.zip');
      gpg(['--output', zip, '--decrypt', bundle]);
      warm(zip);
      const gpgKey = partners[0]!;
      const baseline = timed('gpg', [
        '--homedir',
        home,
        '--batch',
        '--no-tty',
        '--pinentry-mode',
        'loopback',
        '--passphrase',
        '',
        '--trust-model',
        'always',
        '--local-user',
        gpgKey,
        ...partners.flatMap((p) => ['--recipient', p]),
        '-z',
        '0',
        '--sign',
        '--encrypt',
        '--output',
        join(root, 'gpg.gpg'),
        zip,
      ]);
      const mb = total / MIB;
      report({
        metric: `bundle export (${mb} MiB of evidence, signed, 2 recipients, whole CLI run)`,
        value: round(mb / exported.seconds, 1),
        unit: 'MB/s',
        baseline: 'gpg --sign --encrypt -z 0 (same bytes, 2 recipients)',
        baselineValue: round(mb / baseline.seconds, 1),
      });
      report({
        metric: 'bundle export peak memory (RSS)',
        value: round(exported.peakMB, 1),
        unit: 'MB',
        baseline: 'gpg RSS',
        baselineValue: round(baseline.peakMB, 1),
      });

      // Verification of a dossier folder: Vigil against gpg --verify plus sha256sum -c.
      const folder = join(root, 'dossier');
      const opened = await (
        await import('../electron/core')
      ).openVault({ dir: vaultDir, passphrase: PASSPHRASE, actor: 'bench' });
      await exportDossier(
        opened,
        {
          caseId,
          template: 'generic',
          language: 'en',
          includePrivate: false,
          includeOriginals: true,
        },
        { kind: 'directory', path: folder },
      );
      await opened.lock();
      spawnSync('sh', ['-c', `cat '${folder}'/evidence/* > /dev/null`]);
      const verified = timed(process.execPath, [
        cli,
        'verify',
        folder,
        '--vault',
        vaultDir,
        '--passphrase-file',
        passFile,
      ]);
      const gpgVerify = timed('sh', [
        '-c',
        `cd '${folder}' && gpg --homedir '${home}' --batch --verify manifest.json.asc manifest.json 2>/dev/null && sha256sum -c --strict --quiet SHA256SUMS`,
      ]);
      report({
        metric: `verify a dossier folder (${mb} MiB, whole CLI run incl. unlock)`,
        value: round(mb / verified.seconds, 1),
        unit: 'MB/s',
        baseline: 'gpg --verify + sha256sum -c',
        baselineValue: round(mb / gpgVerify.seconds, 1),
      });
    } finally {
      spawnSync('gpgconf', ['--homedir', home, '--kill', 'gpg-agent']);
      await rm(home, { recursive: true, force: true });
      await rm(root, { recursive: true, force: true });
    }
  },
};
