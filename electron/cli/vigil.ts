#!/usr/bin/env node
import { runCli } from './main';
import { processIo } from './io';
import { interruptionLine, removeTrackedSync, trackedLabels } from './interrupt';

/**
 * Ctrl-C (SIGINT) and SIGTERM: the command is asked to stop (its work sees
 * the abort and unwinds, removing what it had started), then, whatever
 * state it reached, everything still being written is removed synchronously
 * and one line says what was interrupted. A second signal, or work that
 * does not unwind promptly, skips straight to that last step.
 */
const controller = new AbortController();
let interrupted: NodeJS.Signals | null = null;
let inFlight: string[] = [];
const UNWIND_MS = 2_000;

function finish(): never {
  const { removed, failed } = removeTrackedSync();
  process.stderr.write(`${interruptionLine(interrupted!, [...inFlight, ...removed], failed)}\n`);
  process.exit(interrupted === 'SIGINT' ? 130 : 143);
}

function onSignal(signal: NodeJS.Signals): void {
  if (interrupted) finish();
  interrupted = signal;
  inFlight = trackedLabels();
  controller.abort();
  setTimeout(finish, UNWIND_MS).unref();
}

process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

runCli(process.argv.slice(2), processIo(), { signal: controller.signal }).then(
  (code) => {
    // Work that completed despite the signal stands, reported as usual.
    if (interrupted && code !== 0) finish();
    process.exitCode = code;
  },
  (error: unknown) => {
    if (interrupted) finish();
    process.stderr.write(`vigil: internal error: ${String(error)}\n`);
    process.exitCode = 1;
  },
);
