import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createVault } from '../electron/core';
import { createCase } from '../electron/core/records';
import { argon2idParams } from '../electron/core/crypto/kdf';
import { randomFile, round, timed, warm, type Bench } from './harness';
import { stripBench } from './strip';

const PASSPHRASE = 'benchmark passphrase with several words';
const MIB = 1024 * 1024;

export const evidenceBench: Bench = {
  name: 'evidence',
  description:
    'evidence intake and export of a large file vs openssl enc -aes-256-ctr | sha256sum; then the strip benchmark',
  async run(report, options) {
    const size = (options.quick ? 256 : 2048) * MIB;
    const dir = await mkdtemp(join(tmpdir(), 'vigil-bench-evidence-'));
    try {
      const vaultDir = join(dir, 'vault');
      const created = await createVault({
        dir: vaultDir,
        passphrase: PASSPHRASE,
        kdf: argon2idParams({ memoryMiB: 64, iterations: 1 }),
        actor: 'bench',
      });
      const caseId = (await createCase(created.vault, { title: 'Benchmark case' })).id;
      await created.vault.lock();
      const passFile = join(dir, 'pass');
      await writeFile(passFile, `${PASSPHRASE}\n`);
      const input = join(dir, 'input.bin');
      await randomFile(input, size);
      const cli = join(import.meta.dirname, 'vigil.js');
      const key = randomBytes(32).toString('hex');
      const iv = randomBytes(16).toString('hex');

      warm(input);
      const baseline = timed('sh', [
        '-c',
        `openssl enc -aes-256-ctr -K ${key} -iv ${iv} -in '${input}' | sha256sum`,
      ]);
      warm(input);
      const intake = timed(process.execPath, [
        cli,
        'evidence',
        'add',
        '--vault',
        vaultDir,
        '--passphrase-file',
        passFile,
        '--case',
        caseId,
        input,
        '--json',
      ]);
      const id = (JSON.parse(intake.stdout) as { id: string }[])[0]!.id;
      const encrypted = join(dir, 'input.enc');
      spawnSync('openssl', [
        'enc',
        '-aes-256-ctr',
        '-K',
        key,
        '-iv',
        iv,
        '-in',
        input,
        '-out',
        encrypted,
      ]);
      warm(encrypted);
      const exportBaseline = timed('sh', [
        '-c',
        `openssl enc -d -aes-256-ctr -K ${key} -iv ${iv} -in '${encrypted}' | sha256sum`,
      ]);
      const exported = timed(process.execPath, [
        cli,
        'evidence',
        'export',
        id,
        '--original',
        '--out',
        join(dir, 'out.bin'),
        '--vault',
        vaultDir,
        '--passphrase-file',
        passFile,
      ]);

      const mb = size / MIB;
      const pipeline = 'openssl enc -aes-256-ctr | sha256sum';
      report({
        metric: `intake throughput (${mb} MiB: hash + encrypt + fsync, whole CLI run)`,
        value: round(mb / intake.seconds, 1),
        unit: 'MB/s',
        baseline: pipeline,
        baselineValue: round(mb / baseline.seconds, 1),
      });
      report({
        metric: 'intake peak memory (RSS)',
        value: round(intake.peakMB, 1),
        unit: 'MB',
        baseline: `${pipeline} (openssl RSS)`,
        baselineValue: round(baseline.peakMB, 1),
      });
      report({
        metric: `export throughput (${mb} MiB: verify chunks + decrypt + re-hash + fsync)`,
        value: round(mb / exported.seconds, 1),
        unit: 'MB/s',
        baseline: 'openssl enc -d -aes-256-ctr | sha256sum',
        baselineValue: round(mb / exportBaseline.seconds, 1),
      });
      report({
        metric: 'export peak memory (RSS)',
        value: round(exported.peakMB, 1),
        unit: 'MB',
        baseline: null,
        baselineValue: null,
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    await stripBench.run(report, options);
  },
};
