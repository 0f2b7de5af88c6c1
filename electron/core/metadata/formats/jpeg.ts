import {
  asBuffer,
  Bytes,
  ByteWriter,
  formatSize,
  invalid,
  unsupported,
  type Allocate,
} from '../bytes';
import type { Collector } from '../collector';
import { inspectExif } from '../exif';
import { inspectXmp } from '../xmp';
import type { FormatStripResult, KeptField } from '../types';
import { exifOrientation, orientationOnlyTiff } from './ifd';

export interface JpegSegment {
  marker: number;
  /** Offset of the 0xFF that starts the marker. */
  start: number;
  /** First byte after the 2-byte length. */
  payload: number;
  /** End of the segment (for SOS: end of its header, before the entropy-coded data). */
  end: number;
  /** SOS only: end of the entropy-coded data that follows. */
  scanEnd?: number;
}

export interface ParsedJpeg {
  segments: JpegSegment[];
  /** Offset just after EOI. */
  eoiEnd: number;
}

const EXIF_ID = 'Exif\0\0';
const XMP_ID = 'http://ns.adobe.com/xap/1.0/\0';
const XMP_EXT_ID = 'http://ns.adobe.com/xmp/extension/\0';

const isSof = (m: number): boolean =>
  m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
const isApp = (m: number): boolean => m >= 0xe0 && m <= 0xef;

/**
 * Walks the marker structure of a JPEG from SOI to EOI. Every length is
 * checked; data that is neither a marker nor entropy-coded scan data is an error.
 */
export function parseJpeg(buf: Buffer, what = 'The JPEG image'): ParsedJpeg {
  // Inspecting, stripping and verifying read the same buffer several times; a
  // camera image's walk is a millisecond, so a successful one is remembered.
  const cached = parsed.get(buf);
  if (cached && cached.length === buf.length) return cached.result;
  const result = walkJpeg(buf, what);
  parsed.set(buf, { length: buf.length, result });
  return result;
}

const parsed = new WeakMap<Buffer, { length: number; result: ParsedJpeg }>();

function walkJpeg(buf: Buffer, what: string): ParsedJpeg {
  const b = new Bytes(buf, what);
  if (buf.length < 4 || buf[0] !== 0xff || buf[1] !== 0xd8)
    throw invalid(`${what} does not start with a JPEG start-of-image marker.`);
  const segments: JpegSegment[] = [];
  let pos = 2;
  let sawFrame = false;
  for (;;) {
    if (pos >= buf.length)
      throw invalid(`${what} is truncated: it ends before its end-of-image marker.`);
    if (buf[pos] !== 0xff)
      throw invalid(`${what} is damaged: unexpected data between segments at byte ${pos}.`);
    while (pos + 1 < buf.length && buf[pos + 1] === 0xff) pos += 1;
    if (pos + 1 >= buf.length)
      throw invalid(`${what} is truncated: it ends before its end-of-image marker.`);
    const marker = buf[pos + 1]!;
    const start = pos;
    if (marker === 0xd9) {
      if (!sawFrame) throw invalid(`${what} is damaged: it has no image frame.`);
      return { segments, eoiEnd: pos + 2 };
    }
    if (marker === 0x00 || marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7)) {
      throw invalid(
        `${what} is damaged: marker 0x${marker.toString(16)} is out of place at byte ${pos}.`,
      );
    }
    if (marker === 0x01) {
      segments.push({ marker, start, payload: pos + 2, end: pos + 2 });
      pos += 2;
      continue;
    }
    const length = b.u16be(pos + 2);
    if (length < 2)
      throw invalid(`${what} is damaged: a segment at byte ${pos} has an impossible length.`);
    const end = pos + 2 + length;
    b.need(pos + 2, length, 'a JPEG segment');
    const seg: JpegSegment = { marker, start, payload: pos + 4, end };
    if (isSof(marker)) sawFrame = true;
    if (marker === 0xda) {
      if (!sawFrame) throw invalid(`${what} is damaged: a scan comes before the image frame.`);
      // Entropy-coded data runs to the first 0xFF that is neither stuffing (FF00) nor a restart marker.
      let i = end;
      for (;;) {
        i = buf.indexOf(0xff, i);
        if (i < 0 || i + 1 >= buf.length)
          throw invalid(
            `${what} is truncated: its image data ends without an end-of-image marker.`,
          );
        const next = buf[i + 1]!;
        if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) {
          i += 2;
          continue;
        }
        break;
      }
      seg.scanEnd = i;
      pos = i;
    } else {
      pos = end;
    }
    segments.push(seg);
  }
}

function payloadId(buf: Buffer, seg: JpegSegment, id: string): boolean {
  return (
    seg.end - seg.payload >= id.length &&
    buf.toString('latin1', seg.payload, seg.payload + id.length) === id
  );
}

/** Checks that a kept table segment holds exactly its tables and nothing else (no hidden tail). */
function checkStructural(buf: Buffer, seg: JpegSegment, what: string): void {
  const m = seg.marker;
  const len = seg.end - seg.payload;
  const bad = (name: string): never => {
    throw invalid(
      `${what} is damaged: its ${name} segment at byte ${seg.start} has a wrong length.`,
    );
  };
  if (isSof(m)) {
    if (len < 6 || len !== 6 + 3 * buf[seg.payload + 5]!) bad('frame header');
    return;
  }
  switch (m) {
    case 0xc4: {
      let p = seg.payload;
      while (p < seg.end) {
        if (p + 17 > seg.end) bad('Huffman table');
        let total = 0;
        for (let i = 1; i <= 16; i += 1) total += buf[p + i]!;
        p += 17 + total;
      }
      if (p !== seg.end || len === 0) bad('Huffman table');
      return;
    }
    case 0xdb: {
      let p = seg.payload;
      while (p < seg.end) {
        const precision = buf[p]! >> 4;
        if (precision > 1) bad('quantisation table');
        p += 1 + (precision === 0 ? 64 : 128);
      }
      if (p !== seg.end || len === 0) bad('quantisation table');
      return;
    }
    case 0xdd:
    case 0xdc:
      if (len !== 2) bad(m === 0xdd ? 'restart interval' : 'line count');
      return;
    case 0xcc:
      if (len === 0 || len % 2 !== 0) bad('arithmetic conditioning');
      return;
    case 0xda: {
      const n = buf[seg.payload]!;
      if (n < 1 || n > 4 || len !== 4 + 2 * n) bad('scan header');
      return;
    }
  }
}

export interface StripJpegOptions {
  /** Write a minimal EXIF block holding only Orientation (for a standalone photo, not inside a PDF). */
  keepOrientation: boolean;
  what?: string;
  /** Where the output is assembled (a batch's reused memory); a new buffer by default. */
  allocate?: Allocate;
}

/** The lossless allow-list JPEG stripper: tables, frame, scans and the JFIF/Adobe markers; nothing else. */
export function stripJpeg(
  input: Uint8Array,
  options: StripJpegOptions = { keepOrientation: true },
): FormatStripResult {
  const what = options.what ?? 'The JPEG image';
  const buf = asBuffer(input);
  const parsed = parseJpeg(buf, what);
  const out = new ByteWriter();
  const kept: KeptField[] = [];
  out.bytes(0xff, 0xd8);
  const jfif = parsed.segments.find(
    (s) => s.marker === 0xe0 && payloadId(buf, s, 'JFIF\0') && s.end - s.payload >= 14,
  );
  if (jfif) {
    // Rewritten without its optional thumbnail; version, units and density stay.
    const seg = Buffer.alloc(18);
    seg.writeUInt16BE(0xffe0, 0);
    seg.writeUInt16BE(16, 2);
    seg.write('JFIF\0', 4, 'latin1');
    buf.copy(seg, 9, jfif.payload + 5, jfif.payload + 12);
    out.push(seg);
    kept.push({
      key: 'jpeg.JFIF',
      label: 'JFIF header',
      value: `version ${buf[jfif.payload + 5]}.${String(buf[jfif.payload + 6]).padStart(2, '0')}`,
      reason: 'standard JPEG header (pixel density); its thumbnail is removed',
      code: 'jfif-header',
    });
  }
  if (options.keepOrientation) {
    const exif = parsed.segments.find((s) => s.marker === 0xe1 && payloadId(buf, s, EXIF_ID));
    const orientation = exif
      ? exifOrientation(buf.subarray(exif.payload + 6, exif.end))
      : undefined;
    if (orientation !== undefined && orientation !== 1) {
      const tiff = orientationOnlyTiff(orientation);
      const head = Buffer.alloc(10);
      head.writeUInt16BE(0xffe1, 0);
      head.writeUInt16BE(2 + 6 + tiff.length, 2);
      head.write(EXIF_ID, 4, 'latin1');
      out.push(head).push(tiff);
      kept.push({
        key: 'exif.ifd0.Orientation',
        label: 'Orientation',
        value: String(orientation),
        reason: 'needed to display the picture the right way up',
        code: 'orientation',
      });
    }
  }
  let frameKept = false;
  for (const seg of parsed.segments) {
    const m = seg.marker;
    if (m === 0xc8 || (m >= 0xf0 && m <= 0xfd))
      throw unsupported(
        `${what} uses a JPEG extension (marker 0x${m.toString(16)}) that Vigil cannot strip safely.`,
      );
    if (m === 0xde || m === 0xdf)
      throw unsupported(`${what} uses hierarchical JPEG coding, which Vigil cannot strip safely.`);
    if (m >= 0x02 && m <= 0xbf)
      throw invalid(`${what} is damaged: it contains the reserved marker 0x${m.toString(16)}.`);
    if (
      isSof(m) ||
      m === 0xc4 ||
      m === 0xdb ||
      m === 0xdd ||
      m === 0xcc ||
      m === 0xda ||
      m === 0xdc
    ) {
      checkStructural(buf, seg, what);
      out.push(buf.subarray(seg.start, m === 0xda ? seg.scanEnd! : seg.end));
      if (isSof(m)) frameKept = true;
      continue;
    }
    if (m === 0xee && payloadId(buf, seg, 'Adobe') && seg.end - seg.payload >= 12) {
      // Needed to decode CMYK/YCCK; rebuilt so that nothing beyond its fixed fields survives.
      const adobe = Buffer.alloc(16);
      adobe.writeUInt16BE(0xffee, 0);
      adobe.writeUInt16BE(14, 2);
      adobe.write('Adobe', 4, 'latin1');
      adobe.writeUInt16BE(buf.readUInt16BE(seg.payload + 5), 9);
      adobe[15] = buf[seg.payload + 11]!;
      out.push(adobe);
      kept.push({
        key: 'jpeg.Adobe',
        label: 'Adobe colour transform marker',
        value: `transform ${adobe[15]}`,
        reason: 'needed to decode the colours correctly',
        code: 'colour-decoding',
      });
    }
    // Everything else (APPn, COM, TEM) is dropped.
  }
  if (!frameKept) throw invalid(`${what} is damaged: it has no image frame.`);
  out.bytes(0xff, 0xd9);
  return { output: out.toBuffer(options.allocate), kept };
}

/** Re-reads a stripped JPEG and throws if anything outside the allow-list is left. */
export function verifyJpeg(output: Uint8Array, what = 'The stripped JPEG'): void {
  const buf = asBuffer(output);
  const parsed = parseJpeg(buf, what);
  const leak = (detail: string): never => {
    throw invalid(`Vigil's check of the stripped JPEG failed: ${detail}. No output was written.`);
  };
  if (parsed.eoiEnd !== buf.length) leak('data remains after the end of the image');
  for (const seg of parsed.segments) {
    const m = seg.marker;
    const len = seg.end - seg.payload;
    if (
      isSof(m) ||
      m === 0xc4 ||
      m === 0xdb ||
      m === 0xdd ||
      m === 0xcc ||
      m === 0xda ||
      m === 0xdc
    ) {
      checkStructural(buf, seg, what);
      continue;
    }
    if (
      m === 0xe0 &&
      len === 14 &&
      payloadId(buf, seg, 'JFIF\0') &&
      buf[seg.payload + 12] === 0 &&
      buf[seg.payload + 13] === 0
    )
      continue;
    if (
      m === 0xee &&
      len === 12 &&
      payloadId(buf, seg, 'Adobe') &&
      buf.readUInt32BE(seg.payload + 7) === 0
    )
      continue;
    if (m === 0xe1 && len === 6 + 26 && payloadId(buf, seg, EXIF_ID)) {
      const expect = orientationOnlyTiff(buf.readUInt16BE(seg.payload + 6 + 18));
      if (buf.subarray(seg.payload + 6, seg.end).equals(expect)) continue;
    }
    leak(`segment 0x${m.toString(16)} at byte ${seg.start} is not allowed`);
  }
}

function appName(buf: Buffer, seg: JpegSegment): string {
  const end = Math.min(seg.end, seg.payload + 40);
  const zero = buf.indexOf(0, seg.payload);
  const idEnd = zero >= 0 && zero < end ? zero : end;
  return buf.toString('latin1', seg.payload, idEnd).replace(/[^\x20-\x7e]/g, '?');
}

/** Previews trailing bytes so the user sees what they are. */
export function describeTrailing(bytes: Buffer): string {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return `${formatSize(bytes.length)}: another JPEG image`;
  if (bytes.includes('ftyp', 0, 'latin1') && bytes.indexOf('ftyp') < 16)
    return `${formatSize(bytes.length)}: an embedded video`;
  if (bytes.subarray(0, 4).toString('latin1') === 'PK\x03\x04')
    return `${formatSize(bytes.length)}: a ZIP archive`;
  const text = bytes
    .subarray(0, 60)
    .toString('latin1')
    .replace(/[^\x20-\x7e]+/g, ' ')
    .trim();
  return text ? `${formatSize(bytes.length)}: "${text}"` : formatSize(bytes.length);
}

/** Lists what a JPEG carries. `prefix` distinguishes JPEGs inside other files (PDF images). */
export async function inspectJpeg(
  c: Collector,
  input: Uint8Array,
  where = 'JPEG',
  prefix = 'jpeg',
): Promise<void> {
  const buf = asBuffer(input);
  let parsed: ParsedJpeg;
  try {
    parsed = parseJpeg(buf);
  } catch (error) {
    c.cannotRead(`${(error as Error).message} The list below may be incomplete.`);
    await inspectExif(c, buf, where, prefix === 'jpeg' ? 'exif' : `${prefix}.exif`);
    return;
  }
  let hasExif = false;
  for (const seg of parsed.segments) {
    const m = seg.marker;
    const len = seg.end - seg.payload;
    if (isSof(m) && len >= 6) {
      const h = buf.readUInt16BE(seg.payload + 1);
      const w = buf.readUInt16BE(seg.payload + 3);
      c.add(
        'structure',
        `${prefix}.dimensions`,
        `Dimensions (${where})`,
        `${w} × ${h}, ${buf[seg.payload + 5]} components, ${m === 0xc2 ? 'progressive' : m === 0xc0 ? 'baseline' : `SOF${m - 0xc0}`}`,
        false,
      );
      continue;
    }
    if (m === 0xfe) {
      c.add(
        'document',
        `${prefix}.COM`,
        `JPEG comment (${where})`,
        buf.toString('utf8', seg.payload, seg.end),
        true,
      );
      continue;
    }
    if (!isApp(m)) continue;
    if (m === 0xe0 && payloadId(buf, seg, 'JFIF\0')) {
      if (len >= 14 && (buf[seg.payload + 12]! > 0 || buf[seg.payload + 13]! > 0)) {
        c.add(
          'hidden',
          `${prefix}.JFIF.thumbnail`,
          `JFIF thumbnail (${where})`,
          `${buf[seg.payload + 12]} × ${buf[seg.payload + 13]} pixels`,
          true,
        );
      }
      continue;
    }
    if (m === 0xe0 && payloadId(buf, seg, 'JFXX\0')) {
      c.add('hidden', `${prefix}.JFXX`, `JFXX thumbnail (${where})`, formatSize(len), true);
      continue;
    }
    if (m === 0xe1 && payloadId(buf, seg, EXIF_ID)) {
      hasExif = true;
      continue;
    }
    if (m === 0xe1 && payloadId(buf, seg, XMP_ID)) {
      inspectXmp(
        c,
        buf.subarray(seg.payload + XMP_ID.length, seg.end),
        `${where} XMP`,
        prefix === 'jpeg' ? 'xmp' : `${prefix}.xmp`,
      );
      continue;
    }
    if (m === 0xe1 && payloadId(buf, seg, XMP_EXT_ID)) {
      c.add('hidden', `${prefix}.XMP.extended`, `Extended XMP (${where})`, formatSize(len), true);
      continue;
    }
    if (m === 0xe2 && payloadId(buf, seg, 'ICC_PROFILE\0')) continue;
    if (m === 0xe2 && payloadId(buf, seg, 'MPF\0')) {
      c.add(
        'hidden',
        `${prefix}.MPF`,
        `Multi-picture index (${where})`,
        'more pictures are stored after the main one',
        true,
      );
      continue;
    }
    if (m === 0xed && payloadId(buf, seg, 'Photoshop 3.0\0')) {
      c.add(
        'hidden',
        `${prefix}.Photoshop`,
        `Photoshop resources (${where})`,
        `${formatSize(len)} (IPTC, thumbnails, editing data)`,
        true,
      );
      continue;
    }
    if (m === 0xee && payloadId(buf, seg, 'Adobe')) continue;
    const name = appName(buf, seg);
    c.add(
      'hidden',
      `${prefix}.APP${m - 0xe0}`,
      `APP${m - 0xe0} segment${name ? ` "${name}"` : ''} (${where})`,
      formatSize(len),
      true,
    );
  }
  const before = c.fields.length;
  if (hasExif || parsed.segments.some((s) => s.marker === 0xed || s.marker === 0xe2)) {
    await inspectExif(
      c,
      buf.subarray(0, parsed.eoiEnd),
      where,
      prefix === 'jpeg' ? 'exif' : `${prefix}.exif`,
    );
  }
  if (hasExif && c.fields.length === before) {
    c.add('hidden', `${prefix}.EXIF`, `EXIF block (${where})`, 'present', true);
  }
  if (parsed.eoiEnd < buf.length) {
    c.add(
      'hidden',
      `${prefix}.trailing`,
      `Data after the end of the image (${where})`,
      describeTrailing(buf.subarray(parsed.eoiEnd)),
      true,
    );
  }
}

/** The entropy-coded scan bytes, concatenated: equal before and after stripping when it is lossless. */
export function jpegScanData(input: Uint8Array): Buffer {
  const buf = asBuffer(input);
  const parsed = parseJpeg(buf);
  return Buffer.concat(
    parsed.segments.filter((s) => s.marker === 0xda).map((s) => buf.subarray(s.start, s.scanEnd)),
  );
}
