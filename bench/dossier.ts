import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { intakeFile } from '../electron/core/evidence';
import { exportDossier } from '../electron/core/dossier';
import { exportPublicKey, generateOrgKey, importKeys } from '../electron/core/pgp';
import { GpgHome, requireGpg } from './gpg';
import {
  BENCH_PASSPHRASE,
  caseVault,
  randomFile,
  reportPeakMemory,
  reportThroughput,
  timed,
  warm,
  type Bench,
} from './harness';

const MIB = 1024 * 1024;

export const dossierBench: Bench = {
  name: 'dossier',
  description:
    'export of a dossier with 1 GiB of evidence, signed and encrypted to two recipients, vs gpg --sign --encrypt -z 0; verify vs gpg --verify + sha256sum -c',
  async run(report, { quick }) {
    requireGpg('dossier');
    const total = (quick ? 128 : 1024) * MIB;
    const files = 4;
    const root = await mkdtemp(join(tmpdir(), 'vigil-bench-dossier-'));
    const gpg = await GpgHome.create();
    try {
      // The sender's vault: a case with 1 GiB of evidence and an organisation key; two partner keys made by gpg.
      const partners: string[] = [];
      const originals: string[] = [];
      const sender = await caseVault(root, async (vault, caseId) => {
        for (let i = 0; i < files; i += 1) {
          const file = join(root, `video-${i}.bin`);
          await randomFile(file, total / files);
          originals.push((await intakeFile(vault, { caseId, path: file })).id);
          await rm(file);
        }
        await generateOrgKey(vault, { name: 'Bench Org', email: 'bench@org.example' });
        for (const name of [
          'Partner One <one@partner.example>',
          'Partner Two <two@partner.example>',
        ]) {
          const fpr = gpg.generate(name);
          await importKeys(vault, gpg.output(['--armor', '--export', fpr]), { trust: true });
          partners.push(fpr);
        }
        gpg.output(['--import'], await exportPublicKey(vault));
      });
      const cli = join(import.meta.dirname, 'vigil.js');

      // Vigil: the whole export (render, strip-or-copy, zip, sign, encrypt), in its own process.
      const bundle = join(root, 'bundle.gpg');
      const exported = timed(process.execPath, [
        cli,
        'export',
        ...sender.unlock,
        '--case',
        sender.caseId,
        // Random bytes cannot be stripped: each file goes as its original, named one by one.
        ...originals.flatMap((id) => ['--include-original', id]),
        ...partners.flatMap((p) => ['--encrypt-to', p]),
        '--out',
        bundle,
      ]);
      // The same bytes (the dossier zip gpg decrypts from Vigil's bundle) signed and encrypted by gpg.
      const zip = join(root, 'dossier.zip');
      gpg.output(['--output', zip, '--decrypt', bundle]);
      warm(zip);
      const baseline = timed(
        'gpg',
        gpg.args([
          '--trust-model',
          'always',
          '--local-user',
          partners[0]!,
          ...partners.flatMap((p) => ['--recipient', p]),
          '-z',
          '0',
          '--sign',
          '--encrypt',
          '--output',
          join(root, 'gpg.gpg'),
          zip,
        ]),
      );
      const mb = total / MIB;
      reportThroughput(
        report,
        `bundle export (${mb} MiB of evidence, signed, 2 recipients, whole CLI run)`,
        mb,
        exported,
        { name: 'gpg --sign --encrypt -z 0 (same bytes, 2 recipients)', run: baseline },
      );
      reportPeakMemory(report, 'bundle export peak memory (RSS)', exported, {
        name: 'gpg RSS',
        run: baseline,
      });

      // Verification of a dossier folder: Vigil against gpg --verify plus sha256sum -c.
      const folder = join(root, 'dossier');
      const opened = await (
        await import('../electron/core')
      ).openVault({ dir: sender.dir, passphrase: BENCH_PASSPHRASE, actor: 'bench' });
      await exportDossier(
        opened,
        {
          caseId: sender.caseId,
          template: 'generic',
          language: 'en',
          includePrivate: false,
          originals,
        },
        { kind: 'directory', path: folder },
      );
      await opened.lock();
      spawnSync('sh', ['-c', `cat '${folder}'/evidence/* > /dev/null`]);
      const verified = timed(process.execPath, [cli, 'verify', folder, ...sender.unlock]);
      const gpgVerify = timed('sh', [
        '-c',
        `cd '${folder}' && gpg --homedir '${gpg.home}' --batch --verify manifest.json.asc manifest.json 2>/dev/null && sha256sum -c --strict --quiet SHA256SUMS`,
      ]);
      reportThroughput(
        report,
        `verify a dossier folder (${mb} MiB, whole CLI run incl. unlock)`,
        mb,
        verified,
        { name: 'gpg --verify + sha256sum -c', run: gpgVerify },
      );
    } finally {
      await gpg.close();
      await rm(root, { recursive: true, force: true });
    }
  },
};
