import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
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

export interface Bench {
  name: string;
  description: string;
  run(
    report: (result: Omit<BenchResult, 'bench' | 'ratio'>) => void,
    options: { quick: boolean },
  ): Promise<void>;
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

/** Runs a command under GNU time: wall-clock seconds and peak RSS in MB. */
export function timed(
  command: string,
  args: string[],
): { seconds: number; peakMB: number; stdout: string } {
  const started = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', 'VIGIL_MAXRSS_KB=%M', command, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * MIB,
  });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0)
    throw new Error(`${command} ${args.slice(0, 3).join(' ')} failed: ${run.stderr.slice(-800)}`);
  const kb = Number(/VIGIL_MAXRSS_KB=(\d+)/.exec(run.stderr)?.[1] ?? NaN);
  return { seconds, peakMB: kb / 1024, stdout: run.stdout };
}

/** Reads a file once so that both sides of a comparison start from a warm page cache. */
export function warm(file: string): void {
  spawnSync('sh', ['-c', `cat '${file}' > /dev/null`]);
}
