import { constants, inflateSync } from 'node:zlib';
import { isVigilError } from '../../errors';
import { unsupported } from '../bytes';
import { PdfDict, PdfName, type PdfStream, type PdfValue } from './parser';

/** No decoded stream may exceed this: a few bytes of deflate can otherwise inflate to gigabytes. */
export const MAX_DECODED = 256 * 1024 * 1024;

export function filterNames(dict: PdfDict): string[] {
  const f = dict.get('Filter');
  if (f instanceof PdfName) return [f.name];
  if (Array.isArray(f)) return f.map((x) => (x instanceof PdfName ? x.name : '?'));
  return [];
}

function decodeParms(dict: PdfDict, index: number): PdfDict | undefined {
  const p = dict.get('DecodeParms') ?? dict.get('DP');
  if (p instanceof PdfDict) return index === 0 ? p : undefined;
  if (Array.isArray(p)) {
    const x = p[index];
    return x instanceof PdfDict ? x : undefined;
  }
  return undefined;
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

/**
 * Decodes a stream through its general-purpose filters (Flate, ASCIIHex,
 * ASCII85). Returns undefined when a filter is not one of those (image codecs,
 * LZW…) or the data is damaged; callers treat that as "cannot look inside".
 */
export function decodeStream(
  stream: PdfStream,
  limit = MAX_DECODED,
  budget?: InflateBudget,
): Buffer | undefined {
  const names = filterNames(stream.dict);
  let data = stream.data;
  try {
    for (let i = 0; i < names.length; i += 1) {
      switch (names[i]) {
        case 'FlateDecode':
        case 'Fl':
          data = unpredict(inflateBounded(data, limit, budget), decodeParms(stream.dict, i));
          break;
        case 'ASCIIHexDecode':
        case 'AHx':
          data = asciiHex(data);
          break;
        case 'ASCII85Decode':
        case 'A85':
          data = ascii85(data);
          break;
        default:
          return undefined;
      }
    }
  } catch (error) {
    if (isVigilError(error)) throw error;
    return undefined;
  }
  return data;
}
