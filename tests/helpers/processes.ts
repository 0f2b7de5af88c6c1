import { spawn, type ChildProcess } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { cliPath, type CliResult } from './cli';

export interface Finished extends CliResult {
  signal: NodeJS.Signals | null;
}

export interface Running {
  child: ChildProcess;
  done: Promise<Finished>;
  /** True once the process has exited. */
  readonly exited: boolean;
}

/**
 * Starts the built `vigil` in a child process and returns at once, so a test
 * can run several side by side, or signal one midway. Killed after
 * `timeoutMs` so that a hang fails the test instead of stalling the run.
 */
export function startVigil(
  args: string[],
  options: { stdin?: string; env?: Record<string, string | undefined>; timeoutMs?: number } = {},
): Running {
  const child = spawn(process.execPath, [cliPath(), ...args], {
    env: { ...process.env, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let exited = false;
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const done = new Promise<Finished>((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      exited = true;
      resolve({ code: code ?? 128, signal, stdout, stderr });
    });
  });
  child.stdin.end(options.stdin ?? '');
  return {
    child,
    done,
    get exited() {
      return exited;
    },
  };
}

/** Polls `probe` until it returns true or the process ends; returns whether it became true. */
export async function waitUntil(
  probe: () => Promise<boolean> | boolean,
  running: Running,
  intervalMs = 5,
): Promise<boolean> {
  while (!running.exited) {
    if (await probe()) return true;
    await sleep(intervalMs);
  }
  return false;
}

/** Names in `dir` that carry Vigil's temporary marker. */
export async function tempNames(dir: string): Promise<string[]> {
  return (await readdir(dir).catch(() => [] as string[])).filter((n) => n.includes('.vigil-tmp-'));
}

/** A seeded generator (mulberry32, as the benchmarks use), so a failing random run can be replayed from its seed. */
export { rng as seededRandom } from '../../bench/recordsWorkload';
