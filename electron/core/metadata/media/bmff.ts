import { invalid, unsupported, type Bytes } from '../bytes';
import { readBoxes, type Box } from '../formats/heif';
import { printable } from './common';
import { readAt, readStructure, type Source } from './source';

// The ISO base media file format (MP4, MOV, M4A, M4V, 3GP) read by seeking:
// the top-level boxes by their headers only, the movie box (moov) whole —
// it holds every table and is small next to the media data it describes.

export type { Box };

export const MAX_TOP_BOXES = 200_000;

/** The top-level boxes, from their headers alone. Bytes after the last whole box are `trailing`. */
export async function topLevelBoxes(
  src: Source,
  what: string,
): Promise<{ boxes: Box[]; trailing: number }> {
  const boxes: Box[] = [];
  let pos = 0;
  while (pos < src.size) {
    if (src.size - pos < 8) return { boxes, trailing: src.size - pos };
    if (boxes.length >= MAX_TOP_BOXES)
      throw invalid(`${what} is damaged: it has more than ${MAX_TOP_BOXES} top-level boxes.`);
    const head = await readAt(src, pos, Math.min(16, src.size - pos), what, 'a box header');
    let size = head.readUInt32BE(0);
    const type = head.toString('latin1', 4, 8);
    let header = 8;
    if (size === 1) {
      if (head.length < 16) throw invalid(`${what} is truncated: a box header at byte ${pos}.`);
      const big = head.readBigUInt64BE(8);
      if (big > BigInt(Number.MAX_SAFE_INTEGER))
        throw invalid(
          `${what} is damaged: the "${printable(type)}" box at byte ${pos} is impossibly large.`,
        );
      size = Number(big);
      header = 16;
    } else if (size === 0) size = src.size - pos;
    if (type === 'uuid') header += 16;
    if (size < header || pos + size > src.size)
      throw invalid(
        `${what} is truncated or damaged: the "${printable(type)}" box at byte ${pos} runs past the end of the file.`,
      );
    boxes.push({ type, start: pos, body: pos + header, end: pos + size });
    pos += size;
  }
  return { boxes, trailing: 0 };
}

/** Seconds since 1904-01-01 (QuickTime and MP4 times) as ISO 8601; undefined for zero. */
export function macTime(seconds: number): string | undefined {
  if (seconds === 0) return undefined;
  const ms = (seconds - 2_082_844_800) * 1000;
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString().replace('.000Z', 'Z');
}

export function children(b: Bytes, box: Box, skip = 0): Box[] {
  return readBoxes(b, box.body + skip, box.end);
}

export function child(list: Box[], type: string): Box | undefined {
  return list.find((x) => x.type === type);
}

/** A `meta` box is a full box in ISO files and a plain container in QuickTime; tells which. */
export function metaChildrenOffset(b: Bytes, meta: Box): number {
  if (meta.end - meta.body >= 12 && b.ascii(meta.body + 4, 4) === 'hdlr') return 0;
  return 4;
}

export interface TrackTables {
  /** File offsets and byte sizes of every chunk, in chunk order. */
  offsets: number[];
  sizes: number[];
  sampleCount: number;
  wide: boolean;
}

const MAX_SAMPLES = 50_000_000;

/**
 * The chunks of a track, from its sample tables (stco/co64, stsc, stsz/stz2):
 * where each chunk starts and how many bytes its samples take.
 */
export function trackTables(b: Bytes, stblChildren: Box[], what: string): TrackTables {
  const stco = child(stblChildren, 'stco');
  const co64 = child(stblChildren, 'co64');
  const stsc = child(stblChildren, 'stsc');
  const stsz = child(stblChildren, 'stsz');
  const stz2 = child(stblChildren, 'stz2');
  const offsetsBox = stco ?? co64;
  if (!offsetsBox || !stsc || !(stsz || stz2) || (stco && co64))
    throw invalid(`${what} is damaged: a track's sample tables are incomplete.`);
  const wide = offsetsBox.type === 'co64';
  const chunkCount = b.u32be(offsetsBox.body + 4);
  b.need(offsetsBox.body + 8, chunkCount * (wide ? 8 : 4), 'the chunk offsets');
  if (offsetsBox.body + 8 + chunkCount * (wide ? 8 : 4) > offsetsBox.end)
    throw invalid(`${what} is damaged: its chunk offset table runs past its box.`);
  const offsets: number[] = new Array<number>(chunkCount);
  for (let i = 0; i < chunkCount; i += 1)
    offsets[i] = wide ? b.u64be(offsetsBox.body + 8 + i * 8) : b.u32be(offsetsBox.body + 8 + i * 4);

  // Sample sizes: one constant, or a table (stsz), or packed 4/8/16-bit fields (stz2).
  let sampleCount: number;
  let constant = 0;
  let sizeAt: (i: number) => number;
  if (stsz) {
    constant = b.u32be(stsz.body + 4);
    sampleCount = b.u32be(stsz.body + 8);
    if (constant === 0) {
      if (stsz.body + 12 + sampleCount * 4 > stsz.end)
        throw invalid(`${what} is damaged: its sample size table runs past its box.`);
      sizeAt = (i) => b.buf.readUInt32BE(stsz.body + 12 + i * 4);
    } else sizeAt = () => constant;
  } else {
    const field = b.u8(stz2!.body + 7);
    sampleCount = b.u32be(stz2!.body + 8);
    if (![4, 8, 16].includes(field))
      throw invalid(`${what} is damaged: a sample size field is invalid.`);
    if (stz2!.body + 12 + Math.ceil((sampleCount * field) / 8) > stz2!.end)
      throw invalid(`${what} is damaged: its sample size table runs past its box.`);
    const base = stz2!.body + 12;
    sizeAt =
      field === 16
        ? (i) => b.buf.readUInt16BE(base + i * 2)
        : field === 8
          ? (i) => b.buf[base + i]!
          : (i) => (i % 2 === 0 ? b.buf[base + (i >> 1)]! >> 4 : b.buf[base + (i >> 1)]! & 15);
  }
  if (sampleCount > MAX_SAMPLES) throw invalid(`${what} is damaged: it claims too many samples.`);

  const runs = b.u32be(stsc.body + 4);
  if (stsc.body + 8 + runs * 12 > stsc.end)
    throw invalid(`${what} is damaged: its sample-to-chunk table runs past its box.`);
  const sizes: number[] = new Array<number>(chunkCount).fill(0);
  let sample = 0;
  for (let r = 0; r < runs; r += 1) {
    const first = b.buf.readUInt32BE(stsc.body + 8 + r * 12);
    const perChunk = b.buf.readUInt32BE(stsc.body + 12 + r * 12);
    const next = r + 1 < runs ? b.buf.readUInt32BE(stsc.body + 20 + r * 12) : chunkCount + 1;
    if (first < 1 || next <= first || next > chunkCount + 1)
      throw invalid(`${what} is damaged: its sample-to-chunk table is out of order.`);
    for (let ch = first - 1; ch < next - 1; ch += 1) {
      if (sample + perChunk > sampleCount)
        throw invalid(`${what} is damaged: its chunks hold more samples than the track has.`);
      let bytes = 0;
      if (constant > 0) bytes = constant * perChunk;
      else for (let s = 0; s < perChunk; s += 1) bytes += sizeAt(sample + s);
      sizes[ch] = bytes;
      sample += perChunk;
    }
  }
  if (sample !== sampleCount && chunkCount > 0)
    throw invalid(`${what} is damaged: its chunk table and its sample count disagree.`);
  return { offsets, sizes, sampleCount, wide };
}

/** Sorted, merged byte ranges covering every non-empty chunk. */
export function mergeRanges(
  extents: { offset: number; size: number }[],
): { start: number; end: number }[] {
  const sorted = extents.filter((e) => e.size > 0).sort((x, y) => x.offset - y.offset);
  const out: { start: number; end: number }[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && e.offset <= last.end) last.end = Math.max(last.end, e.offset + e.size);
    else out.push({ start: e.offset, end: e.offset + e.size });
  }
  return out;
}

export async function readMoov(src: Source, moov: Box, what: string): Promise<Buffer> {
  return readStructure(src, moov.start, moov.end - moov.start, what, 'a movie header (moov)');
}

export function refuseEncrypted(what: string): never {
  throw unsupported(`${what} is encrypted (DRM-protected); Vigil cannot strip it.`);
}
