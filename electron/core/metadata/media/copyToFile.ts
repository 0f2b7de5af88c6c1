import type { FileHandle } from 'node:fs/promises';
import { VigilError } from '../../errors';
import { writeAll } from '../../fs/writeAll';
import { invalid } from '../bytes';
import { recordCopy, type CopyExtent, type MediaPlan, type RunOptions } from './plan';
import { makeSlots, slotHasher, THREADED_HASH_BYTES, type SlotHasher } from './slotHasher';
import type { FileSource } from './source';

/**
 * Carries out a media plan from one file into another in a single pass over
 * the input: the samples are read into a few large reused buffers (no
 * allocation per block, no per-sample reads), written with positioned writes
 * while the next blocks are already being read, and hashed on the way — the
 * input's digest from every byte read (those no piece keeps too), the
 * output's from every byte written, each on a thread of its own for a large
 * file. Nothing is read twice and nothing is hashed from disk afterwards.
 * When most of the output is the input's own first bytes (a video whose
 * media data stays in place), those bytes are hashed once: the output's
 * digest is forked from the input's where the two part.
 *
 * What it returns is what it did: the output's size and digest, the input's
 * digest, and where each copied run of input bytes landed (the check of the
 * output's sample tables rests on this record).
 */

/**
 * Small enough that the ring of slots stays in the processor's cache between
 * the read, the hash and the write (with 8 MiB blocks each of those went to
 * main memory: a third more CPU time for a 1 GB video, measured), large
 * enough that it costs only a few hundred reads and writes per gigabyte.
 */
export const COPY_BLOCK = 2 * 1024 * 1024;
const SLOTS = 6;

export interface CopiedFile {
  size: number;
  sha256: string;
  inputSha256: string;
  copies: CopyExtent[];
}

function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new VigilError('CANCELLED', 'Cancelled; nothing was kept.');
}

/**
 * How many leading bytes the output shares with the input: the run of
 * leading pieces that are the input's own bytes at the same place (copies in
 * place, rebuilt bytes equal to the input's), up to the end of the last such
 * copy — where the input's digest has been fed exactly those bytes.
 */
async function sharedPrefix(plan: MediaPlan, src: FileSource): Promise<number> {
  let position = 0;
  let shared = 0;
  for (const piece of plan.pieces) {
    if (piece.kind === 'transform') break;
    if (piece.kind === 'copy') {
      if (piece.from !== position) break;
      position += piece.length;
      if (piece.length > 0) shared = position;
      continue;
    }
    const length = piece.data.length;
    // Rebuilt structures are small; a large one is not worth reading the input again for.
    if (length > 1024 * 1024 || position + length > src.size) break;
    if (!(await src.read(position, length)).equals(piece.data)) break;
    position += length;
  }
  return shared;
}

/** The output's size as planned (a transform is counted at its input's size). */
function plannedSize(plan: MediaPlan): number {
  return plan.pieces.reduce((n, p) => n + (p.kind === 'bytes' ? p.data.length : p.length), 0);
}

export async function copyPlanToFile(
  plan: MediaPlan,
  src: FileSource,
  out: FileHandle,
  options: RunOptions & {
    onWrite?: (bytes: number) => void;
    /** Smaller blocks let tests walk the buffer ring through many turns on small files. */
    blockSize?: number;
    /** Hash on two other threads; by default only for files of 32 MiB or more. */
    threads?: boolean;
  } = {},
): Promise<CopiedFile> {
  // A voice note needs no 8 MiB buffers: blocks are never larger than the file.
  const blockSize = Math.max(1, Math.min(options.blockSize ?? COPY_BLOCK, src.size));
  const threaded = options.threads ?? src.size >= THREADED_HASH_BYTES;
  const { slots, shared } = makeSlots(SLOTS, blockSize, threaded);
  const inputHash = slotHasher(slots, shared);
  // Output bytes before `shareUntil` are the input's, hashed once; the output's digest is forked
  // from the input's there. Worth it when they are most of the output: the rest of both digests
  // then runs on one thread.
  const prefix = await sharedPrefix(plan, src);
  const shareUntil = prefix > 0 && 2 * prefix >= plannedSize(plan) ? prefix : 0;
  let outputHash: SlotHasher | undefined = shareUntil > 0 ? undefined : slotHasher(slots, shared);
  const output = (): SlotHasher => {
    if (!outputHash) throw invalid('A media plan wrote past its shared bytes out of order.');
    return outputHash;
  };
  const copies: CopyExtent[] = [];
  // What still uses each slot (its hashing, its write): a slot is refilled only once all of that has finished.
  const slotBusy: Promise<void>[] = Array.from({ length: SLOTS }, () => Promise.resolve());
  const pending = new Set<Promise<unknown>>();
  const track = <T>(p: Promise<T>): Promise<T> => {
    pending.add(p);
    // Settled or not, a promise that nobody awaits any more must not go unhandled.
    p.then(
      () => pending.delete(p),
      () => pending.delete(p),
    );
    return p;
  };
  let firstError: { error: unknown } | undefined;
  const total = src.size;
  let done = 0;
  let position = 0; // where the next output byte goes
  let cursor = 0; // the next input byte to read (and hash)
  let turn = 0;

  const emit = async (data: Buffer): Promise<void> => {
    const hashed = position < shareUntil ? undefined : track(output().bytes(data));
    await writeAll(out, data, position);
    await hashed;
    options.onWrite?.(data.length);
    position += data.length;
  };

  /** Reads [from, to) of the input in blocks, hashing every byte; with `keep`, writes them too. */
  const pass = async (from: number, to: number, keep: boolean): Promise<void> => {
    if (from < cursor) throw invalid('A media plan reads its input out of order.');
    type Job = { slot: number; at: number; length: number; read: Promise<void> };
    const jobs: Job[] = [];
    let next = from;
    const startRead = (): void => {
      if (next >= to) return;
      const slot = turn % SLOTS;
      turn += 1;
      const at = next;
      const length = Math.min(blockSize, to - at);
      next += length;
      const buf = slots[slot]!;
      const read = track(slotBusy[slot]!.then(() => src.readInto(buf, length, at)));
      jobs.push({ slot, at, length, read });
    };
    startRead();
    startRead();
    while (jobs.length > 0) {
      checkAborted(options.signal);
      const job = jobs.shift()!;
      await job.read;
      startRead();
      const block = slots[job.slot]!.subarray(0, job.length);
      const uses = [track(inputHash.slot(job.slot, job.length))];
      if (!outputHash && job.at + job.length === shareUntil) outputHash = inputHash.fork();
      if (keep) {
        if (position >= shareUntil) uses.push(track(output().slot(job.slot, job.length)));
        recordCopy(copies, position, job.at, job.length);
        const at = position;
        position += job.length;
        uses.push(track(writeAll(out, block, at).then(() => options.onWrite?.(job.length))));
      }
      const busy = Promise.all(uses).then(() => undefined);
      slotBusy[job.slot] = busy;
      // A failed write or hash is reported here, before the next block, not only at the end.
      busy.catch((error: unknown) => (firstError ??= { error }));
      done += job.length;
      options.onProgress?.(done, total);
      if (firstError) throw firstError.error;
    }
    cursor = to;
  };

  try {
    for (const piece of plan.pieces) {
      checkAborted(options.signal);
      if (piece.kind === 'bytes') {
        if (piece.data.length > 0) await emit(piece.data);
        continue;
      }
      await pass(cursor, piece.from, false);
      if (piece.kind === 'copy') {
        await pass(piece.from, piece.from + piece.length, true);
        continue;
      }
      // A transform (Ogg pages renumbered) is small next to a video: plain blocks, in order.
      const from = piece.from;
      const length = piece.length;
      const blocks = async function* (): AsyncGenerator<Buffer> {
        for (let at = from; at < from + length; at += blockSize) {
          checkAborted(options.signal);
          const block = await src.read(at, Math.min(blockSize, from + length - at));
          await inputHash.bytes(block);
          done += block.length;
          options.onProgress?.(done, total);
          yield block;
        }
      };
      for await (const block of piece.transform(blocks())) await emit(block);
      cursor = from + length;
    }
    await pass(cursor, src.size, false);
    await Promise.all(slotBusy);
    if (firstError) throw firstError.error;
    if (done !== src.size)
      throw invalid('The file changed while Vigil was reading it; nothing was written.');
    const [sha256, inputSha256] = await Promise.all([output().digest(), inputHash.digest()]);
    return { size: position, sha256, inputSha256, copies };
  } finally {
    // Nothing may still be reading, writing or hashing once the caller closes the files.
    await Promise.allSettled([...pending]);
    await Promise.all([inputHash.close(), outputHash?.close()]);
  }
}
