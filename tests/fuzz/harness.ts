import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { isVigilError } from '../../electron/core/errors';

// The fuzzing harness: every target is a fast-check property over generated
// inputs. A run is fully determined by (target, seed); a failure prints the
// seed and the fast-check path of the failing input, and
// `npm run fuzz -- TARGET --seed S --path P` replays exactly that input.

export interface FuzzTarget<T = unknown> {
  /** Selects the target on the command line: `npm run fuzz -- NAME`. Lower case, dash-separated. */
  name: string;
  /** One line: what is fuzzed and which properties are checked. */
  about: string;
  /** How many inputs `npm test` tries (seconds, not minutes); `--runs N` overrides it. */
  runs: number;
  /** The inputs (built lazily: a target's fixtures load only when it runs). */
  arbitrary: () => fc.Arbitrary<T>;
  /** Checks one input; throws (any error) when a property does not hold. */
  property: (input: T) => Promise<void> | void;
  /** A short description of an input for the failure message (never the whole input). */
  describe?: (input: T) => string;
}

/** A target as the registry holds it: its input type erased, its run bound to it. */
export interface RegisteredTarget {
  name: string;
  about: string;
  runs: number;
  run: (options: FuzzOptions) => Promise<FuzzResult>;
}

/** Registers a target (keeps its input type checked where it is written). */
export function defineTarget<T>(target: FuzzTarget<T>): RegisteredTarget {
  return {
    name: target.name,
    about: target.about,
    runs: target.runs,
    run: (options) => runTarget(target, options),
  };
}

export interface FuzzOptions {
  runs: number;
  seed: number;
  /** fast-check's path of one input, to replay it alone. */
  path?: string;
  /** An input that runs longer than this without finishing is reported as a hang. */
  hangSeconds: number;
}

export interface FuzzResult {
  runs: number;
  seed: number;
}

/** A stable default seed per target, so `npm test` tries the same inputs on every machine. */
export function defaultSeed(name: string): number {
  let h = 0x811c9dc5;
  for (const ch of name) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h | 0;
}

export function replayCommand(name: string, seed: number, path?: string, runs?: number): string {
  return `npm run fuzz -- ${name} --seed ${seed}${path ? ` --path ${path}` : ''}${
    runs && !path ? ` --runs ${runs}` : ''
  }`;
}

/**
 * Fails the property unless `error` is a VigilError with a precise message:
 * the only way a hostile input may end an operation.
 */
export function onlyVigilErrors(error: unknown, label: string): void {
  if (!isVigilError(error))
    throw new Error(`${label}: crashed with something other than a VigilError: ${String(error)}`, {
      cause: error,
    });
  if (!/\.$/.test(error.message))
    throw new Error(`${label}: the error message is not a sentence: ${error.message}`);
}

// A watchdog on its own thread: a synchronous infinite loop blocks the test's
// event loop (and vitest's timeout with it), but not another thread. The main
// thread bumps a counter before every input; when the counter stands still for
// longer than the limit while an input runs, the watchdog prints the replay
// command and ends the process, so a hang is reported with its seed.
const WATCHDOG = `
const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const state = new Int32Array(workerData.shared);
let last = -1;
for (;;) {
  Atomics.wait(state, 2, 0, workerData.limitMs);
  if (Atomics.load(state, 2) === 1) break;
  const now = Atomics.load(state, 0);
  const running = Atomics.load(state, 1) === 1;
  if (running && now === last) {
    writeSync(2, '\\nvigil fuzz: target ' + workerData.name + ' hung: input ' + (now - 1) +
      ' of seed ' + workerData.seed + ' ran for more than ' + (workerData.limitMs / 1000) +
      ' s.\\nReplay: npm run fuzz -- ' + workerData.name + ' --seed ' + workerData.seed +
      ' --path ' + (workerData.basePath ? workerData.basePath : String(now - 1)) + '\\n');
    process.kill(process.pid, 'SIGKILL');
  }
  last = now;
}
`;

class Watchdog {
  private readonly state = new Int32Array(new SharedArrayBuffer(12));
  private readonly worker: Worker;

  constructor(name: string, seed: number, limitMs: number, basePath?: string) {
    this.worker = new Worker(WATCHDOG, {
      eval: true,
      workerData: { shared: this.state.buffer, name, seed, limitMs, basePath },
    });
    this.worker.unref();
  }

  enter(): void {
    Atomics.add(this.state, 0, 1);
    Atomics.store(this.state, 1, 1);
  }

  leave(): void {
    Atomics.store(this.state, 1, 0);
  }

  stop(): void {
    Atomics.store(this.state, 2, 1);
    Atomics.notify(this.state, 2);
  }
}

/** Runs one target; throws an Error naming the seed, the failing input and the replay command. */
export async function runTarget<T>(
  target: FuzzTarget<T>,
  options: FuzzOptions,
): Promise<FuzzResult> {
  const watchdog = new Watchdog(
    target.name,
    options.seed,
    options.hangSeconds * 1000,
    options.path,
  );
  try {
    const property = fc.asyncProperty(target.arbitrary(), async (input) => {
      watchdog.enter();
      try {
        await target.property(input);
      } finally {
        watchdog.leave();
      }
    });
    const details = await fc.check(property, {
      numRuns: options.runs,
      seed: options.seed,
      path: options.path,
      // A failure is shrunk to a smaller input that still fails, within reason.
      endOnFailure: false,
      verbose: 0,
    });
    if (details.failed) {
      const path = details.counterexamplePath ?? undefined;
      const input = details.counterexample?.[0];
      const error = details.errorInstance;
      const message = error instanceof Error ? error.message : String(error);
      const shown = input !== undefined && target.describe ? target.describe(input) : '';
      throw new Error(
        [
          `fuzz target ${target.name} failed on input ${path ?? '?'} of seed ${options.seed} (after ${details.numRuns} inputs):`,
          `  ${message}`,
          shown ? `  input: ${shown}` : '',
          `Replay: ${replayCommand(target.name, options.seed, path)}`,
        ]
          .filter(Boolean)
          .join('\n'),
        { cause: error },
      );
    }
    return { runs: details.numRuns, seed: options.seed };
  } finally {
    watchdog.stop();
  }
}

/** Options from the environment `npm run fuzz` sets; `npm test` leaves them unset. */
export function optionsFor(target: RegisteredTarget, env = process.env): FuzzOptions {
  const int = (v: string | undefined): number | undefined =>
    v !== undefined && /^-?\d+$/.test(v) ? Number(v) : undefined;
  return {
    runs: int(env.VIGIL_FUZZ_RUNS) ?? target.runs,
    seed: int(env.VIGIL_FUZZ_SEED) ?? defaultSeed(target.name),
    path: env.VIGIL_FUZZ_PATH || undefined,
    hangSeconds: int(env.VIGIL_FUZZ_HANG_SECONDS) ?? 60,
  };
}

/** Whether the `VIGIL_FUZZ_TARGET` selection (a name or a name prefix, comma-separated) picks a target. */
export function selected(name: string, selection = process.env.VIGIL_FUZZ_TARGET): boolean {
  if (!selection) return true;
  return selection
    .split(',')
    .map((s) => s.trim())
    .some((s) => s === name || name.startsWith(`${s}-`));
}

/**
 * The property every stripping target shares: inspecting never throws and
 * reports the size; stripping ends in a VigilError (undefined is returned) or
 * an output that Vigil re-reads as readable with nothing risky left. The
 * caller then searches the output for what it planted.
 */
export async function stripOrRefuse(
  input: Buffer,
  label: string,
  strip: (b: Buffer) => Promise<{ output: Buffer }>,
  inspect: (b: Buffer) => Promise<{
    size: number;
    risky: number;
    readable: boolean;
    unreadableReason?: string;
    fields: { risky: boolean; label: string }[];
  }>,
  check: (output: Buffer) => string[],
): Promise<void> {
  const report = await inspect(input);
  if (report.size !== input.length) throw new Error(`${label}: inspect misreports the size`);
  let output: Buffer;
  try {
    output = (await strip(input)).output;
  } catch (error) {
    onlyVigilErrors(error, label);
    return;
  }
  const left = check(output);
  if (left.length > 0)
    throw new Error(`${label}: stripped and called clean, but ${left.join('; ')}`);
  const again = await inspect(output);
  if (again.risky > 0 || !again.readable)
    throw new Error(
      `${label}: the stripped copy still shows ${again.fields.find((f) => f.risky)?.label ?? again.unreadableReason}`,
    );
}

// ---- Inputs shared by targets -------------------------------------------------

/** One edit of a byte string; a list of them turns a valid file into a hostile one. */
export type Mutation =
  | { kind: 'flip'; at: number; value: number }
  | { kind: 'cut'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'overwrite'; at: number; bytes: Uint8Array }
  | { kind: 'duplicate'; at: number; length: number; to: number };

/** Tokens that do the most damage in text-based formats (numbers, nesting, delimiters). */
export const NASTY_TOKENS = [
  ' 99999999999 ',
  '9999999',
  '-1',
  '0 0 R',
  '<<',
  '>>',
  '[[[[[[',
  '(',
  ')',
  '\\',
  'endstream',
  'stream\n',
  ' EI ',
  'BI ',
  ' ID ',
  '%%EOF',
  'obj',
  'endobj',
  '/Filter',
  '/Length',
].map((t) => Buffer.from(t, 'latin1'));

/**
 * Edits of a file: byte flips, truncation, inserted junk or format tokens,
 * deletions, 16/32-bit extreme values, and duplicated ranges. Positions are
 * fractions of the length, so the same edits apply to any input size.
 */
export function mutationsArbitrary(maxEdits = 6): fc.Arbitrary<Mutation[]> {
  const at = fc.integer({ min: 0, max: 0x7fffffff });
  const extreme = fc.constantFrom(
    Uint8Array.of(0xff, 0xff, 0xff, 0xff),
    Uint8Array.of(0x7f, 0xff, 0xff, 0xff),
    Uint8Array.of(0x80, 0, 0, 0),
    Uint8Array.of(0, 0),
    Uint8Array.of(0xff, 0xff),
    Uint8Array.of(0, 1, 0, 0),
  );
  const edit: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at, value: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ kind: fc.constant('cut' as const), at }),
    fc.record({
      kind: fc.constant('insert' as const),
      at,
      bytes: fc.oneof(
        fc.uint8Array({ minLength: 1, maxLength: 48 }),
        fc.constantFrom(...NASTY_TOKENS),
      ),
    }),
    fc.record({
      kind: fc.constant('delete' as const),
      at,
      length: fc.integer({ min: 1, max: 64 }),
    }),
    fc.record({
      kind: fc.constant('overwrite' as const),
      at,
      bytes: fc.oneof(extreme, fc.constantFrom(...NASTY_TOKENS)),
    }),
    fc.record({
      kind: fc.constant('duplicate' as const),
      at,
      length: fc.integer({ min: 1, max: 512 }),
      to: at,
    }),
  );
  return fc.array(edit, { minLength: 1, maxLength: maxEdits });
}

/** Applies edits in order; every position is taken modulo the current length. */
export function applyMutations(input: Buffer, edits: Mutation[]): Buffer {
  let out = Buffer.from(input);
  for (const e of edits) {
    const n = out.length;
    const p = n === 0 ? 0 : e.at % (n + 1);
    switch (e.kind) {
      case 'flip':
        if (n > 0) out[p % n] = e.value;
        break;
      case 'cut':
        out = out.subarray(0, p);
        break;
      case 'insert':
        out = Buffer.concat([out.subarray(0, p), Buffer.from(e.bytes), out.subarray(p)]);
        break;
      case 'delete':
        out = Buffer.concat([out.subarray(0, p), out.subarray(p + e.length)]);
        break;
      case 'overwrite': {
        const b = Buffer.from(e.bytes);
        out = Buffer.concat([out.subarray(0, p), b, out.subarray(p + b.length)]);
        break;
      }
      case 'duplicate': {
        const piece = out.subarray(p, p + e.length);
        const to = n === 0 ? 0 : e.to % (n + 1);
        out = Buffer.concat([out.subarray(0, to), piece, out.subarray(to)]);
        break;
      }
    }
  }
  return out;
}

export function describeMutations(edits: Mutation[]): string {
  return edits
    .map((e) => {
      switch (e.kind) {
        case 'insert':
        case 'overwrite':
          return `${e.kind}@${e.at}:${JSON.stringify(Buffer.from(e.bytes).toString('latin1'))}`;
        case 'delete':
        case 'duplicate':
          return `${e.kind}@${e.at}+${e.length}`;
        case 'flip':
          return `flip@${e.at}=${e.value}`;
        default:
          return `cut@${e.at}`;
      }
    })
    .join(' ');
}
