import { formatSize, invalid } from '../bytes';
import type { Collector } from '../collector';
import { checkFailed, preview } from './common';
import { inspectTags, leadingId3, trailingTags } from './id3';
import type { MediaPlan } from './plan';
import { readAt, readStructure, type Source } from './source';
import { inspectPicture, inspectVorbisComment } from './vorbisComment';

// FLAC: "fLaC", metadata blocks, audio frames. The stripper keeps STREAMINFO
// and SEEKTABLE (whose offsets count from the first frame, so they stay
// right), drops every other block (Vorbis comments, pictures, application
// data, cue sheets, padding) and any ID3 or APE tag around the stream, sets
// the last-block flag, and copies the frames unchanged. The frames must run
// to the end: the last frame's CRC-16 has to close exactly at the end of the
// audio, so nothing can hide behind it.

const BLOCK_NAMES = [
  'STREAMINFO',
  'PADDING',
  'APPLICATION',
  'SEEKTABLE',
  'VORBIS_COMMENT',
  'CUESHEET',
  'PICTURE',
];
const MAX_BLOCKS = 10_000;

interface Block {
  type: number;
  start: number;
  body: number;
  end: number;
}

const CRC8 = new Uint8Array(256);
const CRC16 = new Uint16Array(256);
for (let i = 0; i < 256; i += 1) {
  let c8 = i;
  for (let k = 0; k < 8; k += 1) c8 = c8 & 0x80 ? ((c8 << 1) ^ 0x07) & 0xff : (c8 << 1) & 0xff;
  CRC8[i] = c8;
  let c16 = i << 8;
  for (let k = 0; k < 8; k += 1)
    c16 = c16 & 0x8000 ? ((c16 << 1) ^ 0x8005) & 0xffff : (c16 << 1) & 0xffff;
  CRC16[i] = c16;
}

/** The length of a valid frame header at `o` (CRC-8 checked), or 0. */
export function flacFrameHeader(buf: Buffer, o: number): number {
  if (o + 6 > buf.length || buf[o] !== 0xff || (buf[o + 1]! & 0xfe) !== 0xf8) return 0;
  const bs = buf[o + 2]! >> 4;
  const sr = buf[o + 2]! & 15;
  const ch = buf[o + 3]! >> 4;
  const ss = (buf[o + 3]! >> 1) & 7;
  if (bs === 0 || sr === 15 || ch > 10 || ss === 3 || (buf[o + 3]! & 1) !== 0) return 0;
  let p = o + 4;
  // The frame or sample number, UTF-8 coded in 1 to 7 bytes.
  const lead = buf[p]!;
  let extra: number;
  if (lead < 0x80) extra = 0;
  else if ((lead & 0xe0) === 0xc0) extra = 1;
  else if ((lead & 0xf0) === 0xe0) extra = 2;
  else if ((lead & 0xf8) === 0xf0) extra = 3;
  else if ((lead & 0xfc) === 0xf8) extra = 4;
  else if ((lead & 0xfe) === 0xfc) extra = 5;
  else if (lead === 0xfe) extra = 6;
  else return 0;
  p += 1;
  for (let i = 0; i < extra; i += 1)
    if (p + i >= buf.length || (buf[p + i]! & 0xc0) !== 0x80) return 0;
  p += extra;
  if (bs === 6) p += 1;
  else if (bs === 7) p += 2;
  if (sr === 12) p += 1;
  else if (sr === 13 || sr === 14) p += 2;
  if (p >= buf.length) return 0;
  let crc = 0;
  for (let i = o; i < p; i += 1) crc = CRC8[crc ^ buf[i]!]!;
  return crc === buf[p] ? p + 1 - o : 0;
}

interface Layout {
  leadTags: { start: number; end: number; kind: 'ID3v2' }[];
  at: number;
  blocks: Block[];
  framesStart: number;
  trail: Awaited<ReturnType<typeof trailingTags>>;
}

async function layout(src: Source, what: string): Promise<Layout> {
  const lead = await leadingId3(src, 0, what);
  const at = lead.end;
  if ((await readAt(src, at, 4, what, 'the FLAC signature')).toString('latin1') !== 'fLaC')
    throw invalid(`${what} does not start with the FLAC signature.`);
  const blocks: Block[] = [];
  let pos = at + 4;
  for (;;) {
    if (blocks.length >= MAX_BLOCKS)
      throw invalid(`${what} is damaged: it has too many metadata blocks.`);
    const h = await readAt(src, pos, 4, what, 'a metadata block header');
    const type = h[0]! & 0x7f;
    const length = h.readUIntBE(1, 3);
    if (type === 127)
      throw invalid(`${what} is damaged: a metadata block at byte ${pos} has an invalid type.`);
    if (pos + 4 + length > src.size)
      throw invalid(
        `${what} is truncated: a metadata block at byte ${pos} runs past the end of the file.`,
      );
    blocks.push({ type, start: pos, body: pos + 4, end: pos + 4 + length });
    pos += 4 + length;
    if (h[0]! & 0x80) break;
  }
  if (blocks[0]?.type !== 0 || blocks[0].end - blocks[0].body !== 34)
    throw invalid(`${what} is damaged: its first metadata block is not a valid STREAMINFO.`);
  const trail = await trailingTags(src, pos, what);
  return { leadTags: lead.tags as Layout['leadTags'], at, blocks, framesStart: pos, trail };
}

/**
 * Walks every frame from `from` to `to`: each must start with a valid header
 * (CRC-8) and end where the next begins, its CRC-16 closing exactly there; the
 * last must close exactly at `to`. Nothing but frames can lie in between.
 */
async function checkFrames(src: Source, from: number, to: number, what: string): Promise<number> {
  if (to - from < 8) throw invalid(`${what} has no audio frames.`);
  const BLOCK = 1 << 20;
  const LOOK = 32;
  let buf: Buffer = Buffer.alloc(0);
  let at = 0;
  const view = async (pos: number): Promise<number> => {
    if (pos < at || pos + Math.min(LOOK, to - pos) > at + buf.length) {
      buf = await readAt(src, pos, Math.min(to - pos, BLOCK + LOOK), what);
      at = pos;
    }
    return pos - at;
  };
  let o = await view(from);
  if (flacFrameHeader(buf, o) === 0)
    throw invalid(`${what} is damaged: its audio does not start with a frame.`);
  let frames = 0;
  let start = from;
  let crc = 0;
  let c1 = 0; // CRC over [start, i - 1)
  let c2 = 0; // CRC over [start, i - 2)
  let last1 = 0;
  let last2 = 0;
  for (let i = from; i <= to; i += 1) {
    if (i - start >= 8 && c2 === ((last2 << 8) | last1)) {
      if (i === to) return frames + 1;
      o = await view(i);
      if (buf[o] === 0xff && (buf[o + 1]! & 0xfe) === 0xf8 && flacFrameHeader(buf, o) > 0) {
        frames += 1;
        start = i;
        crc = 0;
        c1 = 0;
      }
    }
    if (i === to) break;
    o = await view(i);
    const byte = buf[o]!;
    c2 = c1;
    c1 = crc;
    crc = ((crc << 8) & 0xffff) ^ CRC16[(crc >> 8) ^ byte]!;
    last2 = last1;
    last1 = byte;
  }
  throw invalid(
    `${what} has data between or after its audio frames that Vigil does not recognise.`,
  );
}

export async function inspectFlac(c: Collector, src: Source, what: string): Promise<void> {
  let l: Layout;
  try {
    l = await layout(src, what);
  } catch (error) {
    c.cannotRead(`${(error as Error).message} The list below may be incomplete.`);
    return;
  }
  try {
    await inspectTags(c, src, [...l.leadTags, ...l.trail.tags], what);
    for (const blk of l.blocks) {
      const size = blk.end - blk.body;
      const name = BLOCK_NAMES[blk.type] ?? `block type ${blk.type}`;
      if (blk.type === 0) {
        const info = await readAt(src, blk.body, 34, what);
        const rate = info.readUIntBE(10, 3) >> 4;
        const channels = ((info[12]! >> 1) & 7) + 1;
        const bits = (((info[12]! & 1) << 4) | (info[13]! >> 4)) + 1;
        c.add(
          'structure',
          'flac.streaminfo',
          'Stream',
          `${rate} Hz, ${channels} channel(s), ${bits} bits`,
          false,
        );
      } else if (blk.type === 3) {
        c.add(
          'structure',
          'flac.seektable',
          'Seek table',
          `${Math.floor(size / 18)} points`,
          false,
        );
      } else if (blk.type === 4) {
        const data = await readStructure(src, blk.body, size, what, 'a Vorbis comment block');
        const r = await inspectVorbisComment(c, data, 'FLAC');
        if (!r)
          c.add(
            'document',
            'flac.comment',
            'Vorbis comment block (damaged)',
            formatSize(size),
            true,
          );
      } else if (blk.type === 6) {
        await inspectPicture(
          c,
          'flac.picture',
          await readStructure(src, blk.body, size, what, 'a picture block'),
          'FLAC',
        );
      } else if (blk.type === 1) {
        const data = await readStructure(src, blk.body, size, what, 'a padding block');
        if (data.some((x) => x !== 0))
          c.add(
            'hidden',
            'flac.padding',
            'Padding block holding data',
            `${formatSize(size)}${preview(data)}`,
            true,
          );
      } else if (blk.type === 2) {
        const data = await readStructure(src, blk.body, size, what, 'an application block');
        c.add(
          'hidden',
          'flac.application',
          'Application block',
          `"${data.toString('latin1', 0, 4)}", ${formatSize(size)}${preview(data.subarray(4))}`,
          true,
        );
      } else if (blk.type === 5) {
        const cue = await readStructure(src, blk.body, size, what, 'a cue sheet');
        c.add(
          'document',
          'flac.cuesheet',
          'Cue sheet (catalogue number, track codes)',
          `${formatSize(size)}${preview(cue)}`,
          true,
        );
      } else {
        c.add('hidden', `flac.block${blk.type}`, `FLAC ${name}`, formatSize(size), true);
      }
    }
  } catch (error) {
    c.cannotRead(`${(error as Error).message} The list below may be incomplete.`);
  }
}

export async function planFlac(src: Source, what: string): Promise<MediaPlan> {
  const l = await layout(src, what);
  const seektables = l.blocks.filter((b) => b.type === 3);
  if (seektables.length > 1) throw invalid(`${what} is damaged: it has more than one seek table.`);
  const info = Buffer.from(await readAt(src, l.blocks[0]!.start, 38, what));
  await checkFrames(src, l.framesStart, l.trail.end, what);
  const seek = seektables[0];
  const seekBytes = seek
    ? Buffer.from(
        await readStructure(src, seek.start, seek.end - seek.start, what, 'the seek table'),
      )
    : undefined;
  if (seekBytes && (seekBytes.length - 4) % 18 !== 0)
    throw invalid(`${what} is damaged: its seek table has a wrong size.`);
  info[0] = seekBytes ? 0 : 0x80;
  if (seekBytes) seekBytes[0] = 0x83;
  return {
    pieces: [
      {
        kind: 'bytes',
        data: Buffer.concat([
          Buffer.from('fLaC', 'latin1'),
          info,
          ...(seekBytes ? [seekBytes] : []),
        ]),
      },
      { kind: 'copy', from: l.framesStart, length: l.trail.end - l.framesStart },
    ],
    kept: [],
  };
}

export async function verifyFlac(src: Source): Promise<void> {
  const name = 'FLAC audio file';
  const what = 'The stripped FLAC';
  let l: Layout;
  try {
    l = await layout(src, what);
    if (l.at !== 0 || l.trail.tags.length > 0)
      throw checkFailed(name, 'a tag is left around the audio');
    const types = l.blocks.map((b) => b.type).join(',');
    if (types !== '0' && types !== '0,3')
      throw checkFailed(name, `it keeps the metadata blocks ${types}`);
    const seek = l.blocks[1];
    if (seek && (seek.end - seek.body) % 18 !== 0)
      throw checkFailed(name, 'its seek table has a wrong size');
    await checkFrames(src, l.framesStart, src.size, what);
  } catch (error) {
    if ((error as Error).message.startsWith("Vigil's check")) throw error;
    throw checkFailed(name, (error as Error).message.replace(/\.$/, ''));
  }
}
