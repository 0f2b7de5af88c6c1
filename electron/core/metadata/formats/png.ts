import { inflateSync } from 'node:zlib';
import { asBuffer, Bytes, formatSize, invalid, joinParts, type Allocate } from '../bytes';
import type { Collector } from '../collector';
import { inspectExif } from '../exif';
import { inspectXmp } from '../xmp';
import type { FormatStripResult, KeptField } from '../types';
import { describeTrailing } from './jpeg';
import { crc32 } from './crc32';

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Chunks a PNG (or APNG) needs to render; every other chunk is dropped. */
const KEEP = new Set([
  'IHDR',
  'PLTE',
  'IDAT',
  'IEND',
  'tRNS',
  'gAMA',
  'cHRM',
  'sRGB',
  'sBIT',
  'cICP',
  'pHYs',
  'acTL',
  'fcTL',
  'fdAT',
]);
/** Fixed payload sizes, so a kept chunk cannot smuggle bytes in a padded tail. */
const FIXED_SIZE: Record<string, number> = {
  IHDR: 13,
  IEND: 0,
  gAMA: 4,
  cHRM: 32,
  sRGB: 1,
  cICP: 4,
  pHYs: 9,
  acTL: 8,
  fcTL: 26,
};
/** Variable-size kept chunks: [multiple of, at most], so none can carry a hidden tail. */
const MAX_SIZE: Record<string, [number, number]> = { PLTE: [3, 768], tRNS: [1, 256], sBIT: [1, 4] };
/** Text chunks are inflated for display up to this size. */
const MAX_TEXT = 1 << 20;

export interface PngChunk {
  type: string;
  start: number;
  data: number;
  length: number;
  end: number;
}

/** CRCs are checked only where it matters (chunks the stripper keeps), not on every read. */
function crcOk(buf: Buffer, chunk: PngChunk): boolean {
  return (
    crc32(buf.subarray(chunk.start + 4, chunk.data + chunk.length)) ===
    buf.readUInt32BE(chunk.data + chunk.length)
  );
}

export function parsePng(
  buf: Buffer,
  what = 'The PNG image',
): { chunks: PngChunk[]; iendEnd: number } {
  const b = new Bytes(buf, what);
  if (buf.length < 8 || !buf.subarray(0, 8).equals(PNG_SIGNATURE))
    throw invalid(`${what} does not start with the PNG signature.`);
  const chunks: PngChunk[] = [];
  let pos = 8;
  for (;;) {
    if (pos >= buf.length) throw invalid(`${what} is truncated: it ends before its IEND chunk.`);
    const length = b.u32be(pos);
    if (length > 0x7fffffff)
      throw invalid(`${what} is damaged: a chunk at byte ${pos} has an impossible length.`);
    const type = b.ascii(pos + 4, 4);
    if (!/^[A-Za-z]{4}$/.test(type))
      throw invalid(`${what} is damaged: an invalid chunk type at byte ${pos}.`);
    b.need(pos + 8, length + 4, `the ${type} chunk`);
    const end = pos + 12 + length;
    chunks.push({ type, start: pos, data: pos + 8, length, end });
    pos = end;
    if (type === 'IEND') return { chunks, iendEnd: pos };
    if (chunks.length === 1 && type !== 'IHDR')
      throw invalid(`${what} is damaged: its first chunk is not IHDR.`);
  }
}

function checkKept(buf: Buffer, chunk: PngChunk, what: string, checkCrc: boolean): void {
  if (checkCrc && !crcOk(buf, chunk))
    throw invalid(
      `${what} is damaged: the checksum of its ${chunk.type} chunk at byte ${chunk.start} is wrong.`,
    );
  const max = MAX_SIZE[chunk.type];
  if (max !== undefined && (chunk.length > max[1] || chunk.length % max[0] !== 0)) {
    throw invalid(`${what} is damaged: its ${chunk.type} chunk has a wrong length.`);
  }
  const fixed = FIXED_SIZE[chunk.type];
  if (fixed !== undefined && chunk.length !== fixed)
    throw invalid(`${what} is damaged: its ${chunk.type} chunk has a wrong length.`);
}

export function stripPng(input: Uint8Array, allocate?: Allocate): FormatStripResult {
  const what = 'The PNG image';
  const buf = asBuffer(input);
  const { chunks, iendEnd } = parsePng(buf, what);
  if (iendEnd !== buf.length) {
    throw invalid(
      `${what} has ${formatSize(buf.length - iendEnd)} of data after its end (IEND); such a file may be two files in one, so Vigil refuses it rather than guess.`,
    );
  }
  const parts: Buffer[] = [PNG_SIGNATURE];
  const kept: KeptField[] = [];
  let idat = false;
  for (const chunk of chunks) {
    if (!KEEP.has(chunk.type)) continue;
    checkKept(buf, chunk, what, true);
    if (chunk.type === 'IDAT') idat = true;
    parts.push(buf.subarray(chunk.start, chunk.end));
    if (chunk.type === 'pHYs')
      kept.push({
        key: 'png.pHYs',
        label: 'Pixel density (pHYs)',
        reason: 'print size of the picture; carries no personal data',
        code: 'print-size',
      });
  }
  if (!idat) throw invalid(`${what} is damaged: it has no image data (IDAT).`);
  const length = parts.reduce((n, p) => n + p.length, 0);
  return { output: joinParts(parts, length, allocate), kept };
}

export function verifyPng(output: Uint8Array): void {
  const buf = asBuffer(output);
  const what = 'The stripped PNG';
  const { chunks, iendEnd } = parsePng(buf, what);
  if (iendEnd !== buf.length)
    throw invalid(
      `Vigil's check of the stripped PNG failed: data remains after IEND. No output was written.`,
    );
  for (const chunk of chunks) {
    if (!KEEP.has(chunk.type))
      throw invalid(
        `Vigil's check of the stripped PNG failed: the ${chunk.type} chunk is not allowed. No output was written.`,
      );
    // Kept chunks are copied verbatim after their CRC was checked; here only what they are matters.
    checkKept(buf, chunk, what, false);
  }
}

/** Inflates text chunks for display within a total budget, so many small bombs cannot add up. */
function textInflater(fileSize: number): (data: Buffer) => Buffer | undefined {
  let remaining = 64 * 1024 * 1024 + 8 * fileSize;
  return (data) => {
    if (remaining <= 0) return undefined;
    try {
      const out = inflateSync(data, { maxOutputLength: Math.min(MAX_TEXT, remaining) });
      remaining -= out.length;
      return out;
    } catch {
      return undefined;
    }
  };
}

function textGroup(keyword: string): {
  group: 'people' | 'time' | 'software' | 'document' | 'location' | 'other';
  risky: boolean;
} {
  const k = keyword.toLowerCase();
  if (/author|artist|copyright|owner|creator|disclaimer/.test(k))
    return { group: 'people', risky: true };
  if (/time|date/.test(k)) return { group: 'time', risky: false };
  if (/software|source|producer/.test(k)) return { group: 'software', risky: false };
  if (/gps|location|latitude|longitude/.test(k)) return { group: 'location', risky: true };
  return { group: 'document', risky: true };
}

export async function inspectPng(c: Collector, input: Uint8Array): Promise<void> {
  const buf = asBuffer(input);
  let parsed: { chunks: PngChunk[]; iendEnd: number };
  try {
    parsed = parsePng(buf);
  } catch (error) {
    c.cannotRead(`${(error as Error).message} The list below may be incomplete.`);
    return;
  }
  const inflateBounded = textInflater(buf.length);
  for (const ch of parsed.chunks) {
    const data = buf.subarray(ch.data, ch.data + ch.length);
    switch (ch.type) {
      case 'IHDR':
        if (ch.length >= 13)
          c.add(
            'structure',
            'png.dimensions',
            'Dimensions',
            `${data.readUInt32BE(0)} × ${data.readUInt32BE(4)}, bit depth ${data[8]}, colour type ${data[9]}`,
            false,
          );
        break;
      case 'tEXt': {
        const zero = data.indexOf(0);
        const keyword = data.toString('latin1', 0, zero < 0 ? data.length : zero);
        const cls = textGroup(keyword);
        c.add(
          cls.group,
          `png.tEXt.${keyword}`,
          `PNG text "${keyword}"`,
          zero < 0 ? '' : data.toString('latin1', zero + 1),
          cls.risky,
        );
        if (keyword === 'XML:com.adobe.xmp' && zero >= 0)
          inspectXmp(c, data.subarray(zero + 1), 'PNG');
        break;
      }
      case 'zTXt': {
        const zero = data.indexOf(0);
        const keyword = data.toString('latin1', 0, zero < 0 ? data.length : zero);
        const text = zero >= 0 ? inflateBounded(data.subarray(zero + 2)) : undefined;
        const cls = textGroup(keyword);
        c.add(
          cls.group,
          `png.zTXt.${keyword}`,
          `PNG compressed text "${keyword}"`,
          text ? text.toString('latin1') : `${ch.length} bytes (unreadable)`,
          cls.risky,
        );
        break;
      }
      case 'iTXt': {
        const zero = data.indexOf(0);
        if (zero < 0 || zero + 3 > data.length) {
          c.add(
            'document',
            'png.iTXt',
            'PNG international text',
            `${ch.length} bytes (damaged)`,
            true,
          );
          break;
        }
        const keyword = data.toString('latin1', 0, zero);
        const compressed = data[zero + 1] === 1;
        const langEnd = data.indexOf(0, zero + 3);
        const transEnd = langEnd < 0 ? -1 : data.indexOf(0, langEnd + 1);
        const raw = transEnd < 0 ? Buffer.alloc(0) : data.subarray(transEnd + 1);
        const text = compressed ? inflateBounded(raw) : raw;
        if (keyword === 'XML:com.adobe.xmp' && text) {
          inspectXmp(c, text, 'PNG');
          break;
        }
        const cls = textGroup(keyword);
        c.add(
          cls.group,
          `png.iTXt.${keyword}`,
          `PNG text "${keyword}"`,
          text ? text.toString('utf8') : `${ch.length} bytes (unreadable)`,
          cls.risky,
        );
        break;
      }
      case 'tIME':
        if (ch.length === 7) {
          const t = `${data.readUInt16BE(0)}-${String(data[2]).padStart(2, '0')}-${String(data[3]).padStart(2, '0')}T${String(data[4]).padStart(2, '0')}:${String(data[5]).padStart(2, '0')}:${String(data[6]).padStart(2, '0')}Z`;
          c.add('time', 'png.tIME', 'Last modification time (tIME)', t, false);
        } else c.add('time', 'png.tIME', 'Last modification time (tIME)', 'damaged', false);
        break;
      case 'eXIf':
        await inspectExif(c, data, 'PNG eXIf');
        c.add('hidden', 'png.eXIf', 'EXIF block (eXIf chunk)', formatSize(ch.length), true);
        break;
      case 'iCCP': {
        const zero = data.indexOf(0);
        c.add(
          'other',
          'png.iCCP',
          'ICC colour profile (iCCP)',
          zero >= 0 ? data.toString('latin1', 0, zero) : formatSize(ch.length),
          false,
        );
        break;
      }
      default:
        if (!KEEP.has(ch.type))
          c.add(
            'other',
            `png.${ch.type}`,
            `PNG chunk ${ch.type}`,
            formatSize(ch.length),
            !['bKGD', 'hIST', 'sPLT', 'cLLI', 'mDCV', 'mDCv', 'cLLi'].includes(ch.type),
          );
    }
  }
  if (parsed.iendEnd < buf.length)
    c.add(
      'hidden',
      'png.trailing',
      'Data after the end of the image (after IEND)',
      describeTrailing(buf.subarray(parsed.iendEnd)),
      true,
    );
}

/** The IDAT payloads inflated and concatenated: the pixel data, for losslessness checks. */
export function pngImageData(input: Uint8Array): Buffer {
  const buf = asBuffer(input);
  const { chunks } = parsePng(buf);
  return inflateSync(
    Buffer.concat(
      chunks.filter((c) => c.type === 'IDAT').map((c) => buf.subarray(c.data, c.data + c.length)),
    ),
  );
}
