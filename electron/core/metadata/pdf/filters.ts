import { constants, inflateSync } from 'node:zlib';
import { isVigilError } from '../../errors';
import { unsupported } from '../bytes';
import { PdfDict, PdfName, type PdfStream, type PdfValue } from './parser';

/** No decoded stream may exceed this: a few bytes of deflate can otherwise inflate to gigabytes. */
export const MAX_DECODED = 256 * 1024 * 1024;

/** The abbreviations inline images may use (ISO 32000-1, table 94). */
const ALIASES: Record<string, string> = {
  Fl: 'FlateDecode',
  LZW: 'LZWDecode',
  RL: 'RunLengthDecode',
  AHx: 'ASCIIHexDecode',
  A85: 'ASCII85Decode',
  CCF: 'CCITTFaxDecode',
  DCT: 'DCTDecode',
};

/** Filters that only compress or encode bytes: Vigil decodes them all. */
export const GENERAL_FILTERS = new Set([
  'FlateDecode',
  'LZWDecode',
  'RunLengthDecode',
  'ASCIIHexDecode',
  'ASCII85Decode',
]);

/** Image codecs: the last filter of an image's chain. */
export const IMAGE_CODECS = new Set(['DCTDecode', 'JPXDecode', 'CCITTFaxDecode', 'JBIG2Decode']);

export interface FilterLayer {
  /** The full name (abbreviations expanded). */
  name: string;
  parms?: PdfDict;
}

type Resolver = (v: PdfValue | undefined) => PdfValue | undefined;
const direct: Resolver = (v) => v;

/**
 * A stream's filter chain, first layer first, however the file writes it: a
 * name or an array, direct or indirect, with parameters as a dictionary or an
 * array (entries may be null or indirect). Anything else is damage: callers
 * refuse rather than guess.
 */
export function filterChain(
  dict: PdfDict,
  resolve: Resolver = direct,
  inline = false,
): FilterLayer[] {
  // Inline images may abbreviate the keys; in a stream dictionary /F names an external file.
  const f = resolve(dict.get('Filter') ?? (inline ? dict.get('F') : undefined));
  const p = resolve(dict.get('DecodeParms') ?? (inline ? dict.get('DP') : undefined));
  if (f === undefined || f === null) return [];
  const raw = f instanceof PdfName ? [f] : Array.isArray(f) ? f.map((x) => resolve(x)) : undefined;
  if (!raw || raw.length > 32) throw new Error('bad filter');
  const parms = p === undefined || p === null ? [] : Array.isArray(p) ? p : [p];
  if (!Array.isArray(p) && parms.length > 0 && raw.length !== 1 && !(p instanceof PdfDict))
    throw new Error('bad parameters');
  return raw.map((x, i) => {
    if (!(x instanceof PdfName)) throw new Error('bad filter');
    const q = resolve(parms[i]);
    if (q !== undefined && q !== null && !(q instanceof PdfDict)) throw new Error('bad parameters');
    return { name: ALIASES[x.name] ?? x.name, parms: q ?? undefined };
  });
}

/** Filter names of a stream whose filters are direct (or unreadable: "?"). */
export function filterNames(dict: PdfDict): string[] {
  try {
    return filterChain(dict).map((l) => l.name);
  } catch {
    return ['?'];
  }
}

/**
 * How much one document may inflate to in total. Each stream is capped on its
 * own, but a small file can hold many compressed streams that each expand a
 * thousandfold; the total is kept proportional to the input.
 */
export class InflateBudget {
  remaining: number;
  constructor(inputSize: number) {
    this.remaining = 512 * 1024 * 1024 + 20 * inputSize;
  }
}

function overBudget(): Error {
  return unsupported(
    'The file expands to far more data than its size when decompressed (it may be a decompression bomb); Vigil refuses it.',
  );
}

export function inflateBounded(data: Buffer, limit = MAX_DECODED, budget?: InflateBudget): Buffer {
  const max = budget ? Math.min(limit, budget.remaining) : limit;
  if (max <= 0) throw overBudget();
  let out: Buffer;
  try {
    // Z_SYNC_FLUSH accepts the truncated deflate streams many PDF writers produce.
    out = inflateSync(data, { maxOutputLength: max, finishFlush: constants.Z_SYNC_FLUSH });
  } catch (error) {
    if (budget && max < limit && (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      throw overBudget();
    throw error;
  }
  if (budget) budget.remaining -= out.length;
  return out;
}

function num(v: PdfValue | undefined, fallback: number): number {
  return typeof v === 'number' && Number.isInteger(v) ? v : fallback;
}

function unpredict(data: Buffer, parms: PdfDict | undefined): Buffer {
  const predictor = num(parms?.get('Predictor'), 1);
  if (predictor === 1) return data;
  const colors = num(parms?.get('Colors'), 1);
  const bpc = num(parms?.get('BitsPerComponent'), 8);
  const columns = num(parms?.get('Columns'), 1);
  if (
    colors < 1 ||
    colors > 64 ||
    ![1, 2, 4, 8, 16].includes(bpc) ||
    columns < 1 ||
    columns > 1 << 24
  )
    throw new Error('bad predictor parameters');
  const bpp = Math.max(1, Math.ceil((colors * bpc) / 8));
  const rowBytes = Math.ceil((colors * bpc * columns) / 8);
  if (predictor === 2) {
    if (bpc !== 8) throw new Error('unsupported TIFF predictor');
    const out = Buffer.from(data);
    for (let r = 0; r + rowBytes <= out.length; r += rowBytes) {
      for (let i = bpp; i < rowBytes; i += 1) out[r + i] = (out[r + i]! + out[r + i - bpp]!) & 0xff;
    }
    return out;
  }
  if (predictor < 10) throw new Error('unknown predictor');
  const rows = Math.floor(data.length / (rowBytes + 1));
  const out = Buffer.alloc(rows * rowBytes);
  for (let r = 0; r < rows; r += 1) {
    const type = data[r * (rowBytes + 1)]!;
    const src = r * (rowBytes + 1) + 1;
    const dst = r * rowBytes;
    for (let i = 0; i < rowBytes; i += 1) {
      const x = data[src + i]!;
      const a = i >= bpp ? out[dst + i - bpp]! : 0;
      const b = r > 0 ? out[dst - rowBytes + i]! : 0;
      const c = r > 0 && i >= bpp ? out[dst - rowBytes + i - bpp]! : 0;
      let v: number;
      switch (type) {
        case 0:
          v = x;
          break;
        case 1:
          v = x + a;
          break;
        case 2:
          v = x + b;
          break;
        case 3:
          v = x + ((a + b) >> 1);
          break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          v = x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
          break;
        }
        default:
          throw new Error('bad PNG predictor row');
      }
      out[dst + i] = v & 0xff;
    }
  }
  return out;
}

function asciiHex(data: Buffer): Buffer {
  let text = data.toString('latin1');
  const end = text.indexOf('>');
  if (end >= 0) text = text.slice(0, end);
  text = text.replace(/\s+/g, '');
  if (!/^[0-9a-fA-F]*$/.test(text)) throw new Error('bad hex data');
  return Buffer.from(text.length % 2 ? `${text}0` : text, 'hex');
}

function ascii85(data: Buffer): Buffer {
  let text = data.toString('latin1').replace(/\s+/g, '');
  if (text.startsWith('<~')) text = text.slice(2);
  const end = text.indexOf('~>');
  if (end >= 0) text = text.slice(0, end);
  const out: number[] = [];
  let group: number[] = [];
  for (const ch of text) {
    if (ch === 'z' && group.length === 0) {
      out.push(0, 0, 0, 0);
      continue;
    }
    const v = ch.charCodeAt(0) - 33;
    if (v < 0 || v > 84) throw new Error('bad ASCII85 data');
    group.push(v);
    if (group.length === 5) {
      let n = 0;
      for (const g of group) n = n * 85 + g;
      out.push((n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255);
      group = [];
    }
    if (out.length > MAX_DECODED) throw new Error('too large');
  }
  if (group.length > 1) {
    const k = group.length;
    while (group.length < 5) group.push(84);
    let n = 0;
    for (const g of group) n = n * 85 + g;
    const bytes = [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
    out.push(...bytes.slice(0, k - 1));
  }
  return Buffer.from(out);
}

function lzw(data: Buffer, parms: PdfDict | undefined, limit: number): Buffer {
  const early = num(parms?.get('EarlyChange'), 1) === 0 ? 0 : 1;
  const table: (Buffer | undefined)[] = new Array<Buffer | undefined>(4096);
  const chunks: Buffer[] = [];
  let total = 0;
  let width = 9;
  let next = 258;
  let prev: Buffer | undefined;
  let acc = 0;
  let bits = 0;
  let pos = 0;
  for (;;) {
    while (bits < width && pos < data.length) {
      acc = ((acc << 8) | data[pos]!) & 0xffffff;
      pos += 1;
      bits += 8;
    }
    if (bits < width) break;
    const code = (acc >>> (bits - width)) & ((1 << width) - 1);
    bits -= width;
    if (code === 256) {
      width = 9;
      next = 258;
      prev = undefined;
      continue;
    }
    if (code === 257) break;
    let entry: Buffer;
    if (code < 256) entry = Buffer.of(code);
    else if (code < next && table[code]) entry = table[code]!;
    else if (code === next && prev) entry = Buffer.concat([prev, prev.subarray(0, 1)]);
    else throw new Error('bad LZW code');
    chunks.push(entry);
    total += entry.length;
    if (total > limit) throw new Error('too large');
    if (prev) {
      if (next < 4096) table[next] = Buffer.concat([prev, entry.subarray(0, 1)]);
      next += 1;
      if (next + early >= 1 << width && width < 12) width += 1;
    }
    prev = entry;
  }
  return Buffer.concat(chunks, total);
}

function runLength(data: Buffer, limit: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  let i = 0;
  while (i < data.length) {
    const n = data[i]!;
    i += 1;
    if (n === 128) break;
    let piece: Buffer;
    if (n < 128) {
      if (i + n + 1 > data.length) throw new Error('truncated run');
      piece = data.subarray(i, i + n + 1);
      i += n + 1;
    } else {
      if (i >= data.length) throw new Error('truncated run');
      piece = Buffer.alloc(257 - n, data[i]);
      i += 1;
    }
    chunks.push(piece);
    total += piece.length;
    if (total > limit) throw new Error('too large');
  }
  return Buffer.concat(chunks, total);
}

/** Decodes one general filter layer; throws a plain Error on damaged data. */
export function decodeLayer(
  data: Buffer,
  layer: FilterLayer,
  limit = MAX_DECODED,
  budget?: InflateBudget,
): Buffer {
  const max = budget ? Math.min(limit, Math.max(0, budget.remaining)) : limit;
  let out: Buffer;
  switch (layer.name) {
    case 'FlateDecode':
      return unpredict(inflateBounded(data, limit, budget), layer.parms);
    case 'LZWDecode':
      out = unpredict(lzw(data, layer.parms, max), layer.parms);
      break;
    case 'RunLengthDecode':
      out = runLength(data, max);
      break;
    case 'ASCIIHexDecode':
      out = asciiHex(data);
      break;
    case 'ASCII85Decode':
      out = ascii85(data);
      break;
    default:
      throw new Error(`not a general filter: ${layer.name}`);
  }
  if (budget) {
    if (out.length > budget.remaining) throw overBudget();
    budget.remaining -= out.length;
  }
  return out;
}

/**
 * Decodes the general filters at the start of a chain. Returns the data and
 * the layers left (an image codec, or an unknown filter, and what follows it).
 * Throws a plain Error on damaged data and a VigilError on a decompression bomb.
 */
export function decodeGeneral(
  data: Buffer,
  layers: FilterLayer[],
  limit = MAX_DECODED,
  budget?: InflateBudget,
): { data: Buffer; rest: FilterLayer[] } {
  let out = data;
  let i = 0;
  for (; i < layers.length && GENERAL_FILTERS.has(layers[i]!.name); i += 1)
    out = decodeLayer(out, layers[i]!, limit, budget);
  return { data: out, rest: layers.slice(i) };
}

/**
 * Decodes a stream through its general-purpose filters (direct ones only).
 * Returns undefined when a filter is not one of those (image codecs…) or the
 * data is damaged; callers treat that as "cannot look inside".
 */
export function decodeStream(
  stream: PdfStream,
  limit = MAX_DECODED,
  budget?: InflateBudget,
): Buffer | undefined {
  try {
    const { data, rest } = decodeGeneral(stream.data, filterChain(stream.dict), limit, budget);
    return rest.length === 0 ? data : undefined;
  } catch (error) {
    if (isVigilError(error)) throw error;
    return undefined;
  }
}
