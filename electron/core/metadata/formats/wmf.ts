import { asBuffer, Bytes, ByteWriter, formatSize, invalid, unsupported } from '../bytes';
import { Collector } from '../collector';
import type { FormatStripResult } from '../types';
import { isFileImage, readDibHeader } from './dib';
import { inspectEmf, stripEmf, verifyEmf } from './emf';
import { describeTrailing } from './jpeg';

/**
 * Windows metafiles (WMF, [MS-WMF]), the older vector pictures office files
 * still carry (clip art, previews). Besides drawing, a WMF can carry escape
 * records: comments, a whole EMF copy of the picture (which has its own
 * description and comments), printer-driver data. Escapes are dropped (a
 * renderer draws the same without them); a bitmap that is a whole JPEG or
 * PNG, or that has a colour profile, refuses the picture; so does any
 * record function not on the list below.
 */

const PLACEABLE_KEY = 0x9ac6cdd7;
const META_EOF = 0x0000;
const META_ESCAPE = 0x0626;
const MFCOMMENT = 0x000f;
const WMFC = 0x43464d57; // "WMFC": a piece of an EMF copy of the picture

/** Record functions that draw or set drawing state, kept byte for byte. */
const DRAWING = new Set([
  0x0035, 0x0037, 0x0102, 0x0103, 0x0104, 0x0105, 0x0106, 0x0107, 0x0108, 0x0127, 0x0139, 0x0149,
  0x0201, 0x0209, 0x020a, 0x020b, 0x020c, 0x020d, 0x020e, 0x020f, 0x0211, 0x0213, 0x0214, 0x0220,
  0x0228, 0x0231, 0x0234, 0x0324, 0x0325, 0x0410, 0x0412, 0x0415, 0x0416, 0x0418, 0x0419, 0x0429,
  0x0436, 0x0521, 0x0538, 0x0548, 0x041b, 0x041f, 0x061c, 0x061d, 0x001e, 0x081a, 0x0922, 0x0b23,
  0x0a32, 0x0817, 0x0830, 0x012a, 0x012b, 0x012c, 0x012d, 0x012e, 0x00f7, 0x01f9, 0x02fa, 0x02fb,
  0x02fc, 0x06ff, 0x01f0,
]);

/**
 * Records whose parameters are as many words as the function's high byte
 * says (a convention of the format these records keep): bytes beyond them
 * are read by no renderer, so they are cut off. (Some setters may carry an
 * optional reserved word; it goes too.)
 */
const FIXED_PARAMS = new Set([
  0x0000, 0x001e, 0x0035, 0x0102, 0x0103, 0x0104, 0x0105, 0x0106, 0x0107, 0x0108, 0x0127, 0x012a,
  0x012b, 0x012c, 0x012d, 0x012e, 0x01f0, 0x0201, 0x0209, 0x020a, 0x020b, 0x020c, 0x020d, 0x020e,
  0x020f, 0x0211, 0x0213, 0x0214, 0x0220, 0x0228, 0x0231, 0x0410, 0x0412, 0x0415, 0x0416, 0x0418,
  0x0419, 0x041b, 0x041f, 0x0429, 0x0548, 0x061c, 0x061d, 0x0817, 0x081a, 0x0830,
]);
const META_POLYGON = 0x0324;
const META_POLYLINE = 0x0325;

/** The size in bytes the record's function and fields give it, where they fix it. */
function exactSize(buf: Buffer, r: WmfRecord): number | undefined {
  if (FIXED_PARAMS.has(r.fn)) return 6 + 2 * (r.fn >> 8);
  if ((r.fn === META_POLYGON || r.fn === META_POLYLINE) && r.size >= 8)
    return 8 + 4 * buf.readUInt16LE(r.start + 6);
  return undefined;
}

/** Records holding a DIB: the byte (from the record's start) where it begins. */
const DIB_AT: Record<number, number> = {
  0x0940: 22, // META_DIBBITBLT
  0x0b41: 26, // META_DIBSTRETCHBLT
  0x0f43: 28, // META_STRETCHDIB
  0x0d33: 24, // META_SETDIBTODEV
  0x0142: 10, // META_DIBCREATEPATTERNBRUSH
};

export interface WmfRecord {
  fn: number;
  start: number;
  size: number;
}

export interface ParsedWmf {
  /** Where the META_HEADER starts: 22 after a placeable header, else 0. */
  header: number;
  records: WmfRecord[];
  end: number;
}

export function parseWmf(buf: Buffer, what = 'The WMF picture'): ParsedWmf {
  const b = new Bytes(buf, what);
  const header = b.u32le(0) === PLACEABLE_KEY ? 22 : 0;
  const type = b.u16le(header);
  const version = b.u16le(header + 4);
  if (
    (type !== 1 && type !== 2) ||
    b.u16le(header + 2) !== 9 ||
    (version !== 0x100 && version !== 0x300)
  )
    throw invalid(`${what} does not have a WMF header.`);
  b.need(header, 18, 'the header');
  const records: WmfRecord[] = [];
  for (let at = header + 18; ;) {
    const words = b.u32le(at);
    const fn = b.u16le(at + 4);
    if (words < 3 || words > buf.length / 2)
      throw invalid(`${what} is damaged: the record at byte ${at} has size ${words} words.`);
    b.need(at, words * 2, `the record 0x${fn.toString(16)}`);
    records.push({ fn, start: at, size: words * 2 });
    at += words * 2;
    if (fn === META_EOF) return { header, records, end: at };
    if (at >= buf.length)
      throw invalid(`${what} is truncated: it ends before its META_EOF record.`);
  }
}

function refuse(r: WmfRecord, what: string): never {
  throw unsupported(
    `${what} holds a record of function 0x${r.fn.toString(16).padStart(4, '0')} at byte ${r.start}, which Vigil does not understand; nothing was written.`,
  );
}

/** A DIB record's bitmap, when it has one (a META_DIBBITBLT without a source has none). */
function dibOf(b: Bytes, r: WmfRecord): { compression: number; profileSize: number } | undefined {
  const at = DIB_AT[r.fn];
  if (at === undefined) return undefined;
  if ((r.fn === 0x0940 || r.fn === 0x0b41) && r.size / 2 === (r.fn >> 8) + 3) return undefined;
  return readDibHeader(b, r.start + at, r.size - at);
}

function checksum(placeable: Buffer): number {
  let sum = 0;
  for (let i = 0; i < 20; i += 2) sum ^= placeable.readUInt16LE(i);
  return sum;
}

function escapeData(buf: Buffer, r: WmfRecord): { fn: number; data: Buffer } {
  const count = r.size >= 10 ? buf.readUInt16LE(r.start + 8) : 0;
  const from = r.start + 10;
  return {
    fn: r.size >= 8 ? buf.readUInt16LE(r.start + 6) : 0,
    data: buf.subarray(from, Math.min(from + count, r.start + r.size)),
  };
}

/** A piece of the EMF copy ("WMFC" comment): the bytes after its 34-byte header, or undefined. */
function emfPiece(buf: Buffer, r: WmfRecord): Buffer | undefined {
  if (r.fn !== META_ESCAPE) return undefined;
  const { fn, data } = escapeData(buf, r);
  return fn === MFCOMMENT && data.length >= 34 && data.readUInt32LE(0) === WMFC
    ? data.subarray(34)
    : undefined;
}

/** Bytes of the EMF copy per record, as Windows writes them. */
const EMF_CHUNK = 8192;

/**
 * The EMF copy, cleaned, in "WMFC" comment records. Renderers that find one
 * draw it instead of the WMF records, so it is kept (stripped), not dropped.
 */
function emfCopyRecords(emf: Buffer): Buffer[] {
  let sum = 0;
  for (let i = 0; i + 1 < emf.length; i += 2) sum = (sum + emf.readUInt16LE(i)) & 0xffff;
  const count = Math.ceil(emf.length / EMF_CHUNK);
  const out: Buffer[] = [];
  for (let at = 0; at < emf.length; at += EMF_CHUNK) {
    const chunk = emf.subarray(at, at + EMF_CHUNK);
    const record = Buffer.alloc(10 + 34 + chunk.length + (chunk.length % 2));
    record.writeUInt32LE(record.length / 2, 0);
    record.writeUInt16LE(META_ESCAPE, 4);
    record.writeUInt16LE(MFCOMMENT, 6);
    record.writeUInt16LE(34 + chunk.length, 8);
    record.writeUInt32LE(WMFC, 10);
    record.writeUInt32LE(1, 14);
    record.writeUInt32LE(0x10000, 18);
    record.writeUInt16LE((0x10000 - sum) & 0xffff, 22);
    record.writeUInt32LE(0, 24);
    record.writeUInt32LE(count, 28);
    record.writeUInt32LE(chunk.length, 32);
    record.writeUInt32LE(emf.length - at - chunk.length, 36);
    record.writeUInt32LE(emf.length, 40);
    chunk.copy(record, 44);
    out.push(record);
  }
  return out;
}

export async function inspectWmf(c: Collector, input: Uint8Array): Promise<void> {
  const buf = asBuffer(input);
  const b = new Bytes(buf, 'The WMF picture');
  try {
    const parsed = parseWmf(buf);
    c.add('structure', 'wmf.records', 'Records', String(parsed.records.length), false);
    // A wrong checksum alone hides nothing (the copy gets a right one); a reserved word that is not zero does.
    if (parsed.header === 22 && b.u32le(16) !== 0)
      c.add(
        'hidden',
        'wmf.headerData',
        'Data hidden in the WMF placeable header',
        formatSize(4),
        true,
      );
    const padded = parsed.records.filter((r) => (exactSize(buf, r) ?? r.size) < r.size);
    if (padded.length > 0)
      c.add(
        'hidden',
        'wmf.recordData',
        'Data hidden at the end of drawing records',
        `${padded.length} record(s), ${formatSize(padded.reduce((n, r) => n + r.size - exactSize(buf, r)!, 0))}`,
        true,
      );
    const emf: Buffer[] = [];
    for (const r of parsed.records) {
      if (r.fn === META_ESCAPE) {
        const { fn, data } = escapeData(buf, r);
        const piece = emfPiece(buf, r);
        if (piece) {
          emf.push(piece);
          continue;
        }
        const text = data
          .toString('latin1')
          .replace(/[^\x20-\x7e]+/g, ' ')
          .trim()
          .slice(0, 100);
        if (fn === MFCOMMENT)
          c.add(
            'hidden',
            'wmf.comment',
            'WMF comment',
            `${formatSize(data.length)}${text ? `: "${text}"` : ''}`,
            true,
          );
        else
          c.add(
            'hidden',
            'wmf.escape',
            `Printer escape 0x${fn.toString(16)}`,
            formatSize(data.length),
            true,
          );
        continue;
      }
      const dib = dibOf(b, r);
      if (dib && dib.profileSize > 0)
        c.add(
          'device',
          'wmf.bitmapProfile',
          'Colour profile in a bitmap',
          formatSize(dib.profileSize),
          true,
        );
      if (dib && isFileImage(dib.compression))
        c.add(
          'hidden',
          'wmf.bitmapImage',
          'Bitmap stored as a JPEG or PNG file',
          formatSize(r.size),
          true,
        );
      if (!DRAWING.has(r.fn) && !dib && !(r.fn in DIB_AT) && r.fn !== META_EOF)
        refuse(r, 'The WMF picture');
    }
    if (emf.length > 0) {
      const inner = new Collector();
      const whole = Buffer.concat(emf);
      // The copy itself is drawing (kept, cleaned); what it carries is listed below.
      c.add('structure', 'wmf.emf', 'An EMF copy of the picture', formatSize(whole.length), false);
      await inspectEmf(inner, whole);
      for (const f of inner.fields)
        if (f.group !== 'structure')
          c.add(f.group, `wmf.${f.key}`, `${f.label} (in the EMF copy)`, f.value, f.risky);
    }
    if (parsed.end < buf.length)
      c.add(
        'hidden',
        'wmf.trailing',
        'Data after the end of the picture',
        describeTrailing(buf.subarray(parsed.end)),
        true,
      );
  } catch (error) {
    c.cannotRead(`${(error as Error).message} The list below may be incomplete.`);
  }
}

export function stripWmf(input: Uint8Array): FormatStripResult {
  const what = 'The WMF picture';
  const buf = asBuffer(input);
  const b = new Bytes(buf, what);
  const parsed = parseWmf(buf, what);
  const body = new ByteWriter();
  let maxRecord = 0;
  const pieces = parsed.records.map((r) => emfPiece(buf, r)).filter((p) => p !== undefined);
  let copy: Buffer[] = [];
  if (pieces.length > 0) {
    try {
      const cleaned = asBuffer(stripEmf(Buffer.concat(pieces)).output);
      verifyEmf(cleaned);
      copy = emfCopyRecords(cleaned);
    } catch (error) {
      throw Object.assign(error as Error, {
        message: `${what} holds an EMF copy of itself, which cannot be cleaned: ${(error as Error).message}`,
      });
    }
  }
  for (const r of parsed.records) {
    if (emfPiece(buf, r) && copy.length > 0) {
      // The cleaned copy goes where the first piece was.
      for (const record of copy) {
        body.push(record);
        maxRecord = Math.max(maxRecord, record.length / 2);
      }
      copy = [];
      continue;
    }
    if (r.fn === META_ESCAPE) continue;
    const dib = dibOf(b, r);
    if (dib && (dib.profileSize > 0 || isFileImage(dib.compression)))
      throw unsupported(
        `${what} holds a bitmap that is a JPEG or PNG file or has a colour profile (record at byte ${r.start}), which Vigil cannot clean; nothing was written.`,
      );
    if (!DRAWING.has(r.fn) && !(r.fn in DIB_AT) && r.fn !== META_EOF) refuse(r, what);
    let record = buf.subarray(r.start, r.start + r.size);
    const exact = exactSize(buf, r);
    if (exact !== undefined && exact > r.size)
      throw invalid(`${what} is damaged: the record at byte ${r.start} is too short.`);
    if (exact !== undefined && exact < r.size) {
      record = Buffer.from(record.subarray(0, exact));
      record.writeUInt32LE(exact / 2, 0);
    }
    body.push(record);
    maxRecord = Math.max(maxRecord, record.length / 2);
  }
  const header = Buffer.from(buf.subarray(0, parsed.header + 18));
  if (parsed.header === 22) {
    // Key, handle, bounding box, units per inch, then the reserved word (zeroed) and the checksum.
    header.writeUInt32LE(0, 16);
    header.writeUInt16LE(checksum(header), 20);
  }
  const words = (18 + body.length) / 2;
  header.writeUInt16LE(words & 0xffff, parsed.header + 6);
  header.writeUInt16LE(words >>> 16, parsed.header + 8);
  header.writeUInt32LE(maxRecord, parsed.header + 12);
  header.writeUInt16LE(0, parsed.header + 16);
  return { output: Buffer.concat([header, body.toBuffer()]), kept: [] };
}

/**
 * Re-reads a stripped WMF: totals right, nothing after META_EOF, no escape
 * but the EMF copy (which must pass the EMF check), no bitmap that is a file.
 */
export function verifyWmf(output: Uint8Array): void {
  const buf = asBuffer(output);
  const b = new Bytes(buf, 'The stripped WMF picture');
  const fail = (detail: string): never => {
    throw invalid(
      `Vigil's check of the stripped WMF picture failed: ${detail}. No output was written.`,
    );
  };
  const parsed = parseWmf(buf, 'The stripped WMF picture');
  const h = parsed.header;
  if (parsed.end !== buf.length) fail('data remains after META_EOF');
  if (b.u16le(h + 6) + b.u16le(h + 8) * 0x10000 !== (buf.length - h) / 2 || b.u16le(h + 16) !== 0)
    fail('its header gives the wrong size');
  if (h === 22 && (b.u32le(16) !== 0 || b.u16le(20) !== checksum(buf)))
    fail('its placeable header holds data outside its fields');
  const pieces: Buffer[] = [];
  for (const r of parsed.records) {
    const piece = emfPiece(buf, r);
    if (piece) {
      if (r.size !== 10 + 34 + piece.length + (piece.length % 2))
        fail(`the EMF copy's record at byte ${r.start} holds more than its piece`);
      pieces.push(piece);
      continue;
    }
    const dib = dibOf(b, r);
    if (dib && (dib.profileSize > 0 || isFileImage(dib.compression)))
      fail(`the bitmap at byte ${r.start} is a JPEG or PNG file or has a colour profile`);
    const exact = exactSize(buf, r);
    if (exact !== undefined && exact !== r.size)
      fail(`the record at byte ${r.start} is not the size its function gives it`);
    if (!DRAWING.has(r.fn) && !(r.fn in DIB_AT) && r.fn !== META_EOF)
      fail(`the record of function 0x${r.fn.toString(16)} at byte ${r.start} is not allowed`);
  }
  if (pieces.length > 0) verifyEmf(Buffer.concat(pieces));
}
