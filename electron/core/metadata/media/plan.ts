import type { Hash } from 'node:crypto';
import { VigilError } from '../../errors';
import type { KeptField } from '../types';
import type { Source } from './source';

/**
 * A media stripper does not build the output in memory: it returns a plan,
 * the output as a list of pieces — new structure bytes (a rebuilt moov, a
 * minimal comment header) and ranges of the input copied as they are (the
 * samples), or copied through a streaming transform (Ogg pages renumbered).
 * Input ranges come in ascending order, so the plan can be carried out in one
 * forward pass over a source that can only be read forwards cheaply (an
 * encrypted blob).
 */
export type Piece =
  | { kind: 'bytes'; data: Buffer }
  | { kind: 'copy'; from: number; length: number }
  | {
      kind: 'transform';
      from: number;
      length: number;
      transform: (input: AsyncIterable<Buffer>) => AsyncIterable<Buffer>;
    };

export interface MediaPlan {
  pieces: Piece[];
  kept: KeptField[];
}

/**
 * Where a run of input bytes landed in the output, recorded by whatever
 * carried out the plan as it wrote them (not worked out from the plan): the
 * output's own sample tables are checked against these, so a sample that
 * points anywhere but at its own bytes is caught.
 */
export interface CopyExtent {
  /** Output offset of the first byte. */
  out: number;
  /** Input offset it was copied from. */
  from: number;
  length: number;
}

export interface RunOptions {
  signal?: AbortSignal;
  /** Input bytes carried over so far, of the plan's total. */
  onProgress?: (done: number, total: number) => void;
}

/** Adds a copied run to the record, joining it to the previous one when both sides continue it. */
export function recordCopy(copies: CopyExtent[], out: number, from: number, length: number): void {
  if (length === 0) return;
  const last = copies[copies.length - 1];
  if (last && last.out + last.length === out && last.from + last.length === from)
    last.length += length;
  else copies.push({ out, from, length });
}

const BLOCK = 4 * 1024 * 1024;

export function planInputBytes(plan: MediaPlan): number {
  return plan.pieces.reduce((n, p) => n + (p.kind === 'bytes' ? 0 : p.length), 0);
}

function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new VigilError('CANCELLED', 'Cancelled; nothing was kept.');
}

/** Reads [from, from + length) in blocks, the next read already under way while a block is used. */
async function* blocks(
  src: Source,
  from: number,
  length: number,
  options: RunOptions,
  progress: () => void,
  counter: { done: number },
): AsyncGenerator<Buffer> {
  const end = from + length;
  const readAt = (at: number): Promise<Buffer> => {
    const read = src.read(at, Math.min(BLOCK, end - at));
    // A read still in flight when the consumer stops (an error, a cancel) must not go unhandled.
    read.catch(() => undefined);
    return read;
  };
  let at = from;
  let next = at < end ? readAt(at) : undefined;
  while (next) {
    checkAborted(options.signal);
    const block = await next;
    at += block.length;
    next = at < end ? readAt(at) : undefined;
    counter.done += block.length;
    progress();
    yield block;
  }
}

/**
 * Carries out a plan: yields the output in order, reading the input forwards
 * once. With `hashInput`, every input byte is read and hashed on the way (the
 * bytes no piece keeps too), so the input's digest costs no second pass.
 */
export async function* runPlan(
  plan: MediaPlan,
  src: Source,
  options: RunOptions & { hashInput?: Hash; copies?: CopyExtent[] } = {},
): AsyncGenerator<Buffer> {
  const hash = options.hashInput;
  let written = 0;
  const total = hash ? src.size : planInputBytes(plan);
  const counter = { done: 0 };
  const progress = (): void => options.onProgress?.(counter.done, total);
  let cursor = 0;
  const skipTo = async (to: number): Promise<void> => {
    if (!hash) return;
    if (to < cursor) throw new Error('A media plan reads its input out of order.');
    for await (const block of blocks(src, cursor, to - cursor, options, progress, counter))
      hash.update(block);
    cursor = to;
  };
  const hashed = async function* (input: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const block of input) {
      hash?.update(block);
      yield block;
    }
  };
  for (const piece of plan.pieces) {
    checkAborted(options.signal);
    if (piece.kind === 'bytes') {
      if (piece.data.length > 0) yield piece.data;
      written += piece.data.length;
      continue;
    }
    await skipTo(piece.from);
    const input = hashed(blocks(src, piece.from, piece.length, options, progress, counter));
    if (piece.kind === 'copy') {
      let from = piece.from;
      for await (const block of input) {
        // Recorded before the block is handed on: the consumer writes it at `written`.
        if (options.copies) recordCopy(options.copies, written, from, block.length);
        from += block.length;
        written += block.length;
        yield block;
      }
    } else
      for await (const block of piece.transform(input)) {
        written += block.length;
        yield block;
      }
    if (hash) cursor = piece.from + piece.length;
  }
  await skipTo(src.size);
  progress();
}

/** The whole output in memory (small files, and the buffer API). */
export async function planToBuffer(
  plan: MediaPlan,
  src: Source,
  copies?: CopyExtent[],
): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of runPlan(plan, src, { copies })) parts.push(part);
  return Buffer.concat(parts);
}
