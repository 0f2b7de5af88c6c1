import { invalid, unsupported } from '../bytes';
import { decodeStream, InflateBudget } from './filters';
import { PdfDict, PdfLexer, PdfName, PdfRef, PdfStream, type PdfValue } from './parser';

type XrefEntry =
  | { type: 1; offset: number; gen: number }
  | { type: 2; stream: number; index: number }
  | { type: 0 };

const MAX_SECTIONS = 10_000;
const MAX_OBJECT_STREAM_OBJECTS = 1_000_000;

export interface XrefSection {
  offset: number;
  kind: 'table' | 'stream';
  trailer: PdfDict;
}

/**
 * A PDF opened through its cross-reference data: the newest definition of every
 * object wins, as in a reader. Objects are parsed lazily and cached.
 */
export class PdfDocument {
  readonly entries = new Map<number, XrefEntry>();
  readonly sections: XrefSection[] = [];
  trailer = new PdfDict();
  headerOffset = 0;
  version = '1.4';
  private readonly cache = new Map<number, PdfValue>();
  private readonly loading = new Set<number>();
  private readonly objectStreams = new Map<number, Map<number, PdfValue>>();
  /** Shared by everything that decompresses this document's streams. */
  readonly budget: InflateBudget;

  constructor(
    readonly buf: Buffer,
    readonly what = 'The PDF',
  ) {
    this.budget = new InflateBudget(buf.length);
    this.headerOffset = buf.subarray(0, 1024).indexOf('%PDF-', 0, 'latin1');
    if (this.headerOffset < 0) throw invalid(`${what} has no PDF header.`);
    const m = /^%PDF-(\d\.\d)/.exec(
      buf.toString('latin1', this.headerOffset, this.headerOffset + 12),
    );
    if (m) this.version = m[1]!;
    this.loadXref();
  }

  /** Offsets in the file are relative to the header, which a few writers do not put at byte 0. */
  private at(offset: number): number {
    return offset + this.headerOffset;
  }

  private loadXref(): void {
    const tail = Math.max(0, this.buf.length - 4096);
    const sx = this.buf.lastIndexOf('startxref', this.buf.length, 'latin1');
    if (sx < 0 || sx < tail - 1_000_000)
      throw invalid(`${this.what} is damaged: it has no "startxref" pointer.`);
    const lex = new PdfLexer(this.buf, sx + 9, this.what);
    let offset: number | undefined = lex.integer();
    const seen = new Set<number>();
    let first = true;
    while (offset !== undefined) {
      if (seen.has(offset))
        throw invalid(`${this.what} is damaged: its cross-reference sections loop.`);
      if (this.sections.length >= MAX_SECTIONS)
        throw invalid(`${this.what} has too many revisions.`);
      seen.add(offset);
      const section = this.readSection(this.at(offset));
      this.sections.push(section);
      if (first) this.trailer = section.trailer;
      first = false;
      const stm = section.trailer.get('XRefStm');
      if (section.kind === 'table' && typeof stm === 'number' && !seen.has(stm)) {
        // Hybrid files: the stream's entries count as part of this section.
        seen.add(stm);
        this.readSection(this.at(stm));
      }
      const prev = section.trailer.get('Prev');
      offset = typeof prev === 'number' && Number.isInteger(prev) && prev >= 0 ? prev : undefined;
    }
    if (!(this.trailer.get('Root') instanceof PdfRef))
      throw invalid(`${this.what} is damaged: its trailer names no document catalog.`);
  }

  private setEntry(num: number, entry: XrefEntry): void {
    // Sections are read newest first: an older definition never overrides a newer one.
    if (!this.entries.has(num)) this.entries.set(num, entry);
  }

  private readSection(pos: number): XrefSection {
    if (pos < 0 || pos >= this.buf.length)
      throw invalid(`${this.what} is damaged: a cross-reference pointer points outside the file.`);
    const lex = new PdfLexer(this.buf, pos, this.what);
    lex.skipWs();
    if (lex.peekKeyword('xref')) {
      lex.pos += 4;
      for (;;) {
        lex.skipWs();
        if (lex.peekKeyword('trailer')) break;
        const start = lex.integer();
        const count = lex.integer();
        lex.skipWs();
        if (lex.pos + count * 18 > this.buf.length)
          throw invalid(
            `${this.what} is damaged: a cross-reference table runs past the end of the file.`,
          );
        for (let i = 0; i < count; i += 1) {
          lex.skipWs();
          const m = /^(\d{1,10})[ ]+(\d{1,5})[ ]+([nf])/.exec(
            this.buf.toString('latin1', lex.pos, lex.pos + 20),
          );
          if (!m)
            throw invalid(
              `${this.what} is damaged: a cross-reference entry is malformed at byte ${lex.pos}.`,
            );
          lex.pos += m[0].length;
          if (m[3] === 'n') {
            const offset = Number(m[1]);
            // Offset 0 entries are written by some tools for unused objects.
            if (offset > 0) this.setEntry(start + i, { type: 1, offset, gen: Number(m[2]) });
            else this.setEntry(start + i, { type: 0 });
          } else this.setEntry(start + i, { type: 0 });
        }
      }
      lex.pos += 7;
      const trailer = lex.value();
      if (!(trailer instanceof PdfDict))
        throw invalid(`${this.what} is damaged: its trailer is not a dictionary.`);
      return { offset: pos, kind: 'table', trailer };
    }
    const obj = lex.indirect((ref) => this.lengthOf(ref));
    const stream = obj.value;
    if (!(stream instanceof PdfStream) || stream.dict.name('Type') !== 'XRef')
      throw invalid(
        `${this.what} is damaged: a cross-reference pointer does not point at cross-reference data.`,
      );
    this.readXrefStream(stream);
    return { offset: pos, kind: 'stream', trailer: stream.dict };
  }

  private readXrefStream(stream: PdfStream): void {
    const data = decodeStream(stream, undefined, this.budget);
    if (!data)
      throw invalid(`${this.what} is damaged: a cross-reference stream cannot be decoded.`);
    const w = stream.dict.get('W');
    if (
      !Array.isArray(w) ||
      w.length !== 3 ||
      !w.every((x) => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 8)
    ) {
      throw invalid(`${this.what} is damaged: a cross-reference stream has invalid field widths.`);
    }
    const [w0, w1, w2] = w as number[];
    const width = w0! + w1! + w2!;
    if (width === 0)
      throw invalid(`${this.what} is damaged: a cross-reference stream has invalid field widths.`);
    const size = stream.dict.get('Size');
    const index = stream.dict.get('Index') ?? [0, typeof size === 'number' ? size : 0];
    if (!Array.isArray(index) || index.length % 2 !== 0)
      throw invalid(`${this.what} is damaged: a cross-reference stream has an invalid index.`);
    const field = (p: number, n: number): number => {
      let v = 0;
      for (let i = 0; i < n; i += 1) v = v * 256 + data[p + i]!;
      return v;
    };
    let p = 0;
    for (let k = 0; k < index.length; k += 2) {
      const start = index[k];
      const count = index[k + 1];
      if (
        typeof start !== 'number' ||
        typeof count !== 'number' ||
        !Number.isInteger(start) ||
        !Number.isInteger(count) ||
        start < 0 ||
        count < 0
      ) {
        throw invalid(`${this.what} is damaged: a cross-reference stream has an invalid index.`);
      }
      for (let i = 0; i < count; i += 1) {
        if (p + width > data.length) return;
        const type = w0 === 0 ? 1 : field(p, w0!);
        const f1 = field(p + w0!, w1!);
        const f2 = field(p + w0! + w1!, w2!);
        p += width;
        if (type === 1)
          this.setEntry(start + i, f1 > 0 ? { type: 1, offset: f1, gen: f2 } : { type: 0 });
        else if (type === 2) this.setEntry(start + i, { type: 2, stream: f1, index: f2 });
        else this.setEntry(start + i, { type: 0 });
      }
    }
  }

  private lengthOf(ref: PdfRef): number | undefined {
    try {
      const v = this.get(ref);
      return typeof v === 'number' ? v : undefined;
    } catch {
      return undefined;
    }
  }

  get encrypted(): boolean {
    return this.trailer.has('Encrypt');
  }

  /** The object a reference points at; a missing or free object reads as null, as the format says. */
  get(ref: PdfRef): PdfValue {
    return this.getNum(ref.num);
  }

  getNum(num: number): PdfValue {
    if (this.cache.has(num)) return this.cache.get(num)!;
    const entry = this.entries.get(num);
    if (!entry || entry.type === 0) return null;
    if (this.loading.has(num))
      throw invalid(`${this.what} is damaged: object ${num} refers to itself while being read.`);
    this.loading.add(num);
    try {
      let value: PdfValue;
      if (entry.type === 1) {
        const pos = this.at(entry.offset);
        if (pos >= this.buf.length)
          throw invalid(`${this.what} is damaged: object ${num} lies outside the file.`);
        const lex = new PdfLexer(this.buf, pos, this.what);
        const obj = lex.indirect((r) => this.lengthOf(r));
        if (obj.num !== num)
          throw invalid(
            `${this.what} is damaged: the cross-reference table points object ${num} at object ${obj.num}.`,
          );
        value = obj.value;
      } else {
        value = this.fromObjectStream(entry.stream, num);
      }
      this.cache.set(num, value);
      return value;
    } finally {
      this.loading.delete(num);
    }
  }

  private fromObjectStream(streamNum: number, num: number): PdfValue {
    let objects = this.objectStreams.get(streamNum);
    if (!objects) {
      const stream = this.getNum(streamNum);
      if (!(stream instanceof PdfStream) || stream.dict.name('Type') !== 'ObjStm') {
        throw invalid(
          `${this.what} is damaged: object ${num} is said to be in object ${streamNum}, which is not an object stream.`,
        );
      }
      const data = decodeStream(stream, undefined, this.budget);
      if (!data)
        throw invalid(`${this.what} is damaged: object stream ${streamNum} cannot be decoded.`);
      const n = stream.dict.get('N');
      const first = stream.dict.get('First');
      if (
        typeof n !== 'number' ||
        typeof first !== 'number' ||
        n < 0 ||
        n > MAX_OBJECT_STREAM_OBJECTS ||
        first < 0 ||
        first > data.length
      ) {
        throw invalid(`${this.what} is damaged: object stream ${streamNum} has an invalid header.`);
      }
      const lex = new PdfLexer(data, 0, this.what);
      const pairs: [number, number][] = [];
      for (let i = 0; i < n; i += 1) pairs.push([lex.integer(), lex.integer()]);
      objects = new Map();
      for (const [objNum, off] of pairs) {
        const inner = new PdfLexer(data, first + off, this.what);
        if (first + off > data.length)
          throw invalid(
            `${this.what} is damaged: object stream ${streamNum} points outside itself.`,
          );
        const value = inner.value();
        if (value instanceof PdfStream)
          throw invalid(`${this.what} is damaged: an object stream holds a stream.`);
        if (!objects.has(objNum)) objects.set(objNum, value);
      }
      this.objectStreams.set(streamNum, objects);
    }
    // The index in the cross-reference entry is only a hint; the stream's own header decides.
    return objects.has(num) ? objects.get(num)! : null;
  }

  /** Follows a reference (or returns a direct value as is). */
  resolve(value: PdfValue | undefined): PdfValue | undefined {
    let v = value;
    for (let i = 0; i < 32 && v instanceof PdfRef; i += 1) v = this.get(v);
    return v instanceof PdfRef ? null : v;
  }

  dict(value: PdfValue | undefined): PdfDict | undefined {
    const v = this.resolve(value);
    if (v instanceof PdfDict) return v;
    if (v instanceof PdfStream) return v.dict;
    return undefined;
  }

  root(): PdfDict {
    const root = this.dict(this.trailer.get('Root'));
    if (!root) throw invalid(`${this.what} is damaged: its document catalog is missing.`);
    return root;
  }

  assertNotEncrypted(): void {
    if (this.encrypted) {
      throw unsupported(
        `${this.what} is encrypted (password-protected or restricted). Vigil cannot strip encrypted PDFs; remove the encryption first and try again.`,
      );
    }
  }
}

export function nameOf(v: PdfValue | undefined): string | undefined {
  return v instanceof PdfName ? v.name : undefined;
}
