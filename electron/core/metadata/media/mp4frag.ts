import { Bytes, invalid, unsupported } from '../bytes';
import { readBoxes } from '../formats/heif';
import { child, refuseEncrypted, type Box } from './bmff';
import { printable } from './common';
import { readStructure, type Source } from './source';

// Fragmented MP4 (moof boxes): what a screen recorder, a live stream or
// `ffmpeg -movflags frag_keyframe` writes. Each movie fragment (moof) has a
// track fragment (traf) per track, whose track runs (trun) say where each
// sample lies: relative to a base offset that is explicit, the fragment's own
// start, or the end of the previous track fragment's data. This module reads
// a fragment into that model and rebuilds it with only the kept tracks, no
// metadata boxes, and its offsets pointing into a new media-data box that
// follows it; the segment index (sidx) and the random-access index (mfra) are
// rewritten from where every box landed.

const TFHD_BASE = 0x1;
const TFHD_SDI = 0x2;
const TFHD_DURATION = 0x8;
const TFHD_SIZE = 0x10;
const TFHD_FLAGS = 0x20;
const TFHD_MOOF_BASE = 0x20000;
const TRUN_DATA_OFFSET = 0x1;
const TRUN_FIRST_FLAGS = 0x4;
const TRUN_DURATION = 0x100;
const TRUN_SIZE = 0x200;
const TRUN_FLAGS = 0x400;
const TRUN_CTO = 0x800;

/** Track-fragment children carried over as they are: timing, dependency and grouping tables, no offsets. */
const TRAF_COPY = new Set(['tfdt', 'sdtp', 'sbgp', 'sgpd', 'subs']);
/** Children dropped: metadata and padding. Anything else (it may hold offsets) refuses the file. */
const DROPPED = new Set(['udta', 'meta', 'free', 'skip', 'uuid']);
const PIFF_ENCRYPTION = 'a2394f525a9b4f14a2446c427c648df4';
const MAX_SAMPLES_PER_RUN = 10_000_000;

export function box(type: string, ...body: Buffer[]): Buffer {
  const size = 8 + body.reduce((n, x) => n + x.length, 0);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(size, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, ...body], size);
}

export interface Trun {
  box: Box;
  version: number;
  flags: number;
  count: number;
  /** first_sample_flags and the per-sample table, without the data offset. */
  entries: Buffer;
  /** Each sample's size. */
  sizes: number[];
  /** Where its samples lie in the file, and how many bytes they take. */
  start: number;
  length: number;
}

export interface Traf {
  box: Box;
  kids: Box[];
  trackId: number;
  tfhd: Box;
  tfhdFlags: number;
  truns: Trun[];
}

export interface Fragment {
  /** The moof box, in file offsets. */
  moof: Box;
  b: Bytes;
  /** Offset of the moof in the file: buffer offsets plus this are file offsets. */
  at: number;
  kids: Box[];
  trafs: Traf[];
  sequence: number;
}

/** Default sample sizes per track, from the movie's track-extends boxes (trex). */
export type TrexSizes = Map<number, number>;

/** Reads one movie fragment and works out where every sample of every track run lies. */
export async function readFragment(
  src: Source,
  moof: Box,
  trex: TrexSizes,
  what: string,
): Promise<Fragment> {
  const buf = await readStructure(src, moof.start, moof.end - moof.start, what, 'a movie fragment');
  const b = new Bytes(buf, what);
  const kids = readBoxes(b, moof.body - moof.start, buf.length);
  const mfhd = child(kids, 'mfhd');
  if (!mfhd) throw invalid(`${what} is damaged: a movie fragment has no header (mfhd).`);
  const frag: Fragment = {
    moof,
    b,
    at: moof.start,
    kids,
    trafs: [],
    sequence: b.u32be(mfhd.body + 4),
  };
  let previousEnd = moof.start; // the implicit base of a track fragment without one
  for (const k of kids) {
    if (k.type === 'pssh') refuseEncrypted(what);
    if (k.type === 'uuid' && b.buf.toString('hex', k.start + 8, k.start + 24) === PIFF_ENCRYPTION)
      refuseEncrypted(what);
    if (k.type === 'mfhd' || DROPPED.has(k.type)) continue;
    if (k.type !== 'traf')
      throw unsupported(
        `${what} has a "${printable(k.type)}" box in a movie fragment, which Vigil cannot rewrite.`,
      );
    const traf = readTraf(b, k, frag.at, previousEnd, trex, what);
    previousEnd = traf.truns.length
      ? traf.truns[traf.truns.length - 1]!.start + traf.truns[traf.truns.length - 1]!.length
      : previousEnd;
    frag.trafs.push(traf);
  }
  return frag;
}

function readTraf(
  b: Bytes,
  traf: Box,
  at: number,
  previousEnd: number,
  trex: TrexSizes,
  what: string,
): Traf {
  const kids = readBoxes(b, traf.body, traf.end);
  const tfhd = child(kids, 'tfhd');
  if (!tfhd || kids.filter((k) => k.type === 'tfhd').length > 1)
    throw invalid(`${what} is damaged: a track fragment has no single header (tfhd).`);
  const tfhdFlags = b.u24be(tfhd.body + 1);
  const trackId = b.u32be(tfhd.body + 4);
  let o = tfhd.body + 8;
  let base: number;
  if (tfhdFlags & TFHD_BASE) {
    base = b.u64be(o);
    o += 8;
  } else base = tfhdFlags & TFHD_MOOF_BASE ? at : previousEnd;
  if (tfhdFlags & TFHD_SDI) o += 4;
  if (tfhdFlags & TFHD_DURATION) o += 4;
  let defaultSize = trex.get(trackId);
  if (tfhdFlags & TFHD_SIZE) {
    defaultSize = b.u32be(o);
    o += 4;
  }
  if (tfhdFlags & TFHD_FLAGS) o += 4;
  if (o > tfhd.end) throw invalid(`${what} is damaged: a track fragment header is too short.`);
  const out: Traf = { box: traf, kids, trackId, tfhd, tfhdFlags, truns: [] };
  let next = base;
  for (const k of kids) {
    if (k.type === 'saiz' || k.type === 'saio' || k.type === 'senc') refuseEncrypted(what);
    if (k.type === 'uuid' && b.buf.toString('hex', k.start + 8, k.start + 24) === PIFF_ENCRYPTION)
      refuseEncrypted(what);
    if (k.type === 'tfhd' || TRAF_COPY.has(k.type) || DROPPED.has(k.type)) continue;
    if (k.type !== 'trun')
      throw unsupported(
        `${what} has a "${printable(k.type)}" box in a track fragment, which Vigil cannot rewrite.`,
      );
    const trun = readTrun(b, k, base, next, defaultSize, what);
    next = trun.start + trun.length;
    out.truns.push(trun);
  }
  return out;
}

/** The size of one sample's row in a track run's table. */
function bytesPerSample(flags: number): number {
  return (
    (flags & TRUN_DURATION ? 4 : 0) +
    (flags & TRUN_SIZE ? 4 : 0) +
    (flags & TRUN_FLAGS ? 4 : 0) +
    (flags & TRUN_CTO ? 4 : 0)
  );
}

function readTrun(
  b: Bytes,
  trun: Box,
  base: number,
  next: number,
  defaultSize: number | undefined,
  what: string,
): Trun {
  const version = b.u8(trun.body);
  const flags = b.u24be(trun.body + 1);
  const count = b.u32be(trun.body + 4);
  if (count > MAX_SAMPLES_PER_RUN) throw invalid(`${what} is damaged: a track run is too long.`);
  let o = trun.body + 8;
  let start = next;
  if (flags & TRUN_DATA_OFFSET) {
    b.need(o, 4);
    start = base + b.buf.readInt32BE(o);
    o += 4;
  }
  const entriesFrom = o;
  if (flags & TRUN_FIRST_FLAGS) o += 4;
  const per = bytesPerSample(flags);
  const tableEnd = o + count * per;
  if (tableEnd > trun.end) throw invalid(`${what} is damaged: a track run runs past its box.`);
  if (!(flags & TRUN_SIZE) && defaultSize === undefined)
    throw invalid(`${what} is damaged: a track run has no sample sizes.`);
  const sizeAt = (flags & TRUN_DURATION ? 4 : 0) + o;
  const sizes = new Array<number>(count);
  let length = 0;
  for (let i = 0; i < count; i += 1) {
    const size = flags & TRUN_SIZE ? b.buf.readUInt32BE(sizeAt + i * per) : defaultSize!;
    sizes[i] = size;
    length += size;
  }
  if (start < 0 || !Number.isSafeInteger(start + length))
    throw invalid(`${what} is damaged: a track run points outside the file.`);
  return {
    box: trun,
    version,
    flags,
    count,
    entries: b.buf.subarray(entriesFrom, tableEnd),
    sizes,
    start,
    length,
  };
}

/** The kept part of a fragment, rebuilt, with the places its offsets go. */
export interface BuiltFragment {
  /** The new moof box; its offsets are filled by `placeFragment`. */
  moof: Buffer;
  /** Positions in `moof` of each kept trun's data offset, with that trun's input start. */
  dataOffsets: { at: number; start: number; length: number }[];
  /** Positions in `moof` of each explicit base data offset. */
  bases: number[];
  /** Input traf number (1-based) → output traf number. */
  trafNumbers: Map<number, number>;
}

/** Rebuilds a fragment with only the kept tracks' track fragments and no metadata. */
export function buildFragment(frag: Fragment, kept: Set<number>): BuiltFragment | undefined {
  const b = frag.b;
  const mfhd = child(frag.kids, 'mfhd')!;
  const parts: Buffer[] = [b.buf.subarray(mfhd.start, mfhd.start + 16)];
  if (mfhd.end - mfhd.start !== 16)
    throw invalid(`${b.what} is damaged: a fragment header is wrong.`);
  let pos = 8 + 16;
  const dataOffsets: BuiltFragment['dataOffsets'] = [];
  const bases: number[] = [];
  const trafNumbers = new Map<number, number>();
  frag.trafs.forEach((traf, i) => {
    if (!kept.has(traf.trackId)) return;
    trafNumbers.set(i + 1, trafNumbers.size + 1);
    const kids: Buffer[] = [];
    let inner = pos + 8;
    let trun = 0;
    for (const k of traf.kids) {
      if (k.type === 'tfhd') {
        const t = tfhdOut(b, traf);
        if (t.base) bases.push(inner + 16);
        kids.push(t.buf);
        inner += t.buf.length;
      } else if (TRAF_COPY.has(k.type)) {
        const x = b.buf.subarray(k.start, k.end);
        kids.push(x);
        inner += x.length;
      } else if (k.type === 'trun') {
        const r = traf.truns[trun]!;
        trun += 1;
        const head = Buffer.alloc(16);
        head.writeUInt8(r.version, 8);
        head.writeUIntBE(r.flags | TRUN_DATA_OFFSET, 9, 3);
        head.writeUInt32BE(r.count, 12);
        const x = box('trun', head.subarray(8), Buffer.alloc(4), r.entries);
        dataOffsets.push({ at: inner + 16, start: r.start, length: r.length });
        kids.push(x);
        inner += x.length;
      }
    }
    const t = box('traf', ...kids);
    parts.push(t);
    pos += t.length;
  });
  if (trafNumbers.size === 0) return undefined;
  return { moof: box('moof', ...parts), dataOffsets, bases, trafNumbers };
}

/** A track fragment header: an explicit base kept (filled later), otherwise the fragment's start as base. */
function tfhdOut(b: Bytes, traf: Traf): { buf: Buffer; base: boolean } {
  const t = traf.tfhd;
  const flags = traf.tfhdFlags;
  const rest = b.buf.subarray(t.body + 8 + (flags & TFHD_BASE ? 8 : 0), t.end);
  const n =
    (flags & TFHD_SDI ? 4 : 0) +
    (flags & TFHD_DURATION ? 4 : 0) +
    (flags & TFHD_SIZE ? 4 : 0) +
    (flags & TFHD_FLAGS ? 4 : 0);
  const head = Buffer.alloc(8);
  head.writeUInt8(b.u8(t.body), 0);
  head.writeUIntBE(flags & TFHD_BASE ? flags : flags | TFHD_MOOF_BASE, 1, 3);
  head.writeUInt32BE(traf.trackId, 4);
  const base = flags & TFHD_BASE ? Buffer.alloc(8) : Buffer.alloc(0);
  return { buf: box('tfhd', head, base, rest.subarray(0, n)), base: (flags & TFHD_BASE) !== 0 };
}

/**
 * Fills a rebuilt fragment's offsets once its place is known: the moof at
 * `moofAt`, its media data box's body at `dataAt`, holding `ranges` of the
 * input one after the other.
 */
export function placeFragment(
  built: BuiltFragment,
  moofAt: number,
  dataAt: number,
  ranges: { start: number; end: number }[],
  what: string,
): void {
  for (const at of built.bases) built.moof.writeBigUInt64BE(BigInt(moofAt), at);
  const starts: number[] = [];
  let total = 0;
  for (const r of ranges) {
    starts.push(total);
    total += r.end - r.start;
  }
  for (const d of built.dataOffsets) {
    let target = dataAt;
    if (d.length > 0) {
      const i = ranges.findIndex((r) => d.start >= r.start && d.start + d.length <= r.end);
      if (i < 0) throw invalid(`${what} could not be rewritten: a track run lost its samples.`);
      target = dataAt + starts[i]! + (d.start - ranges[i]!.start);
    }
    const offset = target - moofAt;
    if (offset > 0x7fffffff)
      throw unsupported(
        `${what} has a movie fragment larger than 2 GB, which Vigil cannot rewrite.`,
      );
    built.moof.writeInt32BE(offset, d.at);
  }
}

// ---------------------------------------------------------------- sidx, mfra

export interface SidxRef {
  type: number;
  start: number;
  end: number;
}

/** A segment index: which byte ranges its references cover, in file offsets. */
export function readSidx(
  buf: Buffer,
  at: number,
  what: string,
): { trackId: number; refs: SidxRef[]; firstOffsetAt: number; refsAt: number } {
  const b = new Bytes(buf, what);
  const v = b.u8(8);
  const trackId = b.u32be(12);
  const firstOffsetAt = v === 0 ? 24 : 28;
  const first = v === 0 ? b.u32be(24) : b.u64be(28);
  const refsAt = v === 0 ? 28 + 4 : 36 + 4;
  const count = b.u16be(refsAt - 2);
  if (refsAt + count * 12 > buf.length)
    throw invalid(`${what} is damaged: a segment index runs past its box.`);
  let pos = at + buf.length + first;
  const refs: SidxRef[] = [];
  for (let i = 0; i < count; i += 1) {
    const word = b.u32be(refsAt + i * 12);
    const size = word & 0x7fffffff;
    refs.push({ type: word >>> 31, start: pos, end: pos + size });
    pos += size;
  }
  return { trackId, refs, firstOffsetAt, refsAt };
}

/** Rewrites a segment index in place: its references' offsets and sizes mapped to the output. */
export function rewriteSidx(
  input: Buffer,
  inputAt: number,
  outputAt: number,
  map: (inputOffset: number) => number | undefined,
  isIndex: (inputOffset: number) => boolean,
  what: string,
): Buffer {
  const out = Buffer.from(input);
  const s = readSidx(input, inputAt, what);
  const v = out[8]!;
  const refuse = (): never => {
    throw unsupported(
      `${what} has a segment index (sidx) that points inside a box, which Vigil cannot rewrite.`,
    );
  };
  const first = s.refs.length > 0 ? map(s.refs[0]!.start) : 0;
  if (first === undefined) return refuse();
  const firstOffset = first - (outputAt + out.length);
  if (firstOffset < 0) return refuse();
  if (v === 0) out.writeUInt32BE(firstOffset, s.firstOffsetAt);
  else out.writeBigUInt64BE(BigInt(firstOffset), s.firstOffsetAt);
  s.refs.forEach((r, i) => {
    const a = map(r.start);
    const e = map(r.end);
    if (a === undefined || e === undefined || (r.type === 1 && !isIndex(r.start))) refuse();
    const size = e! - a!;
    if (size > 0x7fffffff || size <= 0) refuse();
    out.writeUInt32BE(((r.type << 31) | size) >>> 0, s.refsAt + i * 12);
  });
  return out;
}

/** A fragment's place in the output, for the random-access index. */
export interface PlacedFragment {
  at: number;
  trafNumbers: Map<number, number>;
}

/** Rebuilds the random-access index (mfra): kept tracks only, offsets and track-fragment numbers of the output. */
export function rebuildMfra(
  b: Bytes,
  mfra: Box,
  kept: Set<number>,
  placed: Map<number, PlacedFragment>,
  what: string,
): Buffer {
  const tfras: Buffer[] = [];
  const refuse = (): never => {
    throw unsupported(
      `${what} has a random-access index (mfra) that points at no movie fragment, which Vigil cannot rewrite.`,
    );
  };
  for (const k of readBoxes(b, mfra.body, mfra.end)) {
    if (k.type !== 'tfra') continue;
    const v = b.u8(k.body);
    const trackId = b.u32be(k.body + 4);
    if (!kept.has(trackId)) continue;
    const lengths = b.u32be(k.body + 8);
    const trafLen = ((lengths >> 4) & 3) + 1;
    const trunLen = ((lengths >> 2) & 3) + 1;
    const sampleLen = (lengths & 3) + 1;
    const count = b.u32be(k.body + 12);
    const wide = v === 1 ? 8 : 4;
    const per = wide * 2 + trafLen + trunLen + sampleLen;
    b.need(k.body + 16, count * per, 'a random-access index');
    const entries: { time: number; moof: number; traf: number; rest: Buffer }[] = [];
    let big = false;
    for (let i = 0; i < count; i += 1) {
      const o = k.body + 16 + i * per;
      const time = wide === 8 ? b.u64be(o) : b.u32be(o);
      const moof = wide === 8 ? b.u64be(o + 8) : b.u32be(o + 4);
      const traf = b.buf.readUIntBE(o + wide * 2, trafLen);
      const p = placed.get(moof) ?? refuse();
      const n = p.trafNumbers.get(traf) ?? refuse();
      if (p.at > 0xffffffff || time > 0xffffffff) big = true;
      entries.push({
        time,
        moof: p.at,
        traf: n,
        rest: b.buf.subarray(o + wide * 2 + trafLen, o + per),
      });
    }
    const w = big ? 8 : 4;
    const head = Buffer.alloc(16);
    head.writeUInt8(big ? 1 : 0, 0);
    head.writeUInt32BE(trackId, 4);
    head.writeUInt32BE(lengths & 0x3f, 8);
    head.writeUInt32BE(entries.length, 12);
    const rows = entries.map((e) => {
      const row = Buffer.alloc(w * 2 + trafLen);
      if (w === 8) {
        row.writeBigUInt64BE(BigInt(e.time), 0);
        row.writeBigUInt64BE(BigInt(e.moof), 8);
      } else {
        row.writeUInt32BE(e.time, 0);
        row.writeUInt32BE(e.moof, 4);
      }
      row.writeUIntBE(e.traf, w * 2, trafLen);
      return Buffer.concat([row, e.rest]);
    });
    tfras.push(box('tfra', head, ...rows));
  }
  const size = 8 + tfras.reduce((n, x) => n + x.length, 0) + 16;
  const mfro = Buffer.alloc(8);
  mfro.writeUInt32BE(size, 4);
  return box('mfra', ...tfras, box('mfro', mfro));
}

/**
 * Adds each track's sample durations in one fragment to `into` (in the
 * track's own timescale): per sample from the track runs, else the track
 * fragment header's default, else the movie's track-extends default. False
 * when a run's durations cannot be told (the caller then says "unknown").
 */
export function addFragmentDurations(
  frag: Fragment,
  trexDurations: Map<number, number>,
  into: Map<number, number>,
): boolean {
  const b = frag.b;
  for (const traf of frag.trafs) {
    let fallback = trexDurations.get(traf.trackId);
    if (traf.tfhdFlags & TFHD_DURATION) {
      const at =
        traf.tfhd.body +
        8 +
        (traf.tfhdFlags & TFHD_BASE ? 8 : 0) +
        (traf.tfhdFlags & TFHD_SDI ? 4 : 0);
      fallback = b.u32be(at);
    }
    let sum = into.get(traf.trackId) ?? 0;
    for (const run of traf.truns) {
      if (run.flags & TRUN_DURATION) {
        const per = bytesPerSample(run.flags);
        const first = run.flags & TRUN_FIRST_FLAGS ? 4 : 0;
        for (let i = 0; i < run.count; i += 1) sum += run.entries.readUInt32BE(first + i * per);
      } else if (fallback !== undefined) sum += fallback * run.count;
      else return false;
    }
    into.set(traf.trackId, sum);
  }
  return true;
}
