import type { Bytes } from '../bytes';
import { invalid, unsupported } from '../bytes';
import { Collector } from '../collector';
import type { KeptField } from '../types';
import { inspectJpeg, stripJpeg, verifyJpeg } from './jpeg';
import { inspectPng, stripPng, verifyPng } from './png';

/**
 * The device-independent bitmaps (DIBs) that metafile records (EMF, WMF)
 * carry. Their pixels are picture content; two things in them are not: a
 * DIB compressed as BI_JPEG or BI_PNG is a whole JPEG or PNG file, with its
 * own EXIF, XMP and text chunks, and a version-5 header can hold a colour
 * profile or a profile's file name (which may name a user's folder).
 */

export const BI_JPEG = 4;
export const BI_PNG = 5;

export interface DibHeader {
  /** biSize: 12 (OS/2 core header), 40, 52, 56, 108 or 124 (version 5). */
  size: number;
  compression: number;
  /** A version-5 header's linked or embedded profile, in bytes (0: none). */
  profileSize: number;
  /** Bytes of the header, its colour masks and its colour table: what a renderer reads of it. */
  used: number;
  /** Bytes of pixels an uncompressed bitmap has (rows padded to 4 bytes); undefined when compressed. */
  pixels?: number;
}

/** Uncompressed (BI_RGB) and bit-field (BI_BITFIELDS, BI_ALPHABITFIELDS) bitmaps. */
const UNCOMPRESSED = new Set([0, 3, 6]);

/** Reads the BITMAPINFOHEADER at `at` (the record gives its size as `cb`). */
export function readDibHeader(b: Bytes, at: number, cb: number): DibHeader {
  b.need(at, cb, 'a bitmap header');
  const size = b.u32le(at);
  if (size < 12 || size > cb)
    throw invalid(`${b.what} is damaged: a bitmap header has size ${size}.`);
  const rows = (width: number, height: number, bits: number): number =>
    (((Math.abs(width) * bits + 31) >>> 5) << 2) * Math.abs(height);
  if (size === 12) {
    const bits = b.u16le(at + 10);
    const colours = bits <= 8 ? 1 << bits : 0;
    const pixels = rows(b.u16le(at + 4), b.u16le(at + 6), bits);
    return { size, compression: 0, profileSize: 0, used: 12 + 3 * colours, pixels };
  }
  if (size < 40) throw invalid(`${b.what} is damaged: a bitmap header has size ${size}.`);
  const compression = b.u32le(at + 16);
  const profileSize = size >= 124 ? b.u32le(at + 116) : 0;
  const bits = b.u16le(at + 14);
  const colours = b.u32le(at + 32) || (bits <= 8 ? 1 << bits : 0);
  // A 40-byte header is followed by its colour masks: three for BI_BITFIELDS, four with alpha.
  const masks = size === 40 ? (compression === 3 ? 12 : compression === 6 ? 16 : 0) : 0;
  const used = size + masks + 4 * Math.min(colours, 1 << 16);
  const pixels = UNCOMPRESSED.has(compression)
    ? rows(b.buf.readInt32LE(at + 4), b.buf.readInt32LE(at + 8), bits)
    : undefined;
  return { size, compression, profileSize, used, ...(pixels === undefined ? {} : { pixels }) };
}

export function isFileImage(compression: number): boolean {
  return compression === BI_JPEG || compression === BI_PNG;
}

/** Lists the metadata of a JPEG or PNG held in a DIB as fields of the picture that holds it. */
export async function inspectDibImage(
  c: Collector,
  bits: Buffer,
  compression: number,
  key: string,
  where: string,
): Promise<void> {
  const inner = new Collector();
  if (compression === BI_JPEG) await inspectJpeg(inner, bits);
  else await inspectPng(inner, bits);
  if (inner.unreadable) c.cannotRead(`${where}: ${inner.unreadable}`);
  for (const f of inner.fields)
    if (f.group !== 'structure')
      c.add(f.group, `${key}.${f.key}`, `${f.label} (${where})`, f.value, f.risky);
}

/**
 * A DIB's JPEG or PNG without its metadata (orientation goes too: GDI never
 * applies it). What the image's stripper keeps is named under `key`.
 */
export function stripDibImage(
  bits: Buffer,
  compression: number,
  what: string,
  key: string,
): { output: Buffer; kept: KeptField[] } {
  try {
    const { output, kept } =
      compression === BI_JPEG ? stripJpeg(bits, { keepOrientation: false, what }) : stripPng(bits);
    return {
      output: Buffer.from(output),
      kept: kept.map((k) => ({ ...k, key: `${key}.${k.key}` })),
    };
  } catch (error) {
    throw unsupported(`${what} cannot be cleaned: ${(error as Error).message}`);
  }
}

export function verifyDibImage(bits: Buffer, compression: number, what: string): void {
  if (compression === BI_JPEG) verifyJpeg(bits, what);
  else verifyPng(bits);
}
