import { Bytes, invalid } from '../bytes';

/** TIFF field types and their sizes in bytes (classic TIFF only). */
export const TYPE_SIZE: Record<number, number> = {
  1: 1,
  2: 1,
  3: 2,
  4: 4,
  5: 8,
  6: 1,
  7: 1,
  8: 2,
  9: 4,
  10: 8,
  11: 4,
  12: 8,
  13: 4,
};

export interface IfdEntry {
  tag: number;
  type: number;
  count: number;
  /** Offset of the value bytes (inline in the entry, or where the entry points). */
  valueOffset: number;
  byteLength: number;
}

export interface TiffHeader {
  little: boolean;
  firstIfd: number;
}

/** Reads the 8-byte classic TIFF header at `base`. BigTIFF is refused by the callers. */
export function readTiffHeader(b: Bytes, base: number): TiffHeader {
  const order = b.ascii(base, 2);
  if (order !== 'II' && order !== 'MM')
    throw invalid(`${b.what} is damaged: the TIFF byte-order mark is missing.`);
  const little = order === 'II';
  const magic = little ? b.u16le(base + 2) : b.u16be(base + 2);
  if (magic === 43) throw invalid(`${b.what} is a BigTIFF file, which is not supported.`);
  if (magic !== 42) throw invalid(`${b.what} is damaged: the TIFF magic number is wrong.`);
  return { little, firstIfd: little ? b.u32le(base + 4) : b.u32be(base + 4) };
}

export class IfdReader {
  constructor(
    readonly b: Bytes,
    readonly little: boolean,
    /** Offsets inside the TIFF structure are relative to this position. */
    readonly base: number,
  ) {}

  u16(o: number): number {
    return this.little ? this.b.u16le(o) : this.b.u16be(o);
  }
  u32(o: number): number {
    return this.little ? this.b.u32le(o) : this.b.u32be(o);
  }

  /** Reads one IFD at relative offset `rel`; every value range is checked against the buffer. */
  read(rel: number): { entries: IfdEntry[]; next: number; start: number; end: number } {
    const at = this.base + rel;
    const count = this.u16(at);
    this.b.need(at + 2, count * 12 + 4, 'an image file directory');
    const entries: IfdEntry[] = [];
    for (let i = 0; i < count; i += 1) {
      const e = at + 2 + i * 12;
      const tag = this.u16(e);
      const type = this.u16(e + 2);
      const n = this.u32(e + 4);
      const size = TYPE_SIZE[type];
      if (size === undefined) {
        // Unknown types are legal in TIFF, but nothing structural uses them: the value is skipped.
        entries.push({ tag, type, count: n, valueOffset: e + 8, byteLength: 0 });
        continue;
      }
      const byteLength = size * n;
      let valueOffset = e + 8;
      if (byteLength > 4) {
        valueOffset = this.base + this.u32(e + 8);
        this.b.need(valueOffset, byteLength, `the value of TIFF tag ${tag}`);
      }
      entries.push({ tag, type, count: n, valueOffset, byteLength });
    }
    return {
      entries,
      next: this.u32(at + 2 + count * 12),
      start: at,
      end: at + 2 + count * 12 + 4,
    };
  }

  /** Integer values of a BYTE/SHORT/LONG entry. */
  ints(e: IfdEntry, max = 1 << 24): number[] {
    if (e.count > max)
      throw invalid(`${this.b.what} is damaged: TIFF tag ${e.tag} has ${e.count} values.`);
    const out: number[] = new Array<number>(e.count);
    for (let i = 0; i < e.count; i += 1) {
      if (e.type === 3) out[i] = this.u16(e.valueOffset + i * 2);
      else if (e.type === 4 || e.type === 13) out[i] = this.u32(e.valueOffset + i * 4);
      else if (e.type === 1) out[i] = this.b.u8(e.valueOffset + i);
      else
        throw invalid(
          `${this.b.what} is damaged: TIFF tag ${e.tag} has type ${e.type} where a number is expected.`,
        );
    }
    return out;
  }
}

/** The Orientation (1–8) of an EXIF block that starts with its TIFF header, or undefined. */
export function exifOrientation(tiff: Buffer): number | undefined {
  try {
    const b = new Bytes(tiff, 'The EXIF block');
    const h = readTiffHeader(b, 0);
    const r = new IfdReader(b, h.little, 0);
    const ifd0 = r.read(h.firstIfd);
    const e = ifd0.entries.find((x) => x.tag === 0x0112);
    if (!e || e.count !== 1 || (e.type !== 3 && e.type !== 4)) return undefined;
    const v = r.ints(e)[0]!;
    return v >= 1 && v <= 8 ? v : undefined;
  } catch {
    return undefined;
  }
}

/** A minimal big-endian EXIF block (TIFF header + IFD0) holding only Orientation. */
export function orientationOnlyTiff(orientation: number): Buffer {
  const b = Buffer.alloc(26);
  b.write('MM', 0, 'latin1');
  b.writeUInt16BE(42, 2);
  b.writeUInt32BE(8, 4);
  b.writeUInt16BE(1, 8);
  b.writeUInt16BE(0x0112, 10);
  b.writeUInt16BE(3, 12);
  b.writeUInt32BE(1, 14);
  b.writeUInt16BE(orientation, 18);
  b.writeUInt32BE(0, 22);
  return b;
}
