import { deflateSync } from 'node:zlib';

// A small PDF builder for hostile test files: objects written by hand, streams
// encoded through any chain of PDF's general filters, classic or stream
// cross-references, object streams, incremental updates and broken tables.
// The encoders here are written independently of Vigil's decoders, and qpdf
// reads what they write, so a round trip through Vigil proves both sides.

export type FilterName =
  'FlateDecode' | 'LZWDecode' | 'RunLengthDecode' | 'ASCIIHexDecode' | 'ASCII85Decode';

/** One layer of a filter chain; `predictor` (Flate/LZW only) applies PNG row prediction first. */
export interface Layer {
  filter: FilterName;
  /** Abbreviated name, as inline images may write it (/Fl, /LZW, /RL, /AHx, /A85). */
  short?: boolean;
  predictor?: { columns: number; type: 0 | 1 | 2 | 3 | 4 };
  /** LZW: the EarlyChange parameter (1 by default). */
  earlyChange?: 0 | 1;
}

export const SHORT: Record<FilterName, string> = {
  FlateDecode: 'Fl',
  LZWDecode: 'LZW',
  RunLengthDecode: 'RL',
  ASCIIHexDecode: 'AHx',
  ASCII85Decode: 'A85',
};

export function lzwEncode(data: Buffer, earlyChange = 1): Buffer {
  const out: number[] = [];
  let acc = 0;
  let nbits = 0;
  const put = (code: number, width: number): void => {
    acc = (acc << width) | code;
    nbits += width;
    while (nbits >= 8) {
      out.push((acc >>> (nbits - 8)) & 0xff);
      nbits -= 8;
    }
    acc &= (1 << nbits) - 1;
  };
  let table = new Map<string, number>();
  let next = 258;
  // The decoder's table lags one entry behind the encoder's; the width follows the decoder's.
  let decoderNext = 258;
  let width = 9;
  let first = true;
  const reset = (): void => {
    table = new Map();
    next = 258;
    decoderNext = 258;
    width = 9;
    first = true;
  };
  const emit = (code: number): void => {
    put(code, width);
    if (first) {
      first = false;
      return;
    }
    decoderNext += 1;
    const n = decoderNext + earlyChange;
    if ((n & (n - 1)) === 0 && width < 12) width += 1;
  };
  put(256, 9);
  let w = '';
  for (const byte of data) {
    const c = String.fromCharCode(byte);
    const wc = w + c;
    if (w === '' || (wc.length > 1 && table.has(wc))) {
      w = wc;
      continue;
    }
    emit(w.length === 1 ? w.charCodeAt(0) : table.get(w)!);
    table.set(wc, next);
    next += 1;
    w = c;
    if (next >= 4000) {
      emit(w.length === 1 ? w.charCodeAt(0) : table.get(w)!);
      w = '';
      put(256, width);
      reset();
    }
  }
  if (w !== '') emit(w.length === 1 ? w.charCodeAt(0) : table.get(w)!);
  put(257, width);
  if (nbits > 0) out.push((acc << (8 - nbits)) & 0xff);
  return Buffer.from(out);
}

export function runLengthEncode(data: Buffer): Buffer {
  const out: number[] = [];
  let i = 0;
  while (i < data.length) {
    let run = 1;
    while (i + run < data.length && run < 128 && data[i + run] === data[i]) run += 1;
    if (run >= 2) {
      out.push(257 - run, data[i]!);
      i += run;
      continue;
    }
    const start = i;
    while (i < data.length && i - start < 128 && !(i + 1 < data.length && data[i + 1] === data[i]))
      i += 1;
    if (i === start) i += 1;
    out.push(i - start - 1, ...data.subarray(start, i));
  }
  out.push(128);
  return Buffer.from(out);
}

export function ascii85Encode(data: Buffer): Buffer {
  let text = '';
  for (let i = 0; i < data.length; i += 4) {
    const chunk = Buffer.alloc(4);
    data.copy(chunk, 0, i, Math.min(i + 4, data.length));
    const n = Math.min(4, data.length - i);
    let v = chunk.readUInt32BE(0);
    if (v === 0 && n === 4) {
      text += 'z';
      continue;
    }
    const digits: string[] = [];
    for (let k = 0; k < 5; k += 1) {
      digits.unshift(String.fromCharCode(33 + (v % 85)));
      v = Math.floor(v / 85);
    }
    text += digits.slice(0, n + 1).join('');
    if (text.length % 70 < 5) text += '\n';
  }
  return Buffer.from(`${text}~>`, 'latin1');
}

export function asciiHexEncode(data: Buffer): Buffer {
  return Buffer.from(`${data.toString('hex').replace(/(.{64})/g, '$1\n')}>`, 'latin1');
}

/** PNG row prediction (PDF predictors 10–15) with one byte per pixel. */
export function pngPredict(data: Buffer, columns: number, type: number): Buffer {
  const rows = Math.ceil(data.length / columns);
  const padded = Buffer.alloc(rows * columns);
  data.copy(padded);
  const out = Buffer.alloc(rows * (columns + 1));
  for (let r = 0; r < rows; r += 1) {
    out[r * (columns + 1)] = type;
    for (let i = 0; i < columns; i += 1) {
      const x = padded[r * columns + i]!;
      const a = i > 0 ? padded[r * columns + i - 1]! : 0;
      const b = r > 0 ? padded[(r - 1) * columns + i]! : 0;
      const c = r > 0 && i > 0 ? padded[(r - 1) * columns + i - 1]! : 0;
      let p = 0;
      if (type === 1) p = a;
      else if (type === 2) p = b;
      else if (type === 3) p = (a + b) >> 1;
      else if (type === 4) {
        const q = a + b - c;
        const pa = Math.abs(q - a);
        const pb = Math.abs(q - b);
        const pc = Math.abs(q - c);
        p = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[r * (columns + 1) + 1 + i] = (x - p) & 0xff;
    }
  }
  return out;
}

/** Encodes `data` so that decoding the layers in order (first layer first) gives it back. */
export function encodeChain(data: Buffer, layers: Layer[]): Buffer {
  let out = data;
  for (let i = layers.length - 1; i >= 0; i -= 1) {
    const l = layers[i]!;
    if (l.predictor) out = pngPredict(out, l.predictor.columns, l.predictor.type);
    switch (l.filter) {
      case 'FlateDecode':
        out = deflateSync(out);
        break;
      case 'LZWDecode':
        out = lzwEncode(out, l.earlyChange ?? 1);
        break;
      case 'RunLengthDecode':
        out = runLengthEncode(out);
        break;
      case 'ASCIIHexDecode':
        out = asciiHexEncode(out);
        break;
      case 'ASCII85Decode':
        out = ascii85Encode(out);
        break;
    }
  }
  return out;
}

export function layerName(l: Layer, inline = false): string {
  return `/${inline || l.short ? SHORT[l.filter] : l.filter}`;
}

/** A layer's parameters dictionary, or `null`. */
export function layerParms(l: Layer): string {
  const entries: string[] = [];
  if (l.predictor)
    entries.push(`/Predictor ${10 + l.predictor.type} /Columns ${l.predictor.columns}`);
  if (l.filter === 'LZWDecode' && l.earlyChange === 0) entries.push('/EarlyChange 0');
  return entries.length ? `<< ${entries.join(' ')} >>` : 'null';
}

/** The /Filter and /DecodeParms entries for a chain (direct names and dictionaries). */
export function chainEntries(layers: Layer[], inline = false): { filter: string; parms: string } {
  if (layers.length === 0) return { filter: '', parms: '' };
  const names = layers.map((l) => `/${inline || l.short ? SHORT[l.filter] : l.filter}`);
  const parms = layers.map((l) => {
    const entries: string[] = [];
    if (l.predictor)
      entries.push(`/Predictor ${10 + l.predictor.type} /Columns ${l.predictor.columns}`);
    if (l.filter === 'LZWDecode' && l.earlyChange === 0) entries.push('/EarlyChange 0');
    return entries.length ? `<< ${entries.join(' ')} >>` : 'null';
  });
  const anyParms = parms.some((p) => p !== 'null');
  const key = (long: string, short: string): string => (inline ? short : long);
  return {
    filter: `${key('/Filter', '/F')} ${names.length === 1 ? names[0] : `[${names.join(' ')}]`}`,
    parms: anyParms
      ? `${key('/DecodeParms', '/DP')} ${parms.length === 1 ? parms[0] : `[${parms.join(' ')}]`}`
      : '',
  };
}

export type Body = string | Buffer;

/** A stream object body: `<< dict /Length n >> stream … endstream`. */
export function streamBody(dict: string, data: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'),
    data,
    Buffer.from('\nendstream', 'latin1'),
  ]);
}

/** A stream encoded through `layers`, its filters written directly. */
export function encodedStream(dict: string, data: Buffer, layers: Layer[]): Buffer {
  const { filter, parms } = chainEntries(layers);
  return streamBody(`${dict} ${filter} ${parms}`, encodeChain(data, layers));
}

export interface BuildOptions {
  /** Extra trailer entries (e.g. `/Info 9 0 R /ID [<01> <01>]`). */
  trailer?: string;
  /** A cross-reference stream instead of a table. */
  xrefStream?: boolean;
  /** Objects (numbers) stored compressed in one object stream (needs `xrefStream`). */
  inObjectStream?: number[];
  version?: string;
}

/** Numbered objects (1-based) written into a complete PDF; object 1 is the catalog. */
export class PdfBuilder {
  readonly objects: Body[] = [];

  add(body: Body): number {
    this.objects.push(body);
    return this.objects.length;
  }

  /** Reserves a number to fill in later (for objects that refer to each other). */
  reserve(): number {
    return this.add('null');
  }

  set(num: number, body: Body): void {
    this.objects[num - 1] = body;
  }

  build(options: BuildOptions = {}): Buffer {
    const parts: Buffer[] = [
      Buffer.from(`%PDF-${options.version ?? '1.7'}\n%\xe2\xe3\xcf\xd3\n`, 'latin1'),
    ];
    let size = parts[0]!.length;
    const push = (b: Buffer): void => {
      parts.push(b);
      size += b.length;
    };
    const packed = new Set(options.xrefStream ? (options.inObjectStream ?? []) : []);
    const offsets = new Map<number, number>();
    this.objects.forEach((body, i) => {
      const num = i + 1;
      if (packed.has(num)) return;
      offsets.set(num, size);
      push(
        Buffer.concat([
          Buffer.from(`${num} 0 obj\n`, 'latin1'),
          Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'),
          Buffer.from('\nendobj\n', 'latin1'),
        ]),
      );
    });
    let total = this.objects.length;
    const inStream = new Map<number, number>();
    if (packed.size > 0) {
      const nums = [...packed];
      let header = '';
      let body = '';
      nums.forEach((n, k) => {
        header += `${n} ${body.length} `;
        const b = this.objects[n - 1]!;
        body += `${Buffer.isBuffer(b) ? b.toString('latin1') : b}\n`;
        inStream.set(n, k);
      });
      total += 1;
      const stmNum = total;
      const data = Buffer.from(header + body, 'latin1');
      offsets.set(stmNum, size);
      push(
        Buffer.concat([
          Buffer.from(`${stmNum} 0 obj\n`, 'latin1'),
          encodedStream(`/Type /ObjStm /N ${nums.length} /First ${header.length}`, data, [
            { filter: 'FlateDecode' },
          ]),
          Buffer.from('\nendobj\n', 'latin1'),
        ]),
      );
      for (const n of nums) offsets.set(n, -stmNum);
    }
    if (options.xrefStream) {
      total += 1;
      const xrefNum = total;
      offsets.set(xrefNum, size);
      const rows: Buffer[] = [Buffer.from([0, 0, 0, 0, 0xff, 0xff])];
      for (let n = 1; n <= total; n += 1) {
        const row = Buffer.alloc(6);
        const off = offsets.get(n);
        if (off === undefined) row[0] = 0;
        else if (off < 0) {
          row[0] = 2;
          row.writeUInt32BE(-off, 1);
          row[5] = inStream.get(n)!;
        } else {
          row[0] = 1;
          row.writeUInt32BE(off, 1);
        }
        rows.push(row);
      }
      const xrefAt = size;
      push(
        Buffer.concat([
          Buffer.from(`${xrefNum} 0 obj\n`, 'latin1'),
          encodedStream(
            `/Type /XRef /Size ${total + 1} /W [1 4 1] /Root 1 0 R ${options.trailer ?? ''}`,
            Buffer.concat(rows),
            [{ filter: 'FlateDecode' }],
          ),
          Buffer.from('\nendobj\n', 'latin1'),
        ]),
      );
      push(Buffer.from(`startxref\n${xrefAt}\n%%EOF\n`, 'latin1'));
      return Buffer.concat(parts);
    }
    const xrefAt = size;
    let xref = `xref\n0 ${total + 1}\n0000000000 65535 f \n`;
    for (let n = 1; n <= total; n += 1)
      xref += `${String(offsets.get(n) ?? 0).padStart(10, '0')} 00000 n \n`;
    xref += `trailer\n<< /Size ${total + 1} /Root 1 0 R ${options.trailer ?? ''} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
    push(Buffer.from(xref, 'latin1'));
    return Buffer.concat(parts);
  }
}

/** Appends an incremental update that redefines or adds objects (as an editor saving in place does). */
export function appendUpdate(base: Buffer, objects: Map<number, Body>, trailer = ''): Buffer {
  const text = base.toString('latin1');
  const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  const sizeMatch = [...text.matchAll(/\/Size (\d+)/g)].pop();
  let size = Number(sizeMatch?.[1] ?? 0);
  const parts: Buffer[] = [base];
  let at = base.length;
  const offsets: [number, number][] = [];
  for (const [num, body] of [...objects].sort((a, b) => a[0] - b[0])) {
    const chunk = Buffer.concat([
      Buffer.from(`${num} 0 obj\n`, 'latin1'),
      Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'),
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    offsets.push([num, at]);
    parts.push(chunk);
    at += chunk.length;
    size = Math.max(size, num + 1);
  }
  let xref = 'xref\n0 1\n0000000000 65535 f \n';
  for (const [num, off] of offsets) xref += `${num} 1\n${String(off).padStart(10, '0')} 00000 n \n`;
  xref += `trailer\n<< /Size ${size} /Root 1 0 R /Prev ${prev} ${trailer} >>\nstartxref\n${at}\n%%EOF\n`;
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}

/** A text string as a PDF literal (parentheses and backslashes escaped). */
export function pdfLiteral(text: string): string {
  return `(${text.replace(/[\\()]/g, (m) => `\\${m}`)})`;
}
