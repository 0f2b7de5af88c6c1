import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  caseVault,
  randomFile,
  reportPeakMemory,
  reportThroughput,
  timed,
  warm,
  type Bench,
} from './harness';
import { stripBench } from './strip';

const MIB = 1024 * 1024;

export const evidenceBench: Bench = {
  name: 'evidence',
  description:
    'evidence intake and export of a large file vs openssl enc -aes-256-ctr | sha256sum; then the strip benchmark',
  async run(report, options) {
    const size = (options.quick ? 256 : 2048) * MIB;
    const dir = await mkdtemp(join(tmpdir(), 'vigil-bench-evidence-'));
    try {
      const { caseId, unlock } = await caseVault(dir);
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
        ...unlock,
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
        ...unlock,
      ]);

      const mb = size / MIB;
      const pipeline = 'openssl enc -aes-256-ctr | sha256sum';
      reportThroughput(
        report,
        `intake throughput (${mb} MiB: hash + encrypt + fsync, whole CLI run)`,
        mb,
        intake,
        { name: pipeline, run: baseline },
      );
      reportPeakMemory(report, 'intake peak memory (RSS)', intake, {
        name: `${pipeline} (openssl RSS)`,
        run: baseline,
      });
      reportThroughput(
        report,
        `export throughput (${mb} MiB: verify chunks + decrypt + re-hash + fsync)`,
        mb,
        exported,
        { name: 'openssl enc -d -aes-256-ctr | sha256sum', run: exportBaseline },
      );
      reportPeakMemory(report, 'export peak memory (RSS)', exported, null);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    await stripBench.run(report, options);
  },
};
