import { invalid } from '../bytes';

// A small, bounded parser for PDF's object syntax (ISO 32000-1, section 7.3).
// It never recurses deeper than MAX_DEPTH and never reads past the buffer; any
// syntax it does not understand is an INVALID_INPUT error, never a crash.

export class PdfName {
  constructor(readonly name: string) {}
}

export class PdfString {
  constructor(
    readonly bytes: Buffer,
    readonly hex = false,
  ) {}
}

export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}

export class PdfDict {
  constructor(readonly map = new Map<string, PdfValue>()) {}
  get(key: string): PdfValue | undefined {
    return this.map.get(key);
  }
  name(key: string): string | undefined {
    const v = this.map.get(key);
    return v instanceof PdfName ? v.name : undefined;
  }
  has(key: string): boolean {
    return this.map.has(key);
  }
}

export class PdfStream {
  constructor(
    readonly dict: PdfDict,
    public data: Buffer,
  ) {}
}

export type PdfValue =
  null | boolean | number | PdfName | PdfString | PdfRef | PdfValue[] | PdfDict | PdfStream;

const MAX_DEPTH = 200;

const WHITE = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) WHITE[c] = 1;
const DELIM = new Uint8Array(256);
for (const c of '()<>[]{}/%') DELIM[c.charCodeAt(0)] = 1;

export const isWhite = (c: number | undefined): boolean => c !== undefined && WHITE[c] === 1;
const isRegular = (c: number | undefined): boolean =>
  c !== undefined && WHITE[c] === 0 && DELIM[c] === 0;
const isDigit = (c: number | undefined): boolean => c !== undefined && c >= 48 && c <= 57;

export interface IndirectObject {
  num: number;
  gen: number;
  value: PdfValue;
  /** Offset just after `endobj` (or after the value when `endobj` is missing). */
  end: number;
}

/** Resolves an indirect /Length while a stream is being read. */
export type LengthResolver = (ref: PdfRef) => number | undefined;

export class PdfLexer {
  pos: number;

  constructor(
    readonly buf: Buffer,
    pos = 0,
    readonly what = 'The PDF',
  ) {
    this.pos = pos;
  }

  fail(detail: string, at = this.pos): never {
    throw invalid(`${this.what} is damaged: ${detail} at byte ${at}.`);
  }

  skipWs(): void {
    const buf = this.buf;
    for (;;) {
      while (this.pos < buf.length && WHITE[buf[this.pos]!] === 1) this.pos += 1;
      if (buf[this.pos] !== 0x25) return;
      while (this.pos < buf.length && buf[this.pos] !== 10 && buf[this.pos] !== 13) this.pos += 1;
    }
  }

  /** Reads a bare keyword or number token without interpreting it. */
  word(): string {
    const start = this.pos;
    while (this.pos < this.buf.length && isRegular(this.buf[this.pos])) this.pos += 1;
    return this.buf.toString('latin1', start, this.pos);
  }

  peekKeyword(keyword: string): boolean {
    const end = this.pos + keyword.length;
    return this.buf.toString('latin1', this.pos, end) === keyword && !isRegular(this.buf[end]);
  }

  expectKeyword(keyword: string): void {
    this.skipWs();
    if (!this.peekKeyword(keyword)) this.fail(`expected "${keyword}"`);
    this.pos += keyword.length;
  }

  integer(): number {
    this.skipWs();
    const start = this.pos;
    const w = this.word();
    if (!/^\d{1,15}$/.test(w)) this.fail('expected a whole number', start);
    return Number(w);
  }

  value(depth = 0): PdfValue {
    if (depth > MAX_DEPTH) this.fail('objects are nested too deeply');
    this.skipWs();
    const buf = this.buf;
    const c = buf[this.pos];
    if (c === undefined) this.fail('unexpected end of file');
    switch (c) {
      case 0x2f:
        return this.nameToken();
      case 0x28:
        return this.literalString();
      case 0x3c:
        if (buf[this.pos + 1] === 0x3c) return this.dict(depth);
        return this.hexString();
      case 0x5b: {
        this.pos += 1;
        const items: PdfValue[] = [];
        for (;;) {
          this.skipWs();
          if (this.pos >= buf.length) this.fail('an array is not closed');
          if (buf[this.pos] === 0x5d) {
            this.pos += 1;
            return items;
          }
          items.push(this.value(depth + 1));
        }
      }
      default:
        break;
    }
    if (isDigit(c) || c === 0x2b || c === 0x2d || c === 0x2e) return this.numberOrRef();
    const start = this.pos;
    const w = this.word();
    if (w === 'true') return true;
    if (w === 'false') return false;
    if (w === 'null') return null;
    return this.fail(
      `unexpected ${w ? `"${w.slice(0, 20)}"` : `character 0x${c.toString(16)}`}`,
      start,
    );
  }

  private nameToken(): PdfName {
    this.pos += 1;
    const start = this.pos;
    while (this.pos < this.buf.length && isRegular(this.buf[this.pos])) this.pos += 1;
    const raw = this.buf.toString('latin1', start, this.pos);
    return new PdfName(
      raw.includes('#')
        ? raw.replace(/#([0-9a-fA-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))
        : raw,
    );
  }

  private numberOrRef(): number | PdfRef {
    const start = this.pos;
    const w = this.word();
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(w)) {
      // Some writers emit "--1" or "1-"; readers take the leading number.
      const m = /^[+-]?-?(\d+\.?\d*|\.\d+)/.exec(w);
      if (!m) this.fail(`"${w.slice(0, 20)}" is not a number`, start);
      return Number(m[0].replace(/^([+-]?)-/, '$1')) || 0;
    }
    const n = Number(w);
    if (/^\d+$/.test(w)) {
      // "n g R" is a reference: look ahead without committing.
      const save = this.pos;
      this.skipWs();
      const genStart = this.pos;
      const gen = this.word();
      if (/^\d+$/.test(gen) && this.pos > genStart) {
        this.skipWs();
        if (this.buf[this.pos] === 0x52 && !isRegular(this.buf[this.pos + 1])) {
          this.pos += 1;
          return new PdfRef(n, Number(gen));
        }
      }
      this.pos = save;
    }
    return Number.isFinite(n) ? n : 0;
  }

  private literalString(): PdfString {
    const buf = this.buf;
    const start = this.pos;
    this.pos += 1;
    const out: number[] = [];
    let depth = 1;
    while (this.pos < buf.length) {
      const c = buf[this.pos]!;
      this.pos += 1;
      if (c === 0x5c) {
        const e = buf[this.pos];
        if (e === undefined) break;
        this.pos += 1;
        switch (e) {
          case 0x6e:
            out.push(10);
            break;
          case 0x72:
            out.push(13);
            break;
          case 0x74:
            out.push(9);
            break;
          case 0x62:
            out.push(8);
            break;
          case 0x66:
            out.push(12);
            break;
          case 0x0d:
            if (buf[this.pos] === 0x0a) this.pos += 1;
            break;
          case 0x0a:
            break;
          default:
            if (e >= 0x30 && e <= 0x37) {
              let v = e - 0x30;
              for (let k = 0; k < 2 && buf[this.pos]! >= 0x30 && buf[this.pos]! <= 0x37; k += 1) {
                v = v * 8 + (buf[this.pos]! - 0x30);
                this.pos += 1;
              }
              out.push(v & 0xff);
            } else out.push(e);
        }
        continue;
      }
      if (c === 0x28) depth += 1;
      else if (c === 0x29) {
        depth -= 1;
        if (depth === 0) return new PdfString(Buffer.from(out));
      } else if (c === 0x0d) {
        // An end of line inside a string reads as a single LF.
        if (buf[this.pos] === 0x0a) this.pos += 1;
        out.push(10);
        continue;
      }
      out.push(c);
    }
    return this.fail('a string is not closed', start);
  }

  private hexString(): PdfString {
    const start = this.pos;
    const close = this.buf.indexOf(0x3e, this.pos + 1);
    if (close < 0) this.fail('a hexadecimal string is not closed', start);
    const text = this.buf.toString('latin1', this.pos + 1, close).replace(/[\0\t\n\f\r ]/g, '');
    if (!/^[0-9a-fA-F]*$/.test(text))
      this.fail('a hexadecimal string holds other characters', start);
    this.pos = close + 1;
    return new PdfString(Buffer.from(text.length % 2 ? `${text}0` : text, 'hex'), true);
  }

  private dict(depth: number): PdfDict {
    this.pos += 2;
    const map = new Map<string, PdfValue>();
    for (;;) {
      this.skipWs();
      if (this.pos >= this.buf.length) this.fail('a dictionary is not closed');
      if (this.buf[this.pos] === 0x3e && this.buf[this.pos + 1] === 0x3e) {
        this.pos += 2;
        return new PdfDict(map);
      }
      if (this.buf[this.pos] !== 0x2f) this.fail('a dictionary key is not a name');
      const key = this.nameToken().name;
      this.skipWs();
      if (this.buf[this.pos] === 0x3e && this.buf[this.pos + 1] === 0x3e) {
        // A key without a value: readers treat it as null.
        map.set(key, null);
        continue;
      }
      map.set(key, this.value(depth + 1));
    }
  }

  /**
   * Reads "num gen obj … endobj" at the current position, including stream data.
   * `length` resolves an indirect /Length; a wrong length falls back to the
   * `endstream` keyword, as every reader does.
   */
  indirect(length: LengthResolver): IndirectObject {
    this.skipWs();
    const num = this.integer();
    const gen = this.integer();
    this.expectKeyword('obj');
    let value = this.value();
    this.skipWs();
    if (this.peekKeyword('stream')) {
      if (!(value instanceof PdfDict))
        this.fail('stream data follows something that is not a dictionary');
      this.pos += 6;
      if (this.buf[this.pos] === 0x0d) this.pos += 1;
      if (this.buf[this.pos] === 0x0a) this.pos += 1;
      const dataStart = this.pos;
      const declared = value.get('Length');
      const len =
        typeof declared === 'number'
          ? declared
          : declared instanceof PdfRef
            ? length(declared)
            : undefined;
      let dataEnd = -1;
      if (
        len !== undefined &&
        Number.isInteger(len) &&
        len >= 0 &&
        dataStart + len <= this.buf.length
      ) {
        const save = this.pos;
        this.pos = dataStart + len;
        this.skipWs();
        if (this.peekKeyword('endstream')) dataEnd = dataStart + len;
        this.pos = save;
      }
      if (dataEnd < 0) {
        const at = this.buf.indexOf('endstream', dataStart, 'latin1');
        if (at < 0) this.fail('a stream has no end', dataStart);
        dataEnd = at;
        if (this.buf[dataEnd - 1] === 0x0a) dataEnd -= 1;
        if (this.buf[dataEnd - 1] === 0x0d) dataEnd -= 1;
      }
      value = new PdfStream(value, this.buf.subarray(dataStart, dataEnd));
      this.pos = dataEnd;
      this.skipWs();
      this.pos += 9;
      this.skipWs();
    }
    if (this.peekKeyword('endobj')) this.pos += 6;
    return { num, gen, value, end: this.pos };
  }
}

/** A PDF text string (UTF-16BE with BOM, UTF-8 with BOM, else PDFDocEncoding read as Latin-1). */
export function pdfText(value: PdfValue | undefined): string | undefined {
  if (value instanceof PdfName) return value.name;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (!(value instanceof PdfString)) return undefined;
  const b = value.bytes;
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
    const swapped = Buffer.from(b.subarray(2, 2 + ((b.length - 2) & ~1)));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf)
    return b.toString('utf8', 3);
  return b.toString('latin1');
}
