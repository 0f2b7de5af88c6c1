import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { intakeFile } from '../electron/core/evidence';
import { GpgHome, requireGpg } from './gpg';
import {
  caseVault,
  randomFile,
  reportPeakMemory,
  reportThroughput,
  round,
  timed,
  type Bench,
} from './harness';

const MIB = 1024 * 1024;

/** The evidence in the vault: 2 GiB, or VIGIL_BENCH_BACKUP_MIB, or 256 MiB with --quick. */
function evidenceMiB(quick: boolean): number {
  const raw = process.env.VIGIL_BENCH_BACKUP_MIB;
  if (raw === undefined) return quick ? 256 : 2048;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 16)
    throw new Error(`VIGIL_BENCH_BACKUP_MIB must be a whole number of MiB from 16, not ${raw}`);
  return value;
}

async function sizeOf(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  return total;
}

/**
 * A vault holding `mib` MiB of evidence as a researcher's would: a few large
 * videos and many photos' worth of smaller files (random bytes, incompressible).
 */
async function fill(root: string, mib: number): Promise<{ dir: string; unlock: string[] }> {
  const inputs = join(root, 'inputs');
  await mkdir(inputs);
  return caseVault(root, async (vault, caseId) => {
    const large = Math.floor((mib * 3) / 4 / 4);
    const sizes = [large, large, large, large];
    let rest = mib - 4 * large;
    while (rest > 0) {
      sizes.push(Math.min(4, rest));
      rest -= 4;
    }
    for (const [i, size] of sizes.entries()) {
      const file = join(inputs, `file-${i}.bin`);
      await randomFile(file, size * MIB);
      await intakeFile(vault, { caseId, path: file });
      await rm(file);
    }
  });
}

export const backupBench: Bench = {
  name: 'backup',
  description:
    'vigil backup of a vault with 2 GiB of evidence vs tar | gpg --symmetric (both synced); backup verify vs gpg -d | tar -t; restore vs gpg -d | tar -x (synced)',
  async run(report, options) {
    requireGpg('backup');
    const mib = evidenceMiB(options.quick);
    const root = await mkdtemp(join(tmpdir(), 'vigil-bench-backup-'));
    const gpg = await GpgHome.create();
    try {
      const { dir, unlock } = await fill(root, mib);
      const passFile = join(root, 'pass');
      const vaultMB = (await sizeOf(dir)) / MIB;
      const cli = join(import.meta.dirname, 'vigil.js');
      const gpgArgs = `--homedir '${gpg.home}' --batch --no-tty --pinentry-mode loopback --passphrase-file '${passFile}'`;
      const ours = join(root, 'vault.vigilbackup');
      const theirs = join(root, 'vault.tar.gpg');

      // Both sides read the same directory, write one encrypted file and sync it to disk.
      // Alternate which goes first, so neither always finds a cache the other warmed.
      const baseline = timed('sh', [
        '-c',
        `tar -cf - -C '${root}' vault | gpg ${gpgArgs} --yes --symmetric --cipher-algo AES256 -z 0 -o '${theirs}' && sync '${theirs}'`,
      ]);
      const backup = timed(process.execPath, [cli, 'backup', ...unlock, '--out', ours, '--json']);
      const backupMB = (await stat(ours)).size / MIB;

      const verifyBaseline = timed('sh', [
        '-c',
        `gpg ${gpgArgs} --decrypt '${theirs}' | tar -tf - > /dev/null`,
      ]);
      const verify = timed(process.execPath, [
        cli,
        'backup',
        'verify',
        ours,
        '--passphrase-file',
        passFile,
        '--json',
      ]);

      const restoredTheirs = join(root, 'restored-tar');
      await mkdir(restoredTheirs);
      const restoreBaseline = timed('sh', [
        '-c',
        `gpg ${gpgArgs} --decrypt '${theirs}' | tar -xf - -C '${restoredTheirs}' && find '${restoredTheirs}' -type f -print0 | xargs -0 sync`,
      ]);
      await rm(restoredTheirs, { recursive: true, force: true });
      const restore = timed(process.execPath, [
        cli,
        'restore',
        ours,
        '--vault',
        join(root, 'restored'),
        '--passphrase-file',
        passFile,
        '--json',
      ]);

      const size = round(vaultMB, 0);
      reportThroughput(
        report,
        `backup throughput (vault of ${size} MiB with ${mib} MiB of evidence; whole CLI run, synced)`,
        vaultMB,
        backup,
        { name: 'tar | gpg --symmetric -z 0, synced', run: baseline },
      );
      reportPeakMemory(report, 'backup peak memory (RSS)', backup, null);
      report({
        metric: 'backup CPU time',
        value: round(backup.cpuSeconds, 1),
        unit: 's',
        baseline: 'tar | gpg --symmetric',
        baselineValue: round(baseline.cpuSeconds, 1),
      });
      report({
        metric: 'backup file size',
        value: round(backupMB, 0),
        unit: 'MiB',
        baseline: 'tar | gpg --symmetric',
        baselineValue: round((await stat(theirs)).size / MIB, 0),
      });
      reportThroughput(
        report,
        'backup verify throughput (every hash, MAC, checks)',
        backupMB,
        verify,
        {
          name: 'gpg --decrypt | tar -t',
          run: verifyBaseline,
        },
      );
      reportPeakMemory(report, 'backup verify peak memory (RSS)', verify, null);
      reportThroughput(report, 'restore throughput (checked, synced)', backupMB, restore, {
        name: 'gpg --decrypt | tar -x, synced',
        run: restoreBaseline,
      });
      reportPeakMemory(report, 'restore peak memory (RSS)', restore, null);
    } finally {
      await gpg.close();
      await rm(root, { recursive: true, force: true });
    }
  },
};
