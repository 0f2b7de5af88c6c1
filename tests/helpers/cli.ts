import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { runCli } from '../../electron/cli/main';
import type { CliIo } from '../../electron/cli/io';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The built CLI of this test run (see tests/global-setup.ts). */
export function cliPath(): string {
  const dir = process.env.VIGIL_TEST_CLI_DIR;
  if (!dir) throw new Error('VIGIL_TEST_CLI_DIR is not set: the vitest global setup did not run.');
  return join(dir, 'vigil.js');
}

/** Runs the built `vigil` in a child process, as a user or a script would. */
export function runVigil(
  args: string[],
  options: { stdin?: string; env?: Record<string, string | undefined>; timeoutMs?: number } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath(), ...args], {
      env: { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
    });
    child.stdin.end(options.stdin ?? '');
  });
}

/** Runs the CLI in this process with fake streams: fast, and still the real command code. */
export async function runVigilInProcess(
  args: string[],
  options: { stdin?: string; stdinBytes?: Buffer; env?: Record<string, string | undefined> } = {},
): Promise<CliResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
  stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
  const io: CliIo = {
    stdout,
    stderr,
    stdin: Readable.from([options.stdinBytes ?? options.stdin ?? '']),
    stdinIsTTY: false,
    stderrIsTTY: false,
    env: { ...options.env },
  };
  const code = await runCli(args, io);
  return { code, stdout: out, stderr: err };
}
