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
