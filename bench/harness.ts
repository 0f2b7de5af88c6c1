import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createVault, type Vault } from '../electron/core';
import { argon2idParams } from '../electron/core/crypto/kdf';
import { createCase } from '../electron/core/records';
/** One benchmark figure, printed as a JSON line with --json. */
export interface BenchResult {
  bench: string;
  metric: string;
  value: number;
  unit: string;
  /** What the figure is compared with, measured in the same run; null when it stands alone. */
  baseline: string | null;
  baselineValue: number | null;
  /** value / baselineValue. */
  ratio: number | null;
}

/** Hands one figure to the runner, which names the benchmark and works out the ratio. */
export type Report = (result: Omit<BenchResult, 'bench' | 'ratio'>) => void;

export interface Bench {
  name: string;
  description: string;
  run(report: Report, options: { quick: boolean }): Promise<void>;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Times `fn` `runs` times after one warm-up; returns milliseconds per run. */
export async function timeRuns(
  runs: number,
  fn: () => Promise<unknown>,
  warmup = 1,
): Promise<number[]> {
  for (let i = 0; i < warmup; i += 1) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

const MIB = 1024 * 1024;

/** A file of random bytes (incompressible, like media), written in 16 MiB pieces. */
export async function randomFile(path: string, bytes: number): Promise<void> {
  const out = createWriteStream(path);
  for (let written = 0; written < bytes; written += 16 * MIB) {
    const chunk = randomBytes(Math.min(16 * MIB, bytes - written));
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
}

export interface Timing {
  seconds: number;
  peakMB: number;
  /** User plus system CPU time of the command (and its threads). */
  cpuSeconds: number;
  stdout: string;
}

/** Runs a command under GNU time: wall-clock seconds, CPU seconds and peak RSS in MB. */
export function timed(command: string, args: string[]): Timing {
  const started = performance.now();
  const run = spawnSync(
    '/usr/bin/time',
    ['-f', 'VIGIL_MAXRSS_KB=%M VIGIL_CPU=%U+%S', command, ...args],
    {
      encoding: 'utf8',
      maxBuffer: 64 * MIB,
    },
  );
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0)
    throw new Error(`${command} ${args.slice(0, 3).join(' ')} failed: ${run.stderr.slice(-800)}`);
  const kb = Number(/VIGIL_MAXRSS_KB=(\d+)/.exec(run.stderr)?.[1] ?? NaN);
  const cpu = /VIGIL_CPU=([\d.]+)\+([\d.]+)/.exec(run.stderr);
  const cpuSeconds = cpu ? Number(cpu[1]) + Number(cpu[2]) : NaN;
  return { seconds, peakMB: kb / 1024, cpuSeconds, stdout: run.stdout };
}

/** Reads a file once so that both sides of a comparison start from a warm page cache. */
export function warm(file: string): void {
  spawnSync('sh', ['-c', `cat '${file}' > /dev/null`]);
}

/** Throughput of a `timed` run over `mb` MiB, against a baseline run over the same bytes. */
export function reportThroughput(
  report: Report,
  metric: string,
  mb: number,
  ours: Timing,
  baseline: { name: string; run: Timing },
): void {
  report({
    metric,
    value: round(mb / ours.seconds, 1),
    unit: 'MB/s',
    baseline: baseline.name,
    baselineValue: round(mb / baseline.run.seconds, 1),
  });
}

/** Peak memory of a `timed` run, against the baseline's when its process is comparable. */
export function reportPeakMemory(
  report: Report,
  metric: string,
  ours: Timing,
  baseline: { name: string; run: Timing } | null,
): void {
  report({
    metric,
    value: round(ours.peakMB, 1),
    unit: 'MB',
    baseline: baseline?.name ?? null,
    baselineValue: baseline ? round(baseline.run.peakMB, 1) : null,
  });
}

export const BENCH_PASSPHRASE = 'benchmark passphrase with several words';

/** A new vault with the cheapest Argon2id it allows: unlocking is not what these benchmarks measure. */
export async function createBenchVault(dir: string): Promise<Vault> {
  const { vault } = await createVault({
    dir,
    passphrase: BENCH_PASSPHRASE,
    kdf: argon2idParams({ memoryMiB: 64, iterations: 1 }),
    actor: 'bench',
  });
  return vault;
}

/**
 * A vault in `root` with one case, for timing whole `vigil` runs: `fill` adds
 * what the benchmark needs while it is open, then it is locked; `unlock` holds
 * the options with which each run opens it (a passphrase file, as a script would).
 */
export async function caseVault(
  root: string,
  fill: (vault: Vault, caseId: string) => Promise<void> = async () => undefined,
): Promise<{ dir: string; caseId: string; unlock: string[] }> {
  const dir = join(root, 'vault');
  const vault = await createBenchVault(dir);
  const caseId = (await createCase(vault, { title: 'Benchmark case' })).id;
  await fill(vault, caseId);
  await vault.lock();
  const passFile = join(root, 'pass');
  await writeFile(passFile, `${BENCH_PASSPHRASE}\n`);
  return { dir, caseId, unlock: ['--vault', dir, '--passphrase-file', passFile] };
}
