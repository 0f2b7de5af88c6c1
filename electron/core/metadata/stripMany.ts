import { open } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { fsError, isVigilError, VigilError } from '../errors';
import { alignedOffset, DIRECT_ALIGN } from '../fs/directWrite';
import { DurableBatch } from '../fs/durableBatch';
import { sha256Hex, unsupported } from './bytes';
import { HashWorker } from './hashWorker';
import { checkTarget, MAX_FILE_SIZE, stripFile } from './file';
import { detectType } from './detect';
import { isMedia } from './media';
import { stripBuffer, type StripOptions } from './strip';
import type { StripReport } from './types';

export interface StripJob {
  input: string;
  output: string;
}

export type StripOutcome =
  | { input: string; output: string; report: StripReport }
  | { input: string; output: string; error: VigilError };

export interface StripManyOptions extends StripOptions {
  force?: boolean;
  /** Checked between files: the files begun are finished, the rest not touched. */
  signal?: AbortSignal;
  /** Called once per file, in order, when its output is in place (or refused). */
  onFile?: (index: number, outcome: StripOutcome) => void;
}

/**
 * Files (and bytes) whose outputs are synced together; the next group is
 * stripped meanwhile. An output written directly (past the page cache) is
 * on the disk before its group is synced, so a sync costs little more than
 * the file system's journal: fewer of them is faster. 500 camera JPEGs
 * (1.6 GB), 3 runs each: 2.9–3.0 s in groups of 8 MiB, 2.3–3.0 s in groups
 * of 64 MiB and more (with buffered writes, small groups had been faster).
 */
const GROUP_FILES = 32;
const GROUP_BYTES = 64 * 1024 * 1024;

/**
 * Files read ahead, and outputs being written and hashed, at once: enough
 * that a direct write, which returns only once the disk has the bytes,
 * rarely holds up the next strip (500 camera JPEGs: 2.9–3.5 s with two of
 * each, 2.9–3.2 s with 3 and 4, no better with more).
 */
const INPUT_ARENAS = 3;
const OUTPUT_ARENAS = 4;

/** Inputs and outputs up to this size reuse a batch's memory; larger ones get their own. */
const REUSE_MAX = 64 * 1024 * 1024;

/**
 * One block of memory reused from file to file. Fresh memory costs a page
 * fault per 4 KiB when first written, which for camera photos cost more than
 * the strip itself. Once a file is stripped, its memory is lent to the
 * hashing thread (moved there and back, never copied: a SharedArrayBuffer
 * would spare the move but makes every copy into or out of it several times
 * slower) and it is refilled only once it is back and nothing else reads it.
 * An output arena's views start where the memory is aligned for a direct
 * write (see fs/directWrite.ts), found in the folder the outputs go to.
 * Each `take` returns a new view object: the JPEG reader remembers its parse
 * per buffer object, so a view handed out before must never come back with
 * other bytes in it.
 */
class Arena {
  private memory: ArrayBuffer | undefined;
  /** Where views start: aligned for direct writes, or 0. */
  private offset = 0;
  private direct = false;
  /** What still uses the memory of the last file (its write, its digest). */
  private users: Promise<unknown> = Promise.resolve();

  /** `alignIn`: a folder on the outputs' file system, to align the memory for direct writes there. */
  constructor(private readonly alignIn?: string) {}

  /** Settles once the last file's memory is back and no longer read: `take` may be called then. */
  async ready(): Promise<void> {
    await this.users;
  }

  take(size: number): Buffer {
    if (size > REUSE_MAX) return Buffer.allocUnsafe(size);
    const room = this.alignIn ? size + 2 * DIRECT_ALIGN : size;
    if (!this.memory || this.memory.byteLength < room) {
      this.memory = new ArrayBuffer(room);
      const aligned = this.alignIn ? alignedOffset(this.memory, this.alignIn) : undefined;
      this.offset = aligned ?? 0;
      this.direct = aligned !== undefined;
    }
    return Buffer.from(this.memory, this.offset, size);
  }

  /** Whether `view` is this arena's last (it can then be lent to the hashing thread). */
  owns(view: Buffer): boolean {
    return (
      this.memory !== undefined && view.buffer === this.memory && view.byteOffset === this.offset
    );
  }

  /** Whether `view` can be written directly, past the page cache. */
  alignedFor(view: Buffer): boolean {
    return this.direct && this.owns(view);
  }

  /**
   * The digest of `view` (this arena's) taken on `thread`: the memory goes
   * there with it and comes back with the digest; `view` is unusable from then on.
   */
  digestOn(thread: HashWorker, view: Buffer): Promise<string> {
    const length = view.length;
    const memory = this.memory!;
    this.memory = undefined;
    const digest = thread.sha256(memory, length, this.offset).then((reply) => {
      this.memory ??= reply.memory;
      return reply.digest;
    });
    this.using(digest);
    return digest;
  }

  /** Keeps the memory from being refilled until `use` settles. */
  using(use: Promise<unknown>): void {
    const before = this.users;
    this.users = Promise.allSettled([before, use]);
  }

  /** The bytes of the last files do not stay in memory after the batch. */
  async wipe(): Promise<void> {
    await this.users;
    if (this.memory) new Uint8Array(this.memory).fill(0);
    this.memory = undefined;
  }
}

/** Below this many files, a hashing thread costs more to start than it saves. */
const THREAD_FROM_FILES = 4;

/**
 * Audio and video up to this size are stripped in memory with the rest of
 * the batch (a voice note's output joins the group's one sync); larger ones
 * are streamed by stripFile, never read whole.
 */
const MEDIA_IN_MEMORY_MAX = 16 * 1024 * 1024;

/** The whole file, or `undefined` for audio or video too large to read whole (it is streamed). */
async function readWhole(path: string, arena: Arena): Promise<Buffer | undefined> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw fsError(error, `Cannot read ${basename(path)}`);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile())
      throw new VigilError('INVALID_INPUT', `${basename(path)} is not a regular file.`);
    if (info.size > MEDIA_IN_MEMORY_MAX) {
      const head = Buffer.alloc(4096);
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      if (isMedia(detectType(head.subarray(0, bytesRead)).type)) return undefined;
    }
    if (info.size > MAX_FILE_SIZE)
      throw unsupported(`${basename(path)} is larger than 1 GiB, which Vigil cannot process.`);
    await arena.ready();
    const buf = arena.take(info.size);
    let at = 0;
    while (at < buf.length) {
      const { bytesRead } = await handle.read(buf, at, buf.length - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    // A file that shrank while read is taken as it is now, never with stale bytes.
    return at === buf.length ? buf : buf.subarray(0, at);
  } catch (error) {
    throw fsError(error, `Cannot read ${basename(path)}`);
  } finally {
    await handle.close();
  }
}

interface Read {
  /** Undefined for audio or video streamed by stripFile. */
  bytes?: Buffer;
}

const asVigil = (error: unknown, what: string): VigilError =>
  isVigilError(error) ? error : fsError(error, what);

/** Errors after which no further file can succeed: the batch stops. */
const fatal = (error: VigilError): boolean =>
  error.code === 'DISK_FULL' || error.code === 'CANCELLED';

/**
 * Strips many files into their outputs: the strip of one file is stripFile's
 * (the same checks, the same re-inspection of every output, the same report),
 * but the work is spread over a pipeline. While one file is stripped, the
 * next is read, the last one's output is written and both digests are taken
 * on a thread of their own; the durable writes are grouped (see
 * DurableBatch: all temps synced at once, then renamed, then each folder
 * synced once) and a group's sync runs while the next group is stripped.
 * The memory of inputs and outputs is reused from file to file. Audio and
 * video larger than MEDIA_IN_MEMORY_MAX go through stripFile's streamed path
 * one by one, never read whole. A file that is refused has no output and
 * does not stop the others.
 */
export async function stripMany(
  jobs: readonly StripJob[],
  options: StripManyOptions = {},
): Promise<{ outcomes: StripOutcome[]; cancelled: boolean }> {
  const outcomes: StripOutcome[] = new Array<StripOutcome>(jobs.length);
  const seen = new Set<string>();
  // Files are read ahead while one is stripped, and outputs written and hashed meanwhile.
  const inputs = Array.from({ length: INPUT_ARENAS }, () => new Arena());
  const alignIn = jobs[0] && dirname(resolve(jobs[0].output));
  const outputs = Array.from({ length: OUTPUT_ARENAS }, () => new Arena(alignIn));
  const thread = jobs.length >= THREAD_FROM_FILES ? new HashWorker() : undefined;
  const stripOptions: StripOptions = {
    keepAnnotationText: options.keepAnnotationText,
    keepAnnotationAuthors: options.keepAnnotationAuthors,
    acceptChanges: options.acceptChanges,
  };
  let reported = 0;
  const report = (): void => {
    while (reported < jobs.length && outcomes[reported]) {
      options.onFile?.(reported, outcomes[reported]!);
      reported += 1;
    }
  };
  const settle = (index: number, outcome: StripOutcome): void => {
    outcomes[index] = outcome;
    report();
  };

  let batch = new DurableBatch('strip-many');
  /** The group's files: each temp is written once `written` settles, each report complete once `hashed` does. */
  let members: {
    index: number;
    report: StripReport;
    written: Promise<void>;
    hashed: Promise<void>;
  }[] = [];
  let committing: Promise<void> = Promise.resolve();
  /** Syncs and places the current group while the caller goes on with the next. */
  const flush = async (): Promise<void> => {
    await committing;
    const group = batch;
    const groupMembers = members;
    batch = new DurableBatch('strip-many');
    members = [];
    // A digest that failed means the hashing thread failed: no report can be trusted any more,
    // and nothing of the group is placed. A full disk stops the batch the same way.
    const written = await Promise.allSettled(groupMembers.map((m) => m.written));
    const hashed = await Promise.allSettled(groupMembers.map((m) => m.hashed));
    const failure = (r: PromiseSettledResult<void>): VigilError | undefined =>
      r.status === 'rejected' ? asVigil(r.reason, 'Cannot strip') : undefined;
    const stop =
      hashed.map(failure).find(Boolean) ??
      written.map(failure).find((error) => error !== undefined && fatal(error));
    if (stop) {
      await group.discard();
      throw stop;
    }
    committing = group.commit().then((placed) => {
      const byPath = new Map(placed.map((p) => [p.path, p]));
      for (const [i, m] of groupMembers.entries()) {
        const job = jobs[m.index]!;
        const write = written[i]!;
        const here = byPath.get(job.output);
        const error =
          write.status === 'rejected'
            ? asVigil(write.reason, `Cannot write ${basename(job.output)}`)
            : here
              ? here.error
              : new VigilError('INTERNAL', `${basename(job.output)} was not written.`);
        settle(m.index, error ? { ...job, error } : { ...job, report: m.report });
      }
    });
    // A failed commit is seen by the next `await committing`, never dropped.
    committing.catch(() => undefined);
  };

  let cancelled = false;
  /** Checks file `i`'s target, then reads it, ahead of its turn. */
  const read = (i: number): { checked: Promise<void>; read: Promise<Read> } | undefined => {
    const job = jobs[i];
    if (!job) return undefined;
    const arena = inputs[i % inputs.length]!;
    const checked = checkTarget(job.input, job.output, options.force);
    const reading = checked.then(async (): Promise<Read> => ({
      bytes: await readWhole(job.input, arena),
    }));
    checked.catch(() => undefined);
    reading.catch(() => undefined);
    return { checked, read: reading };
  };
  try {
    let next = read(0);
    for (const [index, job] of jobs.entries()) {
      const ahead = next;
      next = undefined;
      if (options.signal?.aborted) {
        cancelled = true;
        break;
      }
      try {
        await ahead!.checked;
        const target = resolve(job.output);
        if (seen.has(target))
          throw new VigilError(
            'INVALID_INPUT',
            `${basename(job.output)} is the output of another file of this batch.`,
          );
        seen.add(target);
        const { bytes } = await ahead!.read;
        next = read(index + 1);
        if (!bytes) {
          // A large recording: streamed, with its own durable write.
          settle(index, { ...job, report: await stripFile(job.input, job.output, options) });
          continue;
        }
        const input = inputs[index % inputs.length]!;
        // The output memory this file uses must be back from the output before last.
        const arena = outputs[index % outputs.length]!;
        await arena.ready();
        // Both digests are taken on the thread once the file is stripped (the input's) and
        // written (the output's), while the next files are stripped.
        const lendInput = thread !== undefined && input.owns(bytes);
        const { output, report: stripReport } = await stripBuffer(bytes, stripOptions, {
          inputHashedByReader: lendInput,
          outputHashedByWriter: thread !== undefined,
          allocate: (n) => arena.take(n),
        });
        // An output that is a view of its input (nothing to strip) is written from it first.
        const sharesInput = output.buffer === bytes.buffer;
        const written = batch.stage(job.output, output, {
          overwrite: Boolean(options.force),
          direct: arena.alignedFor(output),
        });
        const inputDigest = !lendInput
          ? undefined
          : sharesInput
            ? written.then(() => input.digestOn(thread, bytes))
            : input.digestOn(thread, bytes);
        // The input's memory is lent for its digest (which holds it), and written from when shared.
        if (sharesInput) input.using(written);
        arena.using(written);
        const outputDigest = stripReport.outputSha256
          ? undefined
          : arena.owns(output) && thread
            ? written.then(() => arena.digestOn(thread, output))
            : Promise.resolve(sha256Hex(output));
        const hashed = Promise.all([
          inputDigest?.then((digest) => void (stripReport.inputSha256 = digest)),
          outputDigest?.then((digest) => void (stripReport.outputSha256 = digest)),
        ]).then(() => undefined);
        hashed.catch(() => undefined);
        // The output's memory is not refilled before its digest is back.
        arena.using(hashed);
        members.push({ index, report: stripReport, written, hashed });
        if (batch.pendingFiles >= GROUP_FILES || batch.pendingBytes >= GROUP_BYTES) await flush();
      } catch (error) {
        next ??= read(index + 1);
        const problem = asVigil(error, `Cannot strip ${basename(job.input)}`);
        if (fatal(problem)) throw problem;
        settle(index, { ...job, error: problem });
      }
    }
    await flush();
    await committing;
  } catch (error) {
    await committing.catch(() => undefined);
    await Promise.allSettled(members.flatMap((m) => [m.written, m.hashed]));
    await batch.discard();
    throw error;
  } finally {
    // Nothing may still read the memory when the thread goes and the memory is wiped.
    await Promise.all([...inputs, ...outputs].map((arena) => arena.wipe()));
    await thread?.close();
  }
  const done = outcomes.filter(Boolean);
  return { outcomes: done, cancelled };
}
