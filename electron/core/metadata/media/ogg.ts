import { formatSize, invalid, unsupported } from '../bytes';
import type { Collector } from '../collector';
import { checkFailed } from './common';
import type { MediaPlan, Piece } from './plan';
import { readAt, type Source } from './source';
import { inspectVorbisComment } from './vorbisComment';

// Ogg Vorbis and Ogg Opus (one logical stream). The stripper keeps the
// identification header page as it is, replaces the comment header with a
// minimal one (empty vendor string, no comments), lays the comment (and, for
// Vorbis, the setup) header out on new pages, and copies every audio page
// unchanged but for its sequence number and checksum when the number of
// header pages changed. Granule positions are untouched: header pages carry
// zero, audio pages keep theirs.

const CRC_TABLE = new Uint32Array(256);
for (let i = 0; i < 256; i += 1) {
  let r = i << 24;
  for (let k = 0; k < 8; k += 1) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
  CRC_TABLE[i] = r >>> 0;
}

export function oggCrc(page: Buffer): number {
  let crc = 0;
  for (let i = 0; i < page.length; i += 1) {
    const byte = i >= 22 && i < 26 ? 0 : page[i]!;
    crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ byte) & 0xff]!) >>> 0;
  }
  return crc >>> 0;
}

interface Page {
  start: number;
  end: number;
  flags: number;
  serial: number;
  seq: number;
  /** Lacing values: where packets end on this page. */
  lacing: Buffer;
  bodyStart: number;
}

const BLOCK = 1 << 20;
const MAX_HEADER_BYTES = 64 << 20;

/** Reads page headers forwards in blocks; `body` reads a page's payload. */
async function* pages(
  src: Source,
  what: string,
  from = 0,
  to = src.size,
  checkCrc = true,
): AsyncGenerator<Page> {
  let buf: Buffer = Buffer.alloc(0);
  let at = 0;
  const view = async (pos: number, n: number): Promise<Buffer> => {
    if (pos < at || pos + n > at + buf.length) {
      buf = await readAt(src, pos, Math.min(to - pos, Math.max(BLOCK, n)), what, 'an Ogg page');
      at = pos;
    }
    return buf.subarray(pos - at, pos - at + n);
  };
  let pos = from;
  while (pos < to) {
    if (to - pos < 27) throw invalid(`${what} is damaged: ${to - pos} stray bytes at byte ${pos}.`);
    const h = await view(pos, 27);
    if (h.toString('latin1', 0, 4) !== 'OggS' || h[4] !== 0)
      throw invalid(`${what} is damaged: no Ogg page at byte ${pos}.`);
    const nsegs = h[26]!;
    if (pos + 27 + nsegs > to) throw invalid(`${what} is truncated: an Ogg page at byte ${pos}.`);
    const full = await view(pos, 27 + nsegs);
    const lacing = Buffer.from(full.subarray(27, 27 + nsegs));
    let bodyLen = 0;
    for (const v of lacing) bodyLen += v;
    const end = pos + 27 + nsegs + bodyLen;
    if (end > to)
      throw invalid(
        `${what} is truncated: an Ogg page at byte ${pos} runs past the end of the file.`,
      );
    if (checkCrc) {
      const page = await view(pos, end - pos);
      if (oggCrc(page) !== page.readUInt32LE(22))
        throw invalid(`${what} is damaged: the checksum of the Ogg page at byte ${pos} is wrong.`);
    }
    yield {
      start: pos,
      end,
      flags: h[5]!,
      serial: h.readUInt32LE(14),
      seq: h.readUInt32LE(18),
      lacing,
      bodyStart: pos + 27 + nsegs,
    };
    pos = end;
  }
}

interface Headers {
  codec: 'vorbis' | 'opus';
  serial: number;
  packets: Buffer[];
  /** Pages that hold the header packets, and where the first audio page starts. */
  headerPages: Page[];
  audioStart: number;
  end: number;
  pageCount: number;
  otherSerials: number;
  lastSeq: number;
}

/** Reads the header packets and walks every page: one stream, contiguous, checksums right. */
async function scan(src: Source, what: string, checkCrc = true): Promise<Headers> {
  const packets: Buffer[] = [];
  const headerPages: Page[] = [];
  let current: Buffer[] = [];
  let currentBytes = 0;
  let codec: Headers['codec'] | undefined;
  let need = 3;
  let serial = -1;
  let audioStart = -1;
  let count = 0;
  let lastSeq = -1;
  const serials = new Set<number>();
  let end = 0;
  for await (const p of pages(src, what, 0, src.size, checkCrc)) {
    count += 1;
    end = p.end;
    serials.add(p.serial);
    if (count === 1) {
      if (!(p.flags & 2))
        throw invalid(`${what} is damaged: its first page does not begin a stream.`);
      serial = p.serial;
    } else if (p.serial !== serial) continue;
    if (count > 1 && p.seq !== lastSeq + 1)
      throw invalid(
        `${what} is damaged: an Ogg page is missing or out of order (page ${p.seq} after ${lastSeq}).`,
      );
    lastSeq = p.seq;
    if (packets.length >= need) {
      if (audioStart < 0) audioStart = p.start;
      continue;
    }
    headerPages.push(p);
    if (packets.length === 0 && current.length === 0 && p.flags & 1)
      throw invalid(`${what} is damaged: its first packet continues from nowhere.`);
    const body = await readAt(src, p.bodyStart, p.end - p.bodyStart, what);
    let o = 0;
    for (let i = 0; i < p.lacing.length; i += 1) {
      const v = p.lacing[i]!;
      current.push(body.subarray(o, o + v));
      currentBytes += v;
      o += v;
      if (currentBytes > MAX_HEADER_BYTES)
        throw invalid(`${what} has a header packet too large to be read safely.`);
      if (v < 255) {
        const packet = Buffer.concat(current);
        current = [];
        currentBytes = 0;
        packets.push(packet);
        if (packets.length === 1) {
          if (packet.subarray(0, 7).toString('latin1') === '\x01vorbis') codec = 'vorbis';
          else if (packet.subarray(0, 8).toString('latin1') === 'OpusHead') codec = 'opus';
          else
            throw unsupported(
              `${what} holds a ${describeCodec(packet)} stream; Vigil strips only Vorbis and Opus audio in Ogg.`,
            );
          need = codec === 'vorbis' ? 3 : 2;
          if (i !== p.lacing.length - 1)
            throw invalid(
              `${what} is damaged: its first page holds more than the identification header.`,
            );
        }
        if (packets.length === need && i !== p.lacing.length - 1)
          throw unsupported(
            `${what} has audio on the same page as its last header, which Vigil does not handle.`,
          );
        if (packets.length >= need) break;
      }
    }
  }
  if (!codec || packets.length < need)
    throw invalid(`${what} is damaged: its header packets are incomplete.`);
  if (serials.size > 1)
    throw unsupported(
      `${what} holds several streams (chained or multiplexed Ogg), which Vigil cannot strip yet.`,
    );
  return {
    codec,
    serial,
    packets,
    headerPages,
    audioStart: audioStart < 0 ? end : audioStart,
    end,
    pageCount: count,
    otherSerials: serials.size - 1,
    lastSeq,
  };
}

function describeCodec(packet: Buffer): string {
  const s = packet.subarray(0, 8).toString('latin1');
  if (s.startsWith('\x7fFLAC')) return 'FLAC';
  if (s.startsWith('Speex')) return 'Speex';
  if (s.startsWith('\x80theora')) return 'Theora video';
  if (s.startsWith('OpusHead')) return 'Opus';
  return 'an unknown';
}

export async function inspectOgg(c: Collector, src: Source, what: string): Promise<void> {
  let h: Headers;
  try {
    h = await scan(src, what, false);
  } catch (error) {
    c.cannotRead(`${(error as Error).message} The list below may be incomplete.`);
    return;
  }
  const id = h.packets[0]!;
  if (h.codec === 'vorbis' && id.length >= 16)
    c.add(
      'structure',
      'ogg.format',
      'Format',
      `Vorbis, ${id.readUInt32LE(12)} Hz, ${id[11]} channel(s)`,
      false,
    );
  if (h.codec === 'opus' && id.length >= 16)
    c.add(
      'structure',
      'ogg.format',
      'Format',
      `Opus, ${id[9]} channel(s), input ${id.readUInt32LE(12)} Hz`,
      false,
    );
  const comment = h.packets[1]!;
  const skip = h.codec === 'vorbis' ? 7 : 8;
  const magicOk =
    h.codec === 'vorbis'
      ? comment.subarray(0, 7).toString('latin1') === '\x03vorbis'
      : comment.subarray(0, 8).toString('latin1') === 'OpusTags';
  const r = magicOk
    ? await inspectVorbisComment(
        c,
        comment.subarray(skip),
        h.codec === 'vorbis' ? 'Vorbis' : 'Opus',
      )
    : undefined;
  if (!r)
    c.add('document', 'ogg.comment', 'Comment header (damaged)', formatSize(comment.length), true);
  if (h.end < src.size)
    c.add(
      'hidden',
      'ogg.trailing',
      'Data after the last Ogg page',
      formatSize(src.size - h.end),
      true,
    );
}

/** A minimal comment header: the codec's magic, an empty vendor string, no comments. */
function minimalComment(codec: Headers['codec']): Buffer {
  return codec === 'vorbis'
    ? Buffer.concat([Buffer.from('\x03vorbis', 'latin1'), Buffer.alloc(8), Buffer.from([1])])
    : Buffer.concat([Buffer.from('OpusTags', 'latin1'), Buffer.alloc(8)]);
}

function makePage(
  serial: number,
  seq: number,
  flags: number,
  granule: Buffer,
  lacing: number[],
  body: Buffer,
): Buffer {
  const page = Buffer.alloc(27 + lacing.length + body.length);
  page.write('OggS', 0, 'latin1');
  page[5] = flags;
  granule.copy(page, 6);
  page.writeUInt32LE(serial, 14);
  page.writeUInt32LE(seq, 18);
  page[26] = lacing.length;
  Buffer.from(lacing).copy(page, 27);
  body.copy(page, 27 + lacing.length);
  page.writeUInt32LE(oggCrc(page), 22);
  return page;
}

/** Lays packets out on pages (at most 255 lacing values each), the first page numbered `seq`. */
function paginate(serial: number, seq: number, packets: Buffer[]): Buffer[] {
  const out: Buffer[] = [];
  const segments: { value: number; data: Buffer; packetEnd: boolean }[] = [];
  for (const p of packets) {
    for (let o = 0; ; o += 255) {
      const n = Math.min(255, p.length - o);
      segments.push({ value: n, data: p.subarray(o, o + n), packetEnd: n < 255 });
      if (n < 255) break;
    }
  }
  let continued = false;
  for (let i = 0; i < segments.length; i += 255) {
    const slice = segments.slice(i, i + 255);
    out.push(
      makePage(
        serial,
        seq,
        continued ? 1 : 0,
        Buffer.alloc(8),
        slice.map((s) => s.value),
        Buffer.concat(slice.map((s) => s.data)),
      ),
    );
    seq += 1;
    continued = !slice[slice.length - 1]!.packetEnd;
  }
  return out;
}

/** Renumbers the pages flowing through by `delta`, recomputing each checksum. */
function renumber(
  delta: number,
  what: string,
): (input: AsyncIterable<Buffer>) => AsyncIterable<Buffer> {
  return async function* (input) {
    let pending: Buffer = Buffer.alloc(0);
    for await (const block of input) {
      pending = pending.length ? Buffer.concat([pending, block]) : block;
      let o = 0;
      const out: Buffer[] = [];
      while (pending.length - o >= 27) {
        const nsegs = pending[o + 26]!;
        if (pending.length - o < 27 + nsegs) break;
        let len = 27 + nsegs;
        for (let i = 0; i < nsegs; i += 1) len += pending[o + 27 + i]!;
        if (pending.length - o < len) break;
        if (pending.toString('latin1', o, o + 4) !== 'OggS')
          throw invalid(`${what} changed while Vigil was reading it.`);
        const page = Buffer.from(pending.subarray(o, o + len));
        page.writeUInt32LE((page.readUInt32LE(18) + delta) >>> 0, 18);
        page.writeUInt32LE(oggCrc(page), 22);
        out.push(page);
        o += len;
      }
      pending = pending.subarray(o);
      if (out.length) yield Buffer.concat(out);
    }
    if (pending.length > 0) throw invalid(`${what} changed while Vigil was reading it.`);
  };
}

export async function planOgg(src: Source, what: string): Promise<MediaPlan> {
  const h = await scan(src, what);
  const first = h.headerPages[0]!;
  const idPage = await readAt(src, first.start, first.end - first.start, what);
  const rest =
    h.codec === 'vorbis' ? [minimalComment('vorbis'), h.packets[2]!] : [minimalComment('opus')];
  const newPages = paginate(h.serial, 1, rest);
  const delta = 1 + newPages.length - h.headerPages.length;
  const pieces: Piece[] = [{ kind: 'bytes', data: Buffer.concat([idPage, ...newPages]) }];
  if (h.audioStart < h.end) {
    if (delta === 0)
      pieces.push({ kind: 'copy', from: h.audioStart, length: h.end - h.audioStart });
    else
      pieces.push({
        kind: 'transform',
        from: h.audioStart,
        length: h.end - h.audioStart,
        transform: renumber(delta, what),
      });
  }
  return { pieces, kept: [] };
}

export async function verifyOgg(src: Source): Promise<void> {
  const name = 'Ogg audio file';
  try {
    const h = await scan(src, 'The stripped Ogg file');
    if (h.end !== src.size) throw checkFailed(name, 'data follows the last page');
    if (h.headerPages[0]!.seq !== 0)
      throw checkFailed(name, 'its pages are not numbered from zero');
    if (!h.packets[1]!.equals(minimalComment(h.codec)))
      throw checkFailed(name, 'its comment header is not empty');
    for (const p of h.headerPages) {
      const g = await readAt(src, p.start + 6, 8, 'The stripped Ogg file');
      if (g.some((x) => x !== 0))
        throw checkFailed(name, 'a header page carries a granule position');
    }
  } catch (error) {
    if ((error as Error).message.startsWith("Vigil's check")) throw error;
    throw checkFailed(name, (error as Error).message.replace(/\.$/, ''));
  }
}
