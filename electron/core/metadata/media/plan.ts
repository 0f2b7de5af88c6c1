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

export interface RunOptions {
  signal?: AbortSignal;
  /** Input bytes carried over so far, of the plan's total. */
  onProgress?: (done: number, total: number) => void;
}

const BLOCK = 4 * 1024 * 1024;

export function planInputBytes(plan: MediaPlan): number {
  return plan.pieces.reduce((n, p) => n + (p.kind === 'bytes' ? 0 : p.length), 0);
}

function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new VigilError('CANCELLED', 'Cancelled; nothing was kept.');
}

async function* blocks(
  src: Source,
  from: number,
  length: number,
  options: RunOptions,
  progress: () => void,
  counter: { done: number },
): AsyncGenerator<Buffer> {
  for (let at = from; at < from + length;) {
    checkAborted(options.signal);
    const n = Math.min(BLOCK, from + length - at);
    const block = await src.read(at, n);
    at += n;
    counter.done += n;
    progress();
    yield block;
  }
}

/** Carries out a plan: yields the output in order, reading the input forwards once. */
export async function* runPlan(
  plan: MediaPlan,
  src: Source,
  options: RunOptions = {},
): AsyncGenerator<Buffer> {
  const total = planInputBytes(plan);
  const counter = { done: 0 };
  const progress = (): void => options.onProgress?.(counter.done, total);
  for (const piece of plan.pieces) {
    checkAborted(options.signal);
    if (piece.kind === 'bytes') {
      if (piece.data.length > 0) yield piece.data;
    } else if (piece.kind === 'copy') {
      yield* blocks(src, piece.from, piece.length, options, progress, counter);
    } else {
      yield* piece.transform(blocks(src, piece.from, piece.length, options, progress, counter));
    }
  }
  progress();
}

/** The whole output in memory (small files, and the buffer API). */
export async function planToBuffer(plan: MediaPlan, src: Source): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of runPlan(plan, src)) parts.push(part);
  return Buffer.concat(parts);
}
