import { asBuffer, Bytes, ByteWriter, formatSize, invalid } from '../bytes';
import type { Collector } from '../collector';
import { inspectExif } from '../exif';
import { inspectXmp } from '../xmp';
import type { FormatStripResult } from '../types';
import { describeTrailing } from './jpeg';

interface RiffChunk {
  type: string;
  data: number;
  size: number;
  /** End including the pad byte. */
  end: number;
}

const FRAME_CHUNKS = new Set(['ALPH', 'VP8 ', 'VP8L']);
const VP8X_ALPHA = 0x10;
const VP8X_ANIMATION = 0x02;

function readChunks(b: Bytes, from: number, to: number, where: string): RiffChunk[] {
  const chunks: RiffChunk[] = [];
  let pos = from;
  while (pos < to) {
    if (pos + 8 > to)
      throw invalid(`${b.what} is damaged: a truncated chunk header ${where} at byte ${pos}.`);
    const type = b.ascii(pos, 4);
    const size = b.u32le(pos + 4);
    const end = pos + 8 + size + (size & 1);
    if (pos + 8 + size > to)
      throw invalid(
        `${b.what} is truncated: the ${JSON.stringify(type)} chunk ${where} runs past its end.`,
      );
    chunks.push({ type, data: pos + 8, size, end: Math.min(end, to) });
    pos = end;
  }
  return chunks;
}

export function parseWebp(
  buf: Buffer,
  what = 'The WebP image',
): { chunks: RiffChunk[]; riffEnd: number } {
  const b = new Bytes(buf, what);
  if (b.ascii(0, 4) !== 'RIFF' || b.ascii(8, 4) !== 'WEBP')
    throw invalid(`${what} does not start with a RIFF WEBP header.`);
  const riffSize = b.u32le(4);
  const riffEnd = 8 + riffSize;
  if (riffSize < 4 || riffEnd > buf.length)
    throw invalid(`${what} is truncated: its RIFF header announces ${riffSize} bytes.`);
  const chunks = readChunks(b, 12, riffEnd, 'in the file');
  if (chunks.length === 0) throw invalid(`${what} is damaged: it holds no image.`);
  return { chunks, riffEnd };
}

function chunkBytes(type: string, data: Uint8Array): Buffer {
  const pad = data.length & 1;
  const out = Buffer.alloc(8 + data.length + pad);
  out.write(type, 0, 'latin1');
  out.writeUInt32LE(data.length, 4);
  out.set(data, 8);
  return out;
}

export function stripWebp(input: Uint8Array): FormatStripResult {
  const what = 'The WebP image';
  const buf = asBuffer(input);
  const b = new Bytes(buf, what);
  const { chunks } = parseWebp(buf, what);
  const body = new ByteWriter();
  let image = false;
  for (const ch of chunks) {
    const data = buf.subarray(ch.data, ch.data + ch.size);
    switch (ch.type) {
      case 'VP8X': {
        if (ch.size !== 10) throw invalid(`${what} is damaged: its VP8X header has a wrong size.`);
        const x = Buffer.alloc(10);
        x[0] = data[0]! & (VP8X_ALPHA | VP8X_ANIMATION);
        data.copy(x, 4, 4, 10);
        body.push(chunkBytes('VP8X', x));
        break;
      }
      case 'ANIM':
        if (ch.size !== 6) throw invalid(`${what} is damaged: its ANIM chunk has a wrong size.`);
        body.push(chunkBytes('ANIM', data));
        break;
      case 'ANMF': {
        if (ch.size < 16) throw invalid(`${what} is damaged: an animation frame is too short.`);
        const frame = new ByteWriter().push(data.subarray(0, 16));
        let frameImage = false;
        for (const inner of readChunks(
          b,
          ch.data + 16,
          ch.data + ch.size,
          'inside an animation frame',
        )) {
          if (!FRAME_CHUNKS.has(inner.type)) continue;
          frame.push(chunkBytes(inner.type, buf.subarray(inner.data, inner.data + inner.size)));
          if (inner.type !== 'ALPH') frameImage = true;
        }
        if (!frameImage) throw invalid(`${what} is damaged: an animation frame holds no image.`);
        body.push(chunkBytes('ANMF', frame.toBuffer()));
        image = true;
        break;
      }
      case 'ALPH':
      case 'VP8 ':
      case 'VP8L':
        body.push(chunkBytes(ch.type, data));
        if (ch.type !== 'ALPH') image = true;
        break;
      default:
      // ICCP, EXIF, XMP and anything unknown are dropped.
    }
  }
  if (!image) throw invalid(`${what} is damaged: it holds no image data.`);
  const bodyBytes = body.toBuffer();
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(4 + bodyBytes.length, 4);
  head.write('WEBP', 8, 'latin1');
  return { output: Buffer.concat([head, bodyBytes]), kept: [] };
}

export function verifyWebp(output: Uint8Array): void {
  const buf = asBuffer(output);
  const what = 'The stripped WebP';
  const b = new Bytes(buf, what);
  const fail = (detail: string): never => {
    throw invalid(`Vigil's check of the stripped WebP failed: ${detail}. No output was written.`);
  };
  const { chunks, riffEnd } = parseWebp(buf, what);
  if (riffEnd !== buf.length) fail('data remains after the RIFF container');
  const checkPad = (ch: RiffChunk): void => {
    if (ch.size & 1 && buf[ch.data + ch.size] !== 0) fail('a padding byte is not zero');
  };
  for (const ch of chunks) {
    checkPad(ch);
    if (ch.type === 'VP8X') {
      if (
        ch.size !== 10 ||
        (buf[ch.data]! & ~(VP8X_ALPHA | VP8X_ANIMATION)) !== 0 ||
        buf.readUIntLE(ch.data + 1, 3) !== 0
      )
        fail('the VP8X header announces metadata');
    } else if (ch.type === 'ANMF') {
      for (const inner of readChunks(
        b,
        ch.data + 16,
        ch.data + ch.size,
        'inside an animation frame',
      )) {
        if (!FRAME_CHUNKS.has(inner.type))
          fail(`a ${JSON.stringify(inner.type)} chunk is left inside a frame`);
        checkPad(inner);
      }
    } else if (ch.type === 'ANIM') {
      if (ch.size !== 6) fail('the ANIM chunk has a wrong size');
    } else if (!FRAME_CHUNKS.has(ch.type))
      fail(`the ${JSON.stringify(ch.type)} chunk is not allowed`);
  }
}

export async function inspectWebp(c: Collector, input: Uint8Array): Promise<void> {
  const buf = asBuffer(input);
  let parsed: { chunks: RiffChunk[]; riffEnd: number };
  try {
    parsed = parseWebp(buf);
  } catch (error) {
    c.cannotRead(`${(error as Error).message} The list below may be incomplete.`);
    return;
  }
  for (const ch of parsed.chunks) {
    const data = buf.subarray(ch.data, ch.data + ch.size);
    switch (ch.type) {
      case 'VP8X':
        if (ch.size >= 10)
          c.add(
            'structure',
            'webp.dimensions',
            'Dimensions',
            `${data.readUIntLE(4, 3) + 1} × ${data.readUIntLE(7, 3) + 1}`,
            false,
          );
        break;
      case 'EXIF': {
        const tiff =
          data.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? data.subarray(6) : data;
        const before = c.fields.length;
        await inspectExif(c, tiff, 'WebP EXIF');
        if (c.fields.length === before)
          c.add('hidden', 'webp.EXIF', 'EXIF block', formatSize(ch.size), true);
        break;
      }
      case 'XMP ':
        inspectXmp(c, data, 'WebP');
        break;
      case 'ICCP':
        c.add('other', 'webp.ICCP', 'ICC colour profile', formatSize(ch.size), false);
        break;
      case 'VP8 ':
      case 'VP8L':
      case 'ALPH':
      case 'ANIM':
      case 'ANMF':
        break;
      default:
        c.add(
          'hidden',
          `webp.${ch.type.trim()}`,
          `Unknown WebP chunk ${JSON.stringify(ch.type)}`,
          formatSize(ch.size),
          true,
        );
    }
  }
  if (parsed.riffEnd < buf.length)
    c.add(
      'hidden',
      'webp.trailing',
      'Data after the end of the image',
      describeTrailing(buf.subarray(parsed.riffEnd)),
      true,
    );
}
