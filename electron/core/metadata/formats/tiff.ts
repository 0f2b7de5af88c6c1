import { asBuffer, Bytes, formatSize, invalid, isAllZero, unsupported } from '../bytes';
import type { Collector } from '../collector';
import { inspectExif } from '../exif';
import { inspectXmp } from '../xmp';
import { inspectIptc } from '../iptc';
import type { FormatStripResult, KeptField } from '../types';
import { IfdReader, readTiffHeader, TYPE_SIZE, type IfdEntry } from './ifd';

/** Tags needed to decode and display the pixels. Everything else (text, EXIF, GPS, XMP, IPTC, ICC…) goes. */
const KEEP = new Set([
  254, 256, 257, 258, 259, 262, 263, 264, 265, 266, 273, 274, 277, 278, 279, 280, 281, 282, 283,
  284, 290, 291, 292, 293, 296, 297, 317, 318, 319, 320, 321, 322, 323, 324, 325, 332, 334, 336,
  338, 339, 340, 341, 529, 530, 531, 532,
]);
const NUMERIC_TYPES = new Set([1, 3, 4, 5, 6, 8, 9, 10, 11, 12]);
/** Compressions whose strips are self-contained pixel data; JPEG-in-TIFF (6, 7) can carry its own markers. */
const COMPRESSIONS = new Set([1, 2, 3, 4, 5, 8, 32773, 32946]);
const MAX_PAGES = 1024;

const TAG_NAMES: Record<number, string> = {
  269: 'DocumentName',
  270: 'ImageDescription',
  271: 'Make',
  272: 'Model',
  285: 'PageName',
  305: 'Software',
  306: 'DateTime',
  315: 'Artist',
  316: 'HostComputer',
  330: 'SubIFDs',
  700: 'XMP',
  33432: 'Copyright',
  33723: 'IPTC',
  34377: 'Photoshop',
  34665: 'ExifIFD',
  34675: 'ICCProfile',
  34853: 'GPSInfo',
  37724: 'ImageSourceData',
};

interface Page {
  index: number;
  entries: IfdEntry[];
  reduced: boolean;
  start: number;
  end: number;
}

function readPages(b: Bytes, r: IfdReader, first: number): Page[] {
  const pages: Page[] = [];
  const seen = new Set<number>();
  let next = first;
  while (next !== 0) {
    if (seen.has(next))
      throw invalid(`${b.what} is damaged: its chain of image directories loops.`);
    if (pages.length >= MAX_PAGES) throw unsupported(`${b.what} has more than ${MAX_PAGES} pages.`);
    seen.add(next);
    const ifd = r.read(next);
    const get = (tag: number): IfdEntry | undefined => ifd.entries.find((e) => e.tag === tag);
    const nst = get(254);
    const st = get(255);
    const reduced =
      (nst !== undefined && (r.ints(nst)[0]! & 1) === 1) ||
      (st !== undefined && r.ints(st)[0] === 2);
    pages.push({
      index: pages.length,
      entries: ifd.entries,
      reduced,
      start: ifd.start,
      end: ifd.end,
    });
    next = ifd.next;
  }
  if (pages.length === 0) throw invalid(`${b.what} is damaged: it has no image directory.`);
  return pages;
}

function dataRanges(
  r: IfdReader,
  page: Page,
  what: string,
): { offsets: number[]; counts: number[]; tiled: boolean } {
  const get = (tag: number): IfdEntry | undefined => page.entries.find((e) => e.tag === tag);
  const tiled = get(324) !== undefined;
  const off = get(tiled ? 324 : 273);
  const cnt = get(tiled ? 325 : 279);
  if (!off || !cnt) throw invalid(`${what} is damaged: page ${page.index + 1} has no image data.`);
  const offsets = r.ints(off, 1 << 20);
  const counts = r.ints(cnt, 1 << 20);
  if (offsets.length !== counts.length || offsets.length === 0)
    throw invalid(`${what} is damaged: page ${page.index + 1} has mismatched strip tables.`);
  for (let i = 0; i < offsets.length; i += 1)
    r.b.need(r.base + offsets[i]!, counts[i]!, 'image data');
  return { offsets, counts, tiled };
}

/** Rebuilds the TIFF from its structural tags and pixel data alone; pages stay, thumbnails and sub-images go. */
export function stripTiff(input: Uint8Array): FormatStripResult {
  const what = 'The TIFF image';
  const buf = asBuffer(input);
  const b = new Bytes(buf, what);
  const h = readTiffHeader(b, 0);
  const r = new IfdReader(b, h.little, 0);
  const pages = readPages(b, r, h.firstIfd).filter((p) => !p.reduced);
  if (pages.length === 0) throw invalid(`${what} holds only thumbnails, no full-size page.`);
  const kept: KeptField[] = [];
  let copied = 0;
  const parts: Buffer[] = [];
  let size = 8;
  const push = (part: Buffer): number => {
    const at = size;
    parts.push(part);
    size += part.length;
    if (size & 1) {
      parts.push(Buffer.alloc(1));
      size += 1;
    }
    return at;
  };
  const w32 = (v: number): Buffer => {
    const x = Buffer.alloc(4);
    if (h.little) x.writeUInt32LE(v);
    else x.writeUInt32BE(v);
    return x;
  };
  const nextPointers: number[] = [];
  const ifdOffsets: number[] = [];
  for (const page of pages) {
    const compression = page.entries.find((e) => e.tag === 259);
    const c = compression ? r.ints(compression)[0]! : 1;
    if (!COMPRESSIONS.has(c))
      throw unsupported(`${what} uses compression ${c}, which Vigil cannot strip safely yet.`);
    const { offsets, counts, tiled } = dataRanges(r, page, what);
    const newOffsets = offsets.map((o, i) => {
      copied += counts[i]!;
      // Overlapping strips could make the output far larger than the input; real files never overlap.
      if (copied > buf.length) throw invalid(`${what} is damaged: its image data blocks overlap.`);
      return push(buf.subarray(o, o + counts[i]!));
    });
    const entries = page.entries.filter((e) => KEEP.has(e.tag)).sort((a, b2) => a.tag - b2.tag);
    for (const e of entries) {
      if (!NUMERIC_TYPES.has(e.type) && !((e.tag === 273 || e.tag === 324) && e.type === 13)) {
        throw invalid(`${what} is damaged: structural tag ${e.tag} has type ${e.type}.`);
      }
    }
    // Out-of-line values first, so the directory can point at them.
    const valueAt = new Map<number, number>();
    for (const e of entries) {
      if (e.tag === (tiled ? 324 : 273)) {
        if (newOffsets.length > 1)
          valueAt.set(e.tag, push(Buffer.concat(newOffsets.map((o) => w32(o)))));
        continue;
      }
      if (e.byteLength > 4)
        valueAt.set(e.tag, push(buf.subarray(e.valueOffset, e.valueOffset + e.byteLength)));
    }
    const ifd = Buffer.alloc(2 + entries.length * 12 + 4);
    const put16 = (v: number, o: number): void =>
      void (h.little ? ifd.writeUInt16LE(v, o) : ifd.writeUInt16BE(v, o));
    const put32 = (v: number, o: number): void =>
      void (h.little ? ifd.writeUInt32LE(v, o) : ifd.writeUInt32BE(v, o));
    put16(entries.length, 0);
    entries.forEach((e, i) => {
      const o = 2 + i * 12;
      put16(e.tag, o);
      if (e.tag === (tiled ? 324 : 273)) {
        put16(4, o + 2);
        put32(newOffsets.length, o + 4);
        put32(newOffsets.length > 1 ? valueAt.get(e.tag)! : newOffsets[0]!, o + 8);
        return;
      }
      put16(e.type, o + 2);
      put32(e.count, o + 4);
      if (e.byteLength > 4) put32(valueAt.get(e.tag)!, o + 8);
      else buf.copy(ifd, o + 8, e.valueOffset, e.valueOffset + e.byteLength);
    });
    const at = push(ifd);
    ifdOffsets.push(at);
    nextPointers.push(at + 2 + entries.length * 12);
  }
  const out = Buffer.concat([Buffer.alloc(8), ...parts]);
  out.write(h.little ? 'II' : 'MM', 0, 'latin1');
  if (h.little) {
    out.writeUInt16LE(42, 2);
    out.writeUInt32LE(ifdOffsets[0]!, 4);
  } else {
    out.writeUInt16BE(42, 2);
    out.writeUInt32BE(ifdOffsets[0]!, 4);
  }
  nextPointers.forEach((p, i) => {
    const next = ifdOffsets[i + 1] ?? 0;
    if (h.little) out.writeUInt32LE(next, p);
    else out.writeUInt32BE(next, p);
  });
  if (pages.length > 1)
    kept.push({
      key: 'tiff.pages',
      label: 'Pages',
      value: String(pages.length),
      reason: 'every full-size page is content',
      code: 'page-content',
    });
  if (pages.some((p) => p.entries.some((e) => e.tag === 274)))
    kept.push({
      key: 'exif.ifd0.Orientation',
      label: 'Orientation',
      reason: 'needed to display the picture the right way up',
      code: 'orientation',
    });
  for (const tag of [282, 283, 296]) {
    if (pages.some((p) => p.entries.some((e) => e.tag === tag)))
      kept.push({
        key: `exif.ifd0.${tag === 282 ? 'XResolution' : tag === 283 ? 'YResolution' : 'ResolutionUnit'}`,
        label: tag === 296 ? 'Resolution unit' : 'Resolution',
        reason: 'print size of the picture; carries no personal data',
        code: 'print-size',
      });
  }
  return { output: out, kept };
}

/**
 * Re-reads a stripped TIFF: only structural tags, no thumbnails, and every byte
 * of the file belongs to the header, a directory, a tag value or image data.
 */
export function verifyTiff(output: Uint8Array): void {
  const buf = asBuffer(output);
  const what = 'The stripped TIFF';
  const fail = (detail: string): never => {
    throw invalid(`Vigil's check of the stripped TIFF failed: ${detail}. No output was written.`);
  };
  const b = new Bytes(buf, what);
  const h = readTiffHeader(b, 0);
  const r = new IfdReader(b, h.little, 0);
  const ranges: [number, number][] = [[0, 8]];
  for (const page of readPages(b, r, h.firstIfd)) {
    if (page.reduced) fail('a thumbnail directory is left');
    ranges.push([page.start, page.end]);
    for (const e of page.entries) {
      if (!KEEP.has(e.tag)) fail(`tag ${e.tag} is not allowed`);
      if (TYPE_SIZE[e.type] === undefined) fail(`tag ${e.tag} has an unknown type`);
      if (e.byteLength > 4) ranges.push([e.valueOffset, e.valueOffset + e.byteLength]);
    }
    const { offsets, counts } = dataRanges(r, page, what);
    offsets.forEach((o, i) => ranges.push([o, o + counts[i]!]));
  }
  ranges.sort((x, y) => x[0] - y[0]);
  let cursor = 0;
  for (const [start, end] of ranges) {
    if (start > cursor && (start - cursor > 1 || !isAllZero(buf.subarray(cursor, start))))
      fail(`bytes ${cursor}–${start} belong to nothing`);
    cursor = Math.max(cursor, end);
  }
  if (buf.length - cursor > 1 || !isAllZero(buf.subarray(cursor)))
    fail('data remains after the last structure');
}

function asciiValue(r: IfdReader, e: IfdEntry): string {
  if (e.type !== 2 && e.type !== 7 && e.type !== 1) return `${e.count} values`;
  return r.b.buf.toString('latin1', e.valueOffset, e.valueOffset + Math.min(e.byteLength, 400));
}

export async function inspectTiff(c: Collector, input: Uint8Array): Promise<void> {
  const buf = asBuffer(input);
  const b = new Bytes(buf, 'The TIFF image');
  let pages: Page[];
  let r: IfdReader;
  try {
    const h = readTiffHeader(b, 0);
    r = new IfdReader(b, h.little, 0);
    pages = readPages(b, r, h.firstIfd);
  } catch (error) {
    c.cannotRead(`${(error as Error).message} The list below may be incomplete.`);
    return;
  }
  const before = c.fields.length;
  await inspectExif(c, buf, 'TIFF', 'exif', { ifd1: false });
  // exifr reads the first page; when it could not, this reader lists that page's tags too.
  const exifrReadPage1 = c.fields.slice(before).some((f) => f.key.startsWith('exif.ifd0.'));
  const ownReader = (page: Page): boolean => page.index > 0 || !exifrReadPage1;
  const full = pages.filter((p) => !p.reduced);
  c.add('structure', 'tiff.pages', 'Pages', String(full.length), false);
  pages.forEach((page) => {
    const label = `page ${page.index + 1}`;
    if (page.reduced)
      c.add(
        'hidden',
        `tiff.page${page.index + 1}.thumbnail`,
        `Thumbnail image (directory ${page.index + 1})`,
        'a reduced-size copy of the picture',
        true,
      );
    for (const e of page.entries) {
      if (KEEP.has(e.tag)) continue;
      const name = TAG_NAMES[e.tag];
      if (e.tag === 700) {
        inspectXmp(c, buf.subarray(e.valueOffset, e.valueOffset + e.byteLength), `TIFF ${label}`);
      } else if (e.tag === 33723 && (e.type === 1 || e.type === 7 || e.type === 4)) {
        // exifr cannot decode IPTC inside TIFF; the IIM records are simple enough to read here.
        inspectIptc(c, buf.subarray(e.valueOffset, e.valueOffset + e.byteLength), `TIFF ${label}`);
      } else if (e.tag === 330) {
        c.add(
          'hidden',
          `tiff.page${page.index + 1}.SubIFDs`,
          `Sub-images (${label})`,
          `${e.count} hidden image(s), often previews`,
          true,
        );
      } else if (e.tag === 34377 || e.tag === 37724) {
        c.add(
          'hidden',
          `tiff.page${page.index + 1}.${name}`,
          `${name === 'Photoshop' ? 'Photoshop resources' : 'Photoshop layers'} (${label})`,
          formatSize(e.byteLength),
          true,
        );
      } else if (ownReader(page) && name && e.type === 2) {
        const group = /Artist|Copyright/.test(name)
          ? 'people'
          : /Make|Model/.test(name)
            ? 'device'
            : /Software|HostComputer/.test(name)
              ? 'software'
              : name === 'DateTime'
                ? 'time'
                : 'document';
        c.add(
          group,
          `tiff.page${page.index + 1}.${name}`,
          `${name} (${label})`,
          asciiValue(r, e),
          group === 'people' || name === 'HostComputer' || name === 'DocumentName',
        );
      } else if (ownReader(page) && (e.tag === 34665 || e.tag === 34853)) {
        c.add(
          e.tag === 34853 ? 'location' : 'other',
          `tiff.page${page.index + 1}.${name}`,
          `${name === 'GPSInfo' ? 'GPS block' : 'EXIF block'} (${label})`,
          'present',
          true,
        );
      } else if (ownReader(page) && !name) {
        c.add(
          'other',
          `tiff.page${page.index + 1}.tag${e.tag}`,
          `Tag ${e.tag} (${label})`,
          asciiValue(r, e),
          false,
        );
      }
    }
  });
}
