import { invalid } from '../bytes';
import type { Collector } from '../collector';
import type { KeptField } from '../types';
import { checkFailed, printable } from './common';
import { id3v2Size, inspectTags, leadingId3, trailingTags } from './id3';
import { ADTS_PROFILES, ADTS_RATES, adtsHeader } from './adts';
import type { MediaPlan, Piece } from './plan';
import { readAt, type Source } from './source';

// MP3 (MPEG-1/2/2.5 audio, layers I–III) and AAC in ADTS frames (the raw
// .aac files of voice recorders). The stripper keeps exactly the audio
// frames, found by walking frame headers from the first to the last:
// leading ID3v2 tags, trailing ID3v1/TAG+/APEv2/Lyrics3/ID3v2 tags and any
// bytes between frames are left out. The frames are copied unchanged (an
// MP3's first may be a Xing/LAME information frame, which players need for
// gapless playback; it names the encoder library and nothing else).

const BITRATES: Record<string, number[]> = {
  '1-1': [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  '1-2': [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  '1-3': [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  '2-1': [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
  '2-2': [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  '2-3': [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const RATES: Record<number, number[]> = {
  3: [44100, 48000, 32000],
  2: [22050, 24000, 16000],
  0: [11025, 12000, 8000],
};

export interface FrameHeader {
  /** What stays the same from frame to frame of one stream (MP3: version, layer, sample rate). */
  signature: number;
  length: number;
}

/** A kind of audio frame: how to read its header, and what to call it in messages. */
export interface FrameKind {
  name: string;
  /** Bytes needed to read a header. */
  headerBytes: number;
  header: (buf: Buffer, o: number) => FrameHeader | undefined;
}

/** The frame whose header is at `o`, or undefined if the bytes there are not a frame header. */
export function frameHeader(buf: Buffer, o: number): FrameHeader | undefined {
  if (o + 4 > buf.length || buf[o] !== 0xff || (buf[o + 1]! & 0xe0) !== 0xe0) return undefined;
  const version = (buf[o + 1]! >> 3) & 3;
  const layerBits = (buf[o + 1]! >> 1) & 3;
  const bitrateIndex = buf[o + 2]! >> 4;
  const rateIndex = (buf[o + 2]! >> 2) & 3;
  if (
    version === 1 ||
    layerBits === 0 ||
    bitrateIndex === 0 ||
    bitrateIndex === 15 ||
    rateIndex === 3
  )
    return undefined;
  if ((buf[o + 3]! & 3) === 2) return undefined; // reserved emphasis
  const layer = 4 - layerBits;
  const bitrate = BITRATES[`${version === 3 ? 1 : 2}-${layer}`]![bitrateIndex]! * 1000;
  const rate = RATES[version]![rateIndex]!;
  const padding = (buf[o + 2]! >> 1) & 1;
  let length: number;
  if (layer === 1) length = (Math.floor((12 * bitrate) / rate) + padding) * 4;
  else if (layer === 3 && version !== 3) length = Math.floor((72 * bitrate) / rate) + padding;
  else length = Math.floor((144 * bitrate) / rate) + padding;
  return { signature: (version << 4) | (layer << 2) | rateIndex, length };
}

const MPEG_FRAMES: FrameKind = { name: 'MPEG audio', headerBytes: 4, header: frameHeader };

const ADTS_FRAMES: FrameKind = { name: 'AAC (ADTS)', headerBytes: 7, header: adtsHeader };

const BLOCK = 1 << 20;

/** Reads a source in blocks with a little look-behind, for a forward walk of small headers. */
class Walker {
  private buf: Buffer = Buffer.alloc(0);
  private at = 0;
  constructor(
    private readonly src: Source,
    private readonly end: number,
    private readonly what: string,
  ) {}
  /** The bytes [pos, pos + n) (fewer only at `end`). */
  async view(pos: number, n: number): Promise<{ buf: Buffer; o: number }> {
    if (pos < this.at || pos + n > this.at + this.buf.length) {
      const len = Math.min(this.end - pos, Math.max(BLOCK, n));
      this.buf = len > 0 ? await readAt(this.src, pos, len, this.what) : Buffer.alloc(0);
      this.at = pos;
    }
    return { buf: this.buf, o: pos - this.at };
  }
}

export interface FrameRun {
  start: number;
  end: number;
}

/**
 * Walks the frames between `from` and `to`: runs of consecutive frames of one
 * stream. Bytes that are not a frame are skipped (an ID3v2 tag by its size,
 * junk by searching for three frames in a row).
 */
export async function walkFrames(
  src: Source,
  from: number,
  to: number,
  what: string,
  strict = false,
  kind: FrameKind = MPEG_FRAMES,
): Promise<{ runs: FrameRun[]; frames: number; skipped: number; first?: number }> {
  const w = new Walker(src, to, what);
  const runs: FrameRun[] = [];
  let signature: number | undefined;
  let frames = 0;
  let skipped = 0;
  let pos = from;
  let run: FrameRun | undefined;
  const confirm = async (p: number, count: number): Promise<boolean> => {
    let q = p;
    for (let i = 0; i < count; i += 1) {
      if (q === to && i > 0) return true;
      const { buf, o } = await w.view(q, kind.headerBytes);
      const h = kind.header(buf, o);
      if (!h || (signature !== undefined && h.signature !== signature) || q + h.length > to)
        return false;
      q += h.length;
    }
    return true;
  };
  while (pos < to) {
    const { buf, o } = await w.view(pos, 10);
    const h = kind.header(buf, o);
    if (
      h &&
      (signature === undefined || h.signature === signature) &&
      pos + h.length <= to &&
      (run || (await confirm(pos, 3)))
    ) {
      signature ??= h.signature;
      if (!run) {
        run = { start: pos, end: pos };
        runs.push(run);
      }
      pos += h.length;
      run.end = pos;
      frames += 1;
      continue;
    }
    if (strict) throw invalid(`${what}: byte ${pos} is not the start of an audio frame.`);
    run = undefined;
    const tag = o + 10 <= buf.length ? id3v2Size(buf.subarray(o, o + 10)) : undefined;
    if (tag !== undefined && pos + tag <= to) {
      skipped += tag;
      pos += tag;
      continue;
    }
    skipped += 1;
    pos += 1;
    // Search forward for the next sync byte within the block.
    const { buf: b2, o: o2 } = await w.view(pos, 1);
    const next = b2.indexOf(0xff, o2);
    if (next < 0) {
      const jump = b2.length - o2;
      skipped += jump;
      pos += jump;
    } else {
      skipped += next - o2;
      pos += next - o2;
    }
    if (runs.length === 0 && skipped > 1 << 20)
      throw invalid(`${what} has no ${kind.name} frames in its first megabyte of audio.`);
  }
  return { runs, frames, skipped, first: runs[0]?.start };
}

/** The field for an MP3's encoder frame: a stripped MP3 keeps it (see planMp3). */
export const MP3_ENCODER_KEY = 'mp3.encoder';

/** The encoder named in a Xing/Info/LAME first frame, if there is one. */
async function encoderTag(src: Source, first: number, what: string): Promise<string | undefined> {
  const head = await readAt(src, first, Math.min(512, src.size - first), what);
  const h = frameHeader(head, 0);
  if (!h) return undefined;
  const frame = head.subarray(0, Math.min(h.length, head.length));
  const at = Math.max(frame.indexOf('Xing', 0, 'latin1'), frame.indexOf('Info', 0, 'latin1'));
  if (at < 0) return undefined;
  const lame = frame.indexOf('LAME', at, 'latin1');
  const lavc = frame.indexOf('Lavc', at, 'latin1');
  const p = lame >= 0 ? lame : lavc;
  if (p < 0) return 'Xing/Info header';
  return printable(frame.toString('latin1', p, Math.min(frame.length, p + 9))).replace(/\?+$/, '');
}

async function layout(src: Source, what: string) {
  const lead = await leadingId3(src, 0, what);
  const trail = await trailingTags(src, lead.end, what);
  return { lead, trail };
}

export async function inspectMp3(c: Collector, src: Source, what: string): Promise<void> {
  let parts: Awaited<ReturnType<typeof layout>>;
  try {
    parts = await layout(src, what);
  } catch (error) {
    c.cannotRead(`${(error as Error).message} The list below may be incomplete.`);
    return;
  }
  try {
    await inspectTags(c, src, [...parts.lead.tags, ...parts.trail.tags], what);
    const first = await readAt(
      src,
      parts.lead.end,
      Math.min(4, parts.trail.end - parts.lead.end),
      what,
    );
    const h = frameHeader(first, 0);
    if (h) {
      const encoder = await encoderTag(src, parts.lead.end, what);
      if (encoder) c.add('software', MP3_ENCODER_KEY, 'Encoder (first frame)', encoder, false);
      const version = h.signature >> 4 === 3 ? '1' : h.signature >> 4 === 2 ? '2' : '2.5';
      c.add(
        'structure',
        'mp3.format',
        'Format',
        `MPEG-${version} layer ${(h.signature >> 2) & 3}`,
        false,
      );
    }
  } catch (error) {
    c.cannotRead(`${(error as Error).message} The list below may be incomplete.`);
  }
}

export async function planMp3(src: Source, what: string): Promise<MediaPlan> {
  const { lead, trail } = await layout(src, what);
  const walk = await walkFrames(src, lead.end, trail.end, what);
  if (walk.frames === 0) throw invalid(`${what} holds no MPEG audio frames.`);
  const pieces: Piece[] = walk.runs.map((r) => ({
    kind: 'copy',
    from: r.start,
    length: r.end - r.start,
  }));
  const kept: KeptField[] = [];
  const encoder = await encoderTag(src, walk.first!, what);
  if (encoder)
    kept.push({
      key: MP3_ENCODER_KEY,
      label: 'Encoder (first frame)',
      value: encoder,
      reason:
        'part of the first audio frame, which players need for gapless playback; it names the encoder library only',
      code: 'encoder-frame',
    });
  return { pieces, kept };
}

/** The stripped file is audio frames of one stream from its first byte to its last, and nothing else. */
export async function verifyMp3(src: Source): Promise<void> {
  const what = 'The stripped MP3';
  try {
    const walk = await walkFrames(src, 0, src.size, what, true);
    if (walk.frames === 0) throw checkFailed('MP3 audio file', 'it holds no audio frames');
  } catch (error) {
    if ((error as Error).message.startsWith("Vigil's check")) throw error;
    throw checkFailed('MP3 audio file', (error as Error).message.replace(/\.$/, ''));
  }
}

/** "AAC LC, 44100 Hz, 2 channels", from an ADTS header. */
function adtsFormat(head: Buffer): string | undefined {
  if (!adtsHeader(head, 0)) return undefined;
  const profile = ADTS_PROFILES[head[2]! >> 6]!;
  const rate = ADTS_RATES[(head[2]! >> 2) & 15]!;
  const channels = ((head[2]! & 1) << 2) | (head[3]! >> 6);
  return `${profile}, ${rate} Hz, ${channels === 0 ? 'channels set in the stream' : `${channels} channel${channels === 1 ? '' : 's'}`}`;
}

export async function inspectAac(c: Collector, src: Source, what: string): Promise<void> {
  try {
    const parts = await layout(src, what);
    await inspectTags(c, src, [...parts.lead.tags, ...parts.trail.tags], what);
    const head = await readAt(
      src,
      parts.lead.end,
      Math.min(7, parts.trail.end - parts.lead.end),
      what,
    );
    const format = adtsFormat(head);
    if (format) c.add('structure', 'aac.format', 'Format', format, false);
  } catch (error) {
    c.cannotRead(`${(error as Error).message} The list below may be incomplete.`);
  }
}

export async function planAac(src: Source, what: string): Promise<MediaPlan> {
  const { lead, trail } = await layout(src, what);
  const walk = await walkFrames(src, lead.end, trail.end, what, false, ADTS_FRAMES);
  if (walk.frames === 0) throw invalid(`${what} holds no AAC (ADTS) frames.`);
  return {
    pieces: walk.runs.map((r) => ({ kind: 'copy', from: r.start, length: r.end - r.start })),
    kept: [],
  };
}

/** The stripped file is ADTS frames of one stream from its first byte to its last, and nothing else. */
export async function verifyAac(src: Source): Promise<void> {
  const what = 'The stripped AAC file';
  try {
    const walk = await walkFrames(src, 0, src.size, what, true, ADTS_FRAMES);
    if (walk.frames === 0) throw checkFailed('AAC audio file', 'it holds no audio frames');
  } catch (error) {
    if ((error as Error).message.startsWith("Vigil's check")) throw error;
    throw checkFailed('AAC audio file', (error as Error).message.replace(/\.$/, ''));
  }
}
