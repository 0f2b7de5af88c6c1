import { asBuffer, Bytes, ByteWriter, formatSize, invalid, isAllZero, unsupported } from '../bytes';
import type { Collector } from '../collector';
import type { FormatStripResult, KeptField } from '../types';
import {
  BI_JPEG,
  BI_PNG,
  inspectDibImage,
  isFileImage,
  readDibHeader,
  stripDibImage,
  verifyDibImage,
  type DibHeader,
} from './dib';
import { describeTrailing } from './jpeg';

/**
 * Enhanced metafiles (EMF, [MS-EMF]): the vector pictures Word, Excel and
 * LibreOffice put in documents (an embedded object's preview, clip art, a
 * pasted chart). A metafile is a list of drawing records; besides drawing
 * it can carry a description (the application and the title), comments
 * (private data, EMF+ records with whole images, print-spool data), colour
 * profiles by file name or by value, printer escapes, and bitmaps that are
 * whole JPEG or PNG files. Records are judged one by one against the list
 * below; a record type not on it refuses the picture.
 */

const EMR_HEADER = 1;
const EMR_EOF = 14;
const EMR_COMMENT = 70;
const EMR_CREATECOLORSPACE = 99;
const EMR_CREATECOLORSPACEW = 122;
const SIGNATURE = 0x464d4520; // " EMF"
const EMF_PLUS = 0x2b464d45; // "EMF+"
const GDI_PUBLIC = 0x43494447; // "GDIC"
const BEGIN_GROUP = 2;
const LCS_SRGB = 0x73524742;
const PROFILE_LINKED = 0x4c494e4b;
const PROFILE_EMBEDDED = 0x4d424544;

/** Records that only draw or set drawing state: kept byte for byte. */
const DRAWING = new Set([
  2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28,
  29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52,
  53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 71, 72, 73, 74, 75, 82, 83, 84,
  85, 86, 87, 88, 89, 90, 91, 92, 96, 97, 98, 100, 101, 104, 108, 109, 111, 115, 118, 119, 120,
]);

/**
 * Drawing records whose size the format fixes: bytes beyond it are read by no
 * renderer, so they could only hide data. They are cut off (and the size fixed).
 */
const FIXED_SIZE: Record<number, number> = {
  9: 16,
  10: 16,
  11: 16,
  12: 16,
  13: 16,
  15: 20,
  16: 12,
  17: 12,
  18: 12,
  19: 12,
  20: 12,
  21: 12,
  22: 12,
  23: 32,
  24: 12,
  25: 12,
  26: 16,
  27: 16,
  28: 8,
  29: 24,
  30: 24,
  31: 24,
  32: 24,
  33: 8,
  34: 12,
  35: 32,
  36: 36,
  37: 12,
  38: 28,
  39: 24,
  40: 12,
  41: 28,
  42: 24,
  43: 24,
  44: 32,
  45: 40,
  46: 40,
  47: 40,
  48: 12,
  51: 16,
  52: 8,
  53: 24,
  54: 16,
  55: 40,
  57: 12,
  58: 12,
  59: 8,
  60: 8,
  61: 8,
  62: 24,
  63: 24,
  64: 24,
  65: 8,
  66: 8,
  67: 12,
  68: 8,
  98: 12,
  100: 12,
  101: 12,
  109: 12,
  115: 12,
  120: 16,
};
/** Poly records (bounds, a point count, the points): 32-bit or 16-bit points. */
const POINTS: Record<number, number> = {
  2: 8,
  3: 8,
  4: 8,
  5: 8,
  6: 8,
  85: 4,
  86: 4,
  87: 4,
  88: 4,
  89: 4,
};

/** The size the record's own fields give it, for records whose fields fix it. */
function exactSize(buf: Buffer, r: EmfRecord): number | undefined {
  const fixed = FIXED_SIZE[r.type];
  if (fixed !== undefined) return fixed;
  const point = POINTS[r.type];
  if (point === undefined || r.size < 28) return undefined;
  return 28 + point * buf.readUInt32LE(r.start + 24);
}

/**
 * EMR_EOF as kept: its palette entries and nothing else (a longer record
 * would carry bytes no renderer reads). Without a palette it is rewritten
 * in its canonical 20 bytes.
 */
function eofRecord(buf: Buffer, r: EmfRecord, what: string): Buffer {
  const entries = r.size >= 20 ? buf.readUInt32LE(r.start + 8) : -1;
  if (entries === 0)
    return Buffer.from([14, 0, 0, 0, 20, 0, 0, 0, 0, 0, 0, 0, 16, 0, 0, 0, 20, 0, 0, 0]);
  if (!eofExact(buf, r))
    throw invalid(
      `${what} is damaged: its EMR_EOF record at byte ${r.start} does not match its palette.`,
    );
  return buf.subarray(r.start, r.start + r.size);
}

function eofExact(buf: Buffer, r: EmfRecord): boolean {
  if (r.size < 20) return false;
  const entries = buf.readUInt32LE(r.start + 8);
  return (
    r.size === 20 + 4 * entries &&
    buf.readUInt32LE(r.start + 12) === 16 &&
    buf.readUInt32LE(r.start + r.size - 4) === r.size
  );
}

/** A drawing record as kept: cut to the size its fields give it; shorter than that is damage. */
function drawingRecord(buf: Buffer, r: EmfRecord, what: string): Buffer {
  const record = buf.subarray(r.start, r.start + r.size);
  const exact = exactSize(buf, r);
  if (exact === undefined || exact === r.size) return record;
  if (exact > r.size)
    throw invalid(
      `${what} is damaged: the record of type ${r.type} at byte ${r.start} is too short.`,
    );
  const out = Buffer.from(record.subarray(0, exact));
  out.writeUInt32LE(exact, 4);
  return out;
}

/** Bitmap records: where each bitmap's (offBmi, cbBmi, offBits, cbBits) fields are. */
const BITMAPS: Record<number, number[]> = {
  76: [84], // EMR_BITBLT
  77: [84], // EMR_STRETCHBLT
  78: [84, 112], // EMR_MASKBLT (source, mask)
  79: [96, 124], // EMR_PLGBLT (source, mask)
  80: [48], // EMR_SETDIBITSTODEVICE
  81: [48], // EMR_STRETCHDIBITS
  93: [16], // EMR_CREATEMONOBRUSH
  94: [16], // EMR_CREATEDIBPATTERNBRUSHPT
  95: [12], // EMR_EXTCREATEPEN
  114: [84], // EMR_ALPHABLEND
  116: [84], // EMR_TRANSPARENTBLT
};

/** Records dropped whole: what they carry is not drawing, and GDI renders the same without them. */
const DROPPED: Record<number, string> = {
  70: 'comment',
  105: 'printer escape (EMR_DRAWESCAPE)',
  106: 'printer escape (EMR_EXTESCAPE)',
  110: 'printer escape (EMR_NAMEDESCAPE)',
  112: 'colour profile (EMR_SETICMPROFILEA)',
  113: 'colour profile (EMR_SETICMPROFILEW)',
  121: 'colour proofing target (EMR_COLORMATCHTOTARGETW)',
};

/** Names of the record types Vigil refuses, for the message. */
const REFUSED_NAMES: Record<number, string> = {
  102: 'EMR_GLSRECORD (OpenGL)',
  103: 'EMR_GLSBOUNDEDRECORD (OpenGL)',
};

export interface EmfRecord {
  type: number;
  start: number;
  size: number;
}

export interface ParsedEmf {
  records: EmfRecord[];
  /** The byte after the EMR_EOF record. */
  end: number;
}

/** The records, from the header to EMR_EOF; sizes are checked, not contents. */
export function parseEmf(buf: Buffer, what = 'The EMF picture'): ParsedEmf {
  const b = new Bytes(buf, what);
  if (b.length < 88 || b.u32le(0) !== EMR_HEADER || b.u32le(40) !== SIGNATURE)
    throw invalid(`${what} does not start with an EMF header.`);
  const records: EmfRecord[] = [];
  for (let at = 0; ;) {
    const type = b.u32le(at);
    const size = b.u32le(at + 4);
    if (size < 8 || size % 4 !== 0)
      throw invalid(`${what} is damaged: the record at byte ${at} has size ${size}.`);
    b.need(at, size, `the record of type ${type}`);
    if (type === EMR_HEADER && at !== 0)
      throw invalid(`${what} is damaged: a second header at byte ${at}.`);
    records.push({ type, start: at, size });
    at += size;
    if (type === EMR_EOF) return { records, end: at };
    if (at >= buf.length) throw invalid(`${what} is truncated: it ends before its EMR_EOF record.`);
  }
}

function refuseType(type: number, at: number, what: string): never {
  const name = REFUSED_NAMES[type] ?? `0x${type.toString(16)}, which is not an EMF record type`;
  throw unsupported(
    `${what} holds a record of type ${type} (${name}) at byte ${at}, which Vigil does not understand; nothing was written.`,
  );
}

/** Where the header's fixed fields end: 88, 100 (pixel format) or 108 bytes (micrometres). */
function headerLayout(b: Bytes): { known: number; pixel?: [number, number] } {
  const size = b.u32le(4);
  const nDescription = b.u32le(60);
  const offDescription = b.u32le(64);
  const fits = (end: number): boolean =>
    size >= end && (nDescription === 0 || offDescription >= end);
  if (!fits(100)) return { known: 88 };
  const cbPixel = b.u32le(88);
  const offPixel = b.u32le(92);
  const pixel: [number, number] | undefined = cbPixel > 0 ? [offPixel, cbPixel] : undefined;
  if (pixel && (offPixel < 100 || offPixel + cbPixel > size))
    throw invalid(`${b.what} is damaged: its pixel format lies outside its header.`);
  const known = fits(108) && (!pixel || offPixel >= 108) ? 108 : 100;
  return pixel ? { known, pixel } : { known };
}

/** The header's bytes that are none of its fields: the description, and anything hidden there. */
function headerSlack(b: Bytes): [number, number][] {
  const { known, pixel } = headerLayout(b);
  const size = b.u32le(4);
  if (!pixel) return [[known, size]];
  return [
    [known, pixel[0]],
    [pixel[0] + pixel[1], size],
  ];
}

function utf16(buf: Buffer, at: number, chars: number): string {
  return buf.toString('utf16le', at, at + chars * 2);
}

function description(b: Bytes): string[] | undefined {
  const n = b.u32le(60);
  if (n === 0) return undefined;
  const off = b.u32le(64);
  b.need(off, n * 2, 'the description');
  if (off + n * 2 > b.u32le(4))
    throw invalid(`${b.what} is damaged: its description lies outside its header.`);
  return utf16(b.buf, off, n)
    .split('\0')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

interface Dib {
  /** Offset in the record of its (offBmi, cbBmi, offBits, cbBits) fields. */
  field: number;
  bmi: number;
  cbBmi: number;
  bits: number;
  cbBits: number;
  header: DibHeader;
}

function dibsOf(b: Bytes, r: EmfRecord): Dib[] {
  const out: Dib[] = [];
  for (const field of BITMAPS[r.type] ?? []) {
    if (field + 16 > r.size) continue; // a BITBLT with no source can be short
    const at = r.start + field;
    const [bmi, cbBmi, bits, cbBits] = [
      b.u32le(at),
      b.u32le(at + 4),
      b.u32le(at + 8),
      b.u32le(at + 12),
    ];
    if (cbBmi === 0) continue;
    if (bmi + cbBmi > r.size || bits + cbBits > r.size)
      throw invalid(`${b.what} is damaged: a bitmap at byte ${r.start} lies outside its record.`);
    out.push({ field, bmi, cbBmi, bits, cbBits, header: readDibHeader(b, r.start + bmi, cbBmi) });
  }
  return out;
}

/** Where each bitmap record's own fields end (EMR_EXTCREATEPEN's depend on its style entries). */
const BITMAP_FIELDS_END: Record<number, number> = {
  76: 100,
  77: 108,
  78: 128,
  79: 140,
  80: 76,
  81: 80,
  93: 32,
  94: 32,
  114: 108,
  116: 108,
};

/**
 * The bytes of a bitmap record no renderer reads (relative to the record):
 * between its fields, its bitmap headers and its pixels, past a header's
 * colour table, past an uncompressed bitmap's rows. They could only hide data.
 */
function bitmapSlack(b: Bytes, r: EmfRecord, dibs: Dib[]): [number, number][] {
  const fieldsEnd =
    r.type === 95
      ? r.size >= 52
        ? 52 + 4 * b.u32le(r.start + 48)
        : r.size
      : BITMAP_FIELDS_END[r.type]!;
  const used: [number, number][] = [[0, Math.min(fieldsEnd, r.size)]];
  for (const d of dibs) {
    used.push([d.bmi, d.bmi + Math.min(d.cbBmi, d.header.used)]);
    used.push([d.bits, d.bits + Math.min(d.cbBits, d.header.pixels ?? d.cbBits)]);
  }
  used.sort((x, y) => x[0] - y[0]);
  const slack: [number, number][] = [];
  let at = 0;
  for (const [from, to] of used) {
    if (from > at) slack.push([at, from]);
    at = Math.max(at, to);
  }
  if (at < r.size) slack.push([at, r.size]);
  return slack;
}

function hasHiddenBytes(b: Bytes, r: EmfRecord): boolean {
  return bitmapSlack(b, r, dibsOf(b, r)).some(
    ([from, to]) => !isAllZero(b.buf.subarray(r.start + from, r.start + to)),
  );
}

/** The EMF+ header's flag: the file also draws everything with plain GDI records. */
function emfPlusDual(buf: Buffer, r: EmfRecord): boolean | undefined {
  if (r.size < 16 + 12 || buf.readUInt32LE(r.start + 12) !== EMF_PLUS) return undefined;
  if (buf.readUInt16LE(r.start + 16) !== 0x4001) return undefined;
  return (buf.readUInt16LE(r.start + 18) & 1) === 1;
}

function printable(bytes: Buffer): string {
  const wide = bytes.length >= 4 && bytes[1] === 0 && bytes[3] === 0;
  return (wide ? bytes.toString('utf16le') : bytes.toString('latin1'))
    .replace(/[^\x20-\x7e\u00a0-\uffff]+/g, ' ')
    .trim()
    .slice(0, 100);
}

function commentKind(buf: Buffer, r: EmfRecord): string {
  const id = r.size >= 16 ? buf.readUInt32LE(r.start + 12) : 0;
  if (id === EMF_PLUS) return 'emfplus';
  if (id === GDI_PUBLIC) return 'public';
  if (id === 0 && r.size >= 20 && buf.toString('latin1', r.start + 16, r.start + 20) === 'SPOL')
    return 'spool';
  return 'private';
}

/** Embedded images EMF+ records carry whole (bitmaps, metafiles): found by their signatures. */
const IMAGE_SIGNATURES: [string, Buffer][] = [
  ['JPEG', Buffer.from([0xff, 0xd8, 0xff])],
  ['PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47])],
  ['TIFF', Buffer.from('II*\0', 'latin1')],
  ['GIF', Buffer.from('GIF8', 'latin1')],
];

async function inspectComment(c: Collector, buf: Buffer, r: EmfRecord, n: number): Promise<void> {
  const data = buf.subarray(r.start + 12, r.start + r.size);
  const kind = commentKind(buf, r);
  if (kind === 'emfplus') {
    const images = IMAGE_SIGNATURES.filter(([, sig]) => data.includes(sig)).map(([name]) => name);
    c.add(
      'hidden',
      'emf.emfplus',
      'EMF+ drawing records (a second copy of the drawing)',
      `${formatSize(r.size)}${images.length ? `, holding ${images.join(', ')} image data` : ''}`,
      images.length > 0,
    );
    for (const [compression, sig] of [
      [BI_JPEG, IMAGE_SIGNATURES[0]![1]],
      [BI_PNG, IMAGE_SIGNATURES[1]![1]],
    ] as const) {
      const at = data.indexOf(sig);
      if (at >= 0)
        await inspectDibImage(
          c,
          data.subarray(at),
          compression,
          `emf.emfplus${n}`,
          'an EMF+ image',
        );
    }
    return;
  }
  if (kind === 'public' && r.size >= 40 && buf.readUInt32LE(r.start + 16) === BEGIN_GROUP) {
    const chars = buf.readUInt32LE(r.start + 36);
    const text = utf16(buf, r.start + 40, Math.min(chars, (r.size - 40) >> 1));
    c.add('document', 'emf.groupDescription', 'EMF group description', text, true);
    return;
  }
  const label =
    kind === 'spool'
      ? 'EMF print-spool data'
      : kind === 'public'
        ? 'EMF public comment'
        : 'EMF private comment';
  const text = printable(data.subarray(kind === 'private' ? 0 : 8));
  c.add(
    'hidden',
    'emf.comment',
    label,
    `${formatSize(data.length)}${text ? `: "${text}"` : ''}`,
    true,
  );
}

function profileName(buf: Buffer, at: number, bytes: number, wide: boolean): string {
  const text = wide
    ? buf.toString('utf16le', at, at + (bytes & ~1))
    : buf.toString('latin1', at, at + bytes);
  return text.split('\0')[0]!.trim();
}

function inspectProfile(c: Collector, b: Bytes, r: EmfRecord): void {
  const buf = b.buf;
  const s = r.start;
  if (r.type === 112 || r.type === 113) {
    // EMR_SETICMPROFILE: dwFlags, cbName, cbData, then the name and the profile.
    const cbName = b.u32le(s + 12);
    const cbData = b.u32le(s + 16);
    b.need(s + 20, cbName + cbData, 'a colour profile');
    const name = profileName(buf, s + 20, cbName, r.type === 113);
    if (name) c.add('device', 'emf.profileName', 'Colour profile file name', name, true);
    if (cbData > 0) c.add('other', 'emf.profile', 'Colour profile', formatSize(cbData), false);
    return;
  }
  if (r.type === 121) {
    // EMR_COLORMATCHTOTARGETW: dwAction, dwFlags, cbName, cbData, then the name and the data.
    const cbName = b.u32le(s + 16);
    b.need(s + 24, cbName, 'a colour profile name');
    const name = profileName(buf, s + 24, cbName, true);
    c.add('device', 'emf.profileName', 'Colour profile file name', name || '(none)', name !== '');
    return;
  }
  c.add('hidden', 'emf.escape', 'Printer driver data', formatSize(r.size), true);
}

function inspectColorSpace(c: Collector, b: Bytes, r: EmfRecord): void {
  const wide = r.type === EMR_CREATECOLORSPACEW;
  b.need(r.start, wide ? 608 : 340, 'a colour space');
  const name = profileName(b.buf, r.start + 80, wide ? 520 : 260, wide);
  if (name) c.add('device', 'emf.profileName', 'Colour profile file name', name, true);
  const cbData = wide ? b.u32le(r.start + 604) : 0;
  if (cbData > 0) c.add('other', 'emf.profile', 'Colour profile', formatSize(cbData), false);
}

export async function inspectEmf(c: Collector, input: Uint8Array): Promise<void> {
  const buf = asBuffer(input);
  let parsed: ParsedEmf;
  const b = new Bytes(buf, 'The EMF picture');
  try {
    parsed = parseEmf(buf);
    c.add(
      'structure',
      'emf.frame',
      'Picture frame',
      `${buf.readInt32LE(32) - buf.readInt32LE(24)} × ${buf.readInt32LE(36) - buf.readInt32LE(28)} (hundredths of a millimetre), ${parsed.records.length} records`,
      false,
    );
    const text = description(b);
    if (text?.[0])
      c.add('software', 'emf.application', 'Application (EMF description)', text[0], true);
    if (text && text.length > 1)
      c.add('document', 'emf.title', 'Title (EMF description)', text.slice(1).join(' / '), true);
    const header = Buffer.from(buf.subarray(0, b.u32le(4)));
    if (text) header.fill(0, b.u32le(64), b.u32le(64) + b.u32le(60) * 2);
    if (headerSlack(b).some(([from, to]) => !isAllZero(header.subarray(from, to))))
      c.add(
        'hidden',
        'emf.headerData',
        'Data hidden in the EMF header',
        formatSize(header.length),
        true,
      );
    let bitmaps = 0;
    const padded = parsed.records.filter(
      (r) =>
        (DRAWING.has(r.type) && (exactSize(buf, r) ?? r.size) < r.size) ||
        (r.type in BITMAPS && hasHiddenBytes(b, r)) ||
        (r.type === EMR_EOF && !eofExact(buf, r)),
    );
    if (padded.length > 0)
      c.add(
        'hidden',
        'emf.recordData',
        'Data hidden at the end of drawing records',
        `${padded.length} record(s)`,
        true,
      );
    for (const [n, r] of parsed.records.entries()) {
      if (r.type === EMR_HEADER || r.type === EMR_EOF || DRAWING.has(r.type)) continue;
      if (r.type === EMR_COMMENT) await inspectComment(c, buf, r, n);
      else if (r.type in DROPPED) inspectProfile(c, b, r);
      else if (r.type === EMR_CREATECOLORSPACE || r.type === EMR_CREATECOLORSPACEW)
        inspectColorSpace(c, b, r);
      else if (r.type in BITMAPS) {
        for (const dib of dibsOf(b, r)) {
          bitmaps += 1;
          if (dib.header.profileSize > 0)
            c.add(
              'device',
              'emf.bitmapProfile',
              'Colour profile in a bitmap',
              formatSize(dib.header.profileSize),
              true,
            );
          if (isFileImage(dib.header.compression))
            await inspectDibImage(
              c,
              buf.subarray(r.start + dib.bits, r.start + dib.bits + dib.cbBits),
              dib.header.compression,
              `emf.bitmap${bitmaps}`,
              `bitmap ${bitmaps}`,
            );
        }
      } else refuseType(r.type, r.start, 'The EMF picture');
    }
    if (parsed.end < buf.length)
      c.add(
        'hidden',
        'emf.trailing',
        'Data after the end of the picture',
        describeTrailing(buf.subarray(parsed.end)),
        true,
      );
  } catch (error) {
    c.cannotRead(`${(error as Error).message} The list below may be incomplete.`);
  }
}

/** The header with its description and any slack bytes zeroed, its totals set later. */
function cleanHeader(b: Bytes): Buffer {
  const header = Buffer.from(b.slice(0, b.u32le(4), 'the header'));
  description(b); // its bounds are checked; its text goes with the slack
  for (const [from, to] of headerSlack(b)) header.fill(0, from, to);
  header.writeUInt32LE(0, 60);
  header.writeUInt32LE(0, 64);
  header.writeUInt16LE(0, 58);
  return header;
}

/** A colour space without its profile's file name or data; a linked or embedded one reads as sRGB. */
function cleanColorSpace(b: Bytes, r: EmfRecord): Buffer {
  const wide = r.type === EMR_CREATECOLORSPACEW;
  const size = wide ? 608 : 340;
  b.need(r.start, size, 'a colour space');
  const out = Buffer.from(b.buf.subarray(r.start, r.start + size));
  out.writeUInt32LE(size, 4);
  out.fill(0, 80, wide ? 600 : 340);
  if (wide) out.fill(0, 600, 608);
  const type = out.readUInt32LE(24);
  if (type === PROFILE_LINKED || type === PROFILE_EMBEDDED) out.writeUInt32LE(LCS_SRGB, 24);
  return out;
}

/** A bitmap record whose JPEG or PNG has been stripped; only the last thing in the record may change size. */
function cleanBitmapRecord(b: Bytes, r: EmfRecord, n: number, kept: KeptField[]): Buffer {
  const dibs = dibsOf(b, r);
  const record = b.buf.subarray(r.start, r.start + r.size);
  for (const dib of dibs)
    if (dib.header.profileSize > 0)
      throw unsupported(
        `The EMF picture holds a bitmap with a colour profile (record at byte ${r.start}), which Vigil cannot clean; nothing was written.`,
      );
  const image = dibs.find((d) => isFileImage(d.header.compression));
  if (!image) {
    const slack = bitmapSlack(b, r, dibs);
    if (slack.every(([from, to]) => isAllZero(record.subarray(from, to)))) return record;
    const out = Buffer.from(record);
    for (const [from, to] of slack) out.fill(0, from, to);
    return out;
  }
  if (
    dibs.length > 1 ||
    image.bits < image.bmi + image.cbBmi ||
    r.size - (image.bits + image.cbBits) >= 4
  )
    throw unsupported(
      `The EMF picture holds a JPEG or PNG bitmap laid out in a way Vigil cannot rewrite (record at byte ${r.start}); nothing was written.`,
    );
  const what = `The JPEG or PNG in the EMF picture's bitmap ${n}`;
  const stripped = stripDibImage(
    record.subarray(image.bits, image.bits + image.cbBits),
    image.header.compression,
    what,
    `emf.bitmap${n}`,
  );
  kept.push(...stripped.kept);
  const padded = (image.bits + stripped.output.length + 3) & ~3;
  const out = Buffer.alloc(padded);
  record.copy(out, 0, 0, image.bits);
  for (const [from, to] of bitmapSlack(b, r, dibs)) if (from < image.bits) out.fill(0, from, to);
  stripped.output.copy(out, image.bits);
  out.writeUInt32LE(padded, 4);
  out.writeUInt32LE(stripped.output.length, image.field + 12);
  out.writeUInt32LE(stripped.output.length, image.bmi + 20); // biSizeImage
  return out;
}

export function stripEmf(input: Uint8Array): FormatStripResult {
  const what = 'The EMF picture';
  const buf = asBuffer(input);
  const b = new Bytes(buf, what);
  const parsed = parseEmf(buf, what);
  const kept: KeptField[] = [];
  const body = new ByteWriter();
  let count = 1;
  let bitmaps = 0;
  for (const r of parsed.records) {
    if (r.type === EMR_HEADER) continue;
    if (r.type === EMR_COMMENT && emfPlusDual(buf, r) === false)
      throw unsupported(
        `${what} is drawn only with EMF+ records (it has no plain EMF copy of the drawing), which Vigil cannot clean; nothing was written.`,
      );
    let out: Buffer;
    if (r.type === EMR_EOF) out = eofRecord(buf, r, what);
    else if (DRAWING.has(r.type)) out = drawingRecord(buf, r, what);
    else if (r.type in DROPPED) continue;
    else if (r.type === EMR_CREATECOLORSPACE || r.type === EMR_CREATECOLORSPACEW)
      out = cleanColorSpace(b, r);
    else if (r.type in BITMAPS) {
      bitmaps += dibsOf(b, r).length;
      out = cleanBitmapRecord(b, r, bitmaps, kept);
    } else refuseType(r.type, r.start, what);
    body.push(out);
    count += 1;
  }
  const header = cleanHeader(b);
  header.writeUInt32LE(header.length + body.length, 48);
  header.writeUInt32LE(count, 52);
  return { output: Buffer.concat([header, body.toBuffer()]), kept };
}

/**
 * Re-reads a stripped EMF on its own terms: totals right, nothing after
 * EMR_EOF, header without description or hidden bytes, and only records
 * that draw, colour spaces without profiles, and bitmaps whose JPEG or PNG
 * passes that format's own check.
 */
export function verifyEmf(output: Uint8Array): void {
  const what = 'The stripped EMF picture';
  const buf = asBuffer(output);
  const fail = (detail: string): never => {
    throw invalid(
      `Vigil's check of the stripped EMF picture failed: ${detail}. No output was written.`,
    );
  };
  const b = new Bytes(buf, what);
  const parsed = parseEmf(buf, what);
  if (parsed.end !== buf.length) fail('data remains after EMR_EOF');
  if (b.u32le(48) !== buf.length || b.u32le(52) !== parsed.records.length)
    fail('its header gives the wrong size or record count');
  if (b.u32le(60) !== 0 || b.u32le(64) !== 0 || b.u16le(58) !== 0)
    fail('its header keeps a description');
  for (const [from, to] of headerSlack(b))
    if (!isAllZero(buf.subarray(from, to))) fail('its header holds data outside its fields');
  for (const r of parsed.records) {
    if (r.type === EMR_HEADER) continue;
    if (r.type === EMR_EOF) {
      if (!eofExact(buf, r)) fail('its EMR_EOF record holds more than its palette');
      continue;
    }
    if (DRAWING.has(r.type)) {
      const exact = exactSize(buf, r);
      if (exact !== undefined && exact !== r.size)
        fail(`the record of type ${r.type} at byte ${r.start} is not the size its fields give it`);
      continue;
    }
    if (r.type === EMR_CREATECOLORSPACE || r.type === EMR_CREATECOLORSPACEW) {
      const wide = r.type === EMR_CREATECOLORSPACEW;
      if (r.size !== (wide ? 608 : 340) || !isAllZero(buf.subarray(r.start + 80, r.start + r.size)))
        fail(`the colour space at byte ${r.start} keeps a profile`);
      continue;
    }
    if (r.type in BITMAPS) {
      if (hasHiddenBytes(b, r)) fail(`the bitmap record at byte ${r.start} holds unused bytes`);
      for (const dib of dibsOf(b, r)) {
        if (dib.header.profileSize > 0)
          fail(`the bitmap at byte ${r.start} keeps a colour profile`);
        if (isFileImage(dib.header.compression))
          verifyDibImage(
            buf.subarray(r.start + dib.bits, r.start + dib.bits + dib.cbBits),
            dib.header.compression,
            `The JPEG or PNG in the stripped EMF picture (byte ${r.start})`,
          );
      }
      continue;
    }
    fail(`the record of type ${r.type} at byte ${r.start} is not allowed`);
  }
}
