import { inflateSync } from 'node:zlib';
import { invalid } from '../bytes';
import { parseJpeg } from '../formats/jpeg';
import { filterChain, type FilterLayer } from './filters';
import { isWhite, PdfDict, PdfLexer, PdfName, type PdfValue } from './parser';

// Content streams (ISO 32000-1, 7.8.2 and 8.9.7): a sequence of operands and
// operators, with inline images (BI … ID data EI) whose data is raw bytes in
// the middle of the stream. The reader finds where each inline image's data
// ends from its own encoding (a declared length, the end marker of its first
// filter, a JPEG's end of image, or the size of raw samples), never by a
// guess that data could fool; what it cannot delimit is refused.

/** Every operator of the content-stream language (ISO 32000-1, table A.1). */
export const OPERATORS = new Set(
  (
    'b B b* B* BDC BI BMC BT BX c cm CS cs d d0 d1 Do DP EI EMC ET EX f F f* G g gs h i ID j J K k ' +
    'l m M MP n q Q re RG rg ri s S SC sc SCN scn sh T* Tc Td TD Tf Tj TJ TL Tm Tr Ts Tw Tz v w W W* y \' "'
  ).split(' '),
);

export interface InlineImage {
  /** The image dictionary as written (abbreviated keys stay abbreviated). */
  dict: PdfDict;
  /** The encoded data between ID and EI. */
  data: Buffer;
}

export type ContentOp =
  { kind: 'op'; operator: string; operands: PdfValue[] } | { kind: 'image'; image: InlineImage };

export interface ParsedContent {
  ops: ContentOp[];
  /** Comments found (they are not content and can hold anything). */
  comments: number;
}

const MAX_OPERANDS = 10_000;

/** Components per sample of the colour spaces an inline image can name directly. */
function components(cs: PdfValue | undefined): number | undefined {
  if (cs instanceof PdfName) {
    const n = {
      G: 1,
      DeviceGray: 1,
      CalGray: 1,
      RGB: 3,
      DeviceRGB: 3,
      CalRGB: 3,
      CMYK: 4,
      DeviceCMYK: 4,
    }[cs.name];
    return n;
  }
  if (Array.isArray(cs) && cs[0] instanceof PdfName && ['I', 'Indexed'].includes(cs[0].name))
    return 1;
  return undefined;
}

function numberOf(d: PdfDict, long: string, short: string): number | undefined {
  const v = d.get(long) ?? d.get(short);
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined;
}

/** Where the first filter's encoding says its data ends (offset in `buf`), or undefined. */
function encodedEnd(buf: Buffer, start: number, layer: FilterLayer): number | undefined {
  switch (layer.name) {
    case 'ASCIIHexDecode': {
      const i = buf.indexOf(0x3e, start);
      return i < 0 ? undefined : i + 1;
    }
    case 'ASCII85Decode': {
      const i = buf.indexOf('~>', start, 'latin1');
      return i < 0 ? undefined : i + 2;
    }
    case 'RunLengthDecode': {
      let i = start;
      while (i < buf.length) {
        const n = buf[i]!;
        if (n === 128) return i + 1;
        i += n < 128 ? n + 2 : 2;
      }
      return undefined;
    }
    case 'LZWDecode':
      return lzwEnd(buf, start, layer.parms);
    case 'FlateDecode': {
      try {
        const r = inflateSync(buf.subarray(start), {
          info: true,
          maxOutputLength: 64 << 20,
        }) as unknown as { engine: { bytesWritten: number } };
        return start + r.engine.bytesWritten;
      } catch {
        return undefined;
      }
    }
    case 'DCTDecode': {
      try {
        return start + parseJpeg(buf.subarray(start)).eoiEnd;
      } catch {
        return undefined;
      }
    }
    default:
      return undefined;
  }
}

/** The end of LZW data: the byte holding its end-of-data code. */
function lzwEnd(buf: Buffer, start: number, parms: PdfDict | undefined): number | undefined {
  const early = parms?.get('EarlyChange') === 0 ? 0 : 1;
  let width = 9;
  let next = 258;
  let first = true;
  let bitPos = start * 8;
  const end = buf.length * 8;
  while (bitPos + width <= end) {
    let code = 0;
    for (let k = 0; k < width; k += 1) {
      const bit = (buf[(bitPos + k) >> 3]! >> (7 - ((bitPos + k) & 7))) & 1;
      code = (code << 1) | bit;
    }
    bitPos += width;
    if (code === 257) return (bitPos + 7) >> 3;
    if (code === 256) {
      width = 9;
      next = 258;
      first = true;
      continue;
    }
    if (code > next) return undefined;
    if (!first) {
      next += 1;
      if (next + early >= 1 << width && width < 12) width += 1;
    }
    first = false;
  }
  return undefined;
}

/** Reads a content stream into operations; throws INVALID_INPUT on syntax it cannot read. */
export function parseContent(data: Buffer, what: string): ParsedContent {
  const lex = new PdfLexer(data, 0, what);
  const ops: ContentOp[] = [];
  let comments = 0;
  let operands: PdfValue[] = [];
  const skip = (): void => {
    for (;;) {
      while (lex.pos < data.length && isWhite(data[lex.pos])) lex.pos += 1;
      if (data[lex.pos] !== 0x25) return;
      comments += 1;
      while (lex.pos < data.length && data[lex.pos] !== 10 && data[lex.pos] !== 13) lex.pos += 1;
    }
  };
  for (;;) {
    skip();
    if (lex.pos >= data.length) break;
    const c = data[lex.pos]!;
    const operand =
      c === 0x2f ||
      c === 0x28 ||
      c === 0x3c ||
      c === 0x5b ||
      c === 0x2b ||
      c === 0x2d ||
      c === 0x2e ||
      (c >= 0x30 && c <= 0x39);
    if (operand) {
      operands.push(lex.value());
      if (operands.length > MAX_OPERANDS) lex.fail('an operation has too many operands');
      continue;
    }
    const start = lex.pos;
    const word = lex.word();
    if (!word) lex.fail(`unexpected character 0x${c.toString(16)} in a content stream`, start);
    if (word === 'true' || word === 'false' || word === 'null') {
      operands.push(word === 'null' ? null : word === 'true');
      continue;
    }
    if (word === 'BI') {
      ops.push({ kind: 'image', image: readInlineImage(lex, data, what) });
      operands = [];
      continue;
    }
    ops.push({ kind: 'op', operator: word, operands });
    operands = [];
  }
  if (operands.length > 0) ops.push({ kind: 'op', operator: '', operands });
  return { ops, comments };
}

/** The next "EI" keyword (white space before, white space or the end after) from `from`. */
function nextEi(data: Buffer, from: number): number | undefined {
  for (
    let i = data.indexOf('EI', from, 'latin1');
    i >= 0;
    i = data.indexOf('EI', i + 1, 'latin1')
  ) {
    if (i > from && isWhite(data[i - 1]) && (i + 2 >= data.length || isWhite(data[i + 2])))
      return i;
  }
  return undefined;
}

function readInlineImage(lex: PdfLexer, data: Buffer, what: string): InlineImage {
  const map = new Map<string, PdfValue>();
  for (;;) {
    lex.skipWs();
    if (lex.pos >= data.length) lex.fail('an inline image has no data');
    if (lex.peekKeyword('ID')) break;
    if (data[lex.pos] !== 0x2f) lex.fail('an inline image dictionary key is not a name');
    const key = lex.value() as PdfName;
    map.set(key.name, lex.value());
    if (map.size > 100) lex.fail('an inline image dictionary is too long');
  }
  lex.pos += 2;
  // One white-space character separates ID from the data.
  if (isWhite(data[lex.pos])) lex.pos += 1;
  const start = lex.pos;
  const dict = new PdfDict(map);
  let layers: FilterLayer[];
  try {
    layers = filterChain(dict, undefined, true);
  } catch {
    return lex.fail('an inline image names its filters in a way Vigil cannot read', start);
  }
  let end: number | undefined;
  const declared = numberOf(dict, 'Length', 'L');
  if (declared !== undefined && start + declared <= data.length) end = start + declared;
  else if (layers.length > 0) end = encodedEnd(data, start, layers[0]!);
  else {
    const w = numberOf(dict, 'Width', 'W');
    const h = numberOf(dict, 'Height', 'H');
    const mask = (dict.get('ImageMask') ?? dict.get('IM')) === true;
    const bpc = mask ? 1 : numberOf(dict, 'BitsPerComponent', 'BPC');
    const n = mask ? 1 : components(dict.get('ColorSpace') ?? dict.get('CS'));
    if (w !== undefined && h !== undefined && bpc !== undefined && n !== undefined)
      end = start + h * Math.ceil((w * bpc * n) / 8);
  }
  if (end === undefined || end > data.length)
    throw invalid(
      `${what} holds an inline image whose end Vigil cannot find safely; Vigil refuses it rather than guess.`,
    );
  lex.pos = end;
  lex.skipWs();
  if (!lex.peekKeyword('EI')) {
    // Bytes after the encoded data (a JPEG's trailer…) that no decoder reads: the image ends at the next EI.
    const next = nextEi(data, end);
    if (next === undefined)
      throw invalid(
        `${what} holds an inline image whose data does not end where its encoding says; Vigil refuses it rather than guess.`,
      );
    lex.pos = next;
  }
  const image = { dict, data: data.subarray(start, end) };
  lex.pos += 2;
  return image;
}
