import { deflateSync } from 'node:zlib';
import { isVigilError } from '../../errors';
import { asBuffer, invalid, unsupported } from '../bytes';
import type { FormatStripResult } from '../types';
import { stripJpeg } from '../formats/jpeg';
import { PdfDocument } from './document';
import { filterNames, inflateBounded, MAX_DECODED, type InflateBudget } from './filters';
import { PdfDict, PdfName, PdfRef, PdfStream, type PdfValue } from './parser';
import {
  ANNOTATION_REMOVED_KEYS,
  CATALOG_REMOVED_KEYS,
  isAnnotation,
  isCatalog,
  isDropped,
  isPrivateKey,
  KEPT_NAME_TREES,
  REMOVED_KEYS,
} from './rules';
import { writePdf } from './writer';

const DROP = Symbol('drop');
type Cleaned = PdfValue | typeof DROP;
const MAX_OBJECTS = 5_000_000;

/** Removes the metadata of the JPEG inside an image stream, decoding a Flate layer around it if there is one. */
export function cleanImageData(stream: PdfStream, what: string, budget: InflateBudget): Buffer {
  const filters = filterNames(stream.dict);
  if (filters.includes('JPXDecode'))
    throw unsupported(`${what} contains a JPEG 2000 image, which Vigil cannot strip yet.`);
  const dct =
    filters.indexOf('DCTDecode') >= 0 ? filters.indexOf('DCTDecode') : filters.indexOf('DCT');
  if (dct < 0) return stream.data;
  const label = `An image inside ${what.replace(/^The /, 'the ')}`;
  if (filters.length === 1)
    return asBuffer(stripJpeg(stream.data, { keepOrientation: false, what: label }).output);
  if (filters.length === 2 && dct === 1 && (filters[0] === 'FlateDecode' || filters[0] === 'Fl')) {
    const parms = stream.dict.get('DecodeParms') ?? stream.dict.get('DP');
    const first = Array.isArray(parms) ? parms[0] : parms;
    if (first instanceof PdfDict && first.has('Predictor'))
      throw unsupported(`${what} contains an image encoded in a way Vigil cannot clean yet.`);
    let jpeg: Buffer;
    try {
      jpeg = inflateBounded(stream.data, MAX_DECODED, budget);
    } catch (error) {
      if (isVigilError(error)) throw error;
      throw invalid(`${label} is damaged or too large: its compressed data cannot be read.`);
    }
    return deflateSync(stripJpeg(jpeg, { keepOrientation: false, what: label }).output);
  }
  throw unsupported(
    `${what} contains an image encoded in a way Vigil cannot clean yet (${filters.join(', ')}).`,
  );
}

class Cleaner {
  constructor(
    readonly doc: PdfDocument,
    readonly what: string,
  ) {}

  /** A reference stays only if its target is not an object that is removed outright. */
  private refDropped(ref: PdfRef): boolean {
    return isDropped(this.doc.get(ref)) !== undefined;
  }

  /** An indirect /Filter or /DecodeParms is legal; it is inlined so that no JPEG hides behind one. */
  private directFilters(s: PdfStream): PdfStream {
    const f = s.dict.get('Filter');
    const p = s.dict.get('DecodeParms');
    if (!(f instanceof PdfRef) && !(p instanceof PdfRef)) return s;
    const map = new Map(s.dict.map);
    if (f instanceof PdfRef) map.set('Filter', this.doc.resolve(f) ?? null);
    if (p instanceof PdfRef) map.set('DecodeParms', this.doc.resolve(p) ?? null);
    return new PdfStream(new PdfDict(map), s.data);
  }

  value(v: PdfValue, depth: number): Cleaned {
    if (depth > 200) throw invalid(`${this.what} is damaged: objects are nested too deeply.`);
    if (v instanceof PdfRef) return this.refDropped(v) ? DROP : v;
    if (Array.isArray(v)) {
      const out: PdfValue[] = [];
      for (const x of v) {
        const c = this.value(x, depth + 1);
        if (c !== DROP) out.push(c);
      }
      return out;
    }
    if (v instanceof PdfDict) {
      if (isDropped(v)) return DROP;
      return this.dict(v, depth, false);
    }
    if (v instanceof PdfStream) {
      if (isDropped(v)) return DROP;
      v = this.directFilters(v);
      const data = cleanImageData(v, this.what, this.doc.budget);
      const dict = this.dict(v.dict, depth, false);
      // The writer sets a direct /Length; an indirect one would leave an orphan object behind.
      dict.map.delete('Length');
      // The decoded-length hint would be wrong once a JPEG has lost its metadata.
      if (data !== v.data) dict.map.delete('DL');
      return new PdfStream(dict, data);
    }
    return v;
  }

  dict(d: PdfDict, depth: number, isRoot: boolean): PdfDict {
    const out = new Map<string, PdfValue>();
    const catalog = isRoot || isCatalog(d);
    const annotation = isAnnotation(d);
    const widget = annotation && d.name('Subtype') === 'Widget';
    const thread = d.name('Type') === 'Thread' || (d.has('F') && d.get('I') instanceof PdfDict);
    for (const [key, value] of d.map) {
      if (REMOVED_KEYS.has(key) || isPrivateKey(key)) continue;
      if (catalog && CATALOG_REMOVED_KEYS.has(key)) continue;
      if (annotation && ANNOTATION_REMOVED_KEYS.has(key) && !(widget && key === 'T')) continue;
      if (thread && key === 'I') continue;
      // A page's web-capture identifier links it to the site it was captured from.
      if (key === 'ID' && d.name('Type') === 'Page') continue;
      if (key === 'XFA' && d.has('Fields')) continue;
      if (catalog && key === 'Names') {
        const names = this.doc.dict(value);
        if (!names) continue;
        const kept = new Map<string, PdfValue>();
        for (const [k, v] of names.map) {
          if (!KEPT_NAME_TREES.has(k)) continue;
          const c = this.value(v, depth + 1);
          if (c !== DROP) kept.set(k, c);
        }
        // Inlined: the cleaned copy belongs to this catalog alone.
        if (kept.size > 0) out.set(key, new PdfDict(kept));
        continue;
      }
      const c = this.value(value, depth + 1);
      if (c !== DROP) out.set(key, c);
    }
    return new PdfDict(out);
  }
}

function collectRefs(v: PdfValue, into: PdfRef[], depth = 0): void {
  if (depth > 250) return;
  if (v instanceof PdfRef) into.push(v);
  else if (Array.isArray(v)) for (const x of v) collectRefs(x, into, depth + 1);
  else if (v instanceof PdfDict) for (const x of v.map.values()) collectRefs(x, into, depth + 1);
  else if (v instanceof PdfStream) collectRefs(v.dict, into, depth + 1);
}

/**
 * Rewrites the PDF from its catalog down: only objects the document still
 * references after cleaning are written, renumbered, in one revision with a
 * classic cross-reference table and a trailer holding /Size and /Root alone.
 */
export function stripPdf(input: Uint8Array, what = 'The PDF'): FormatStripResult {
  const buf = asBuffer(input);
  const doc = new PdfDocument(buf, what);
  doc.assertNotEncrypted();
  const rootRef = doc.trailer.get('Root');
  if (!(rootRef instanceof PdfRef))
    throw invalid(`${what} is damaged: its trailer names no document catalog.`);
  const root = doc.get(rootRef);
  if (!(root instanceof PdfDict))
    throw invalid(`${what} is damaged: its document catalog is missing.`);
  if (!(doc.resolve(root.get('Pages')) instanceof PdfDict))
    throw invalid(`${what} is damaged: it has no page tree.`);
  const cleaner = new Cleaner(doc, what);
  const numbers = new Map<number, number>();
  const objects: { value: PdfValue }[] = [];
  const queue: number[] = [];
  const enqueue = (num: number): void => {
    if (numbers.has(num)) return;
    if (objects.length >= MAX_OBJECTS) throw unsupported(`${what} has too many objects.`);
    numbers.set(num, objects.length + 1);
    objects.push({ value: null });
    queue.push(num);
  };
  enqueue(rootRef.num);
  for (let i = 0; i < queue.length; i += 1) {
    const num = queue[i]!;
    const original = doc.getNum(num);
    let cleaned: Cleaned;
    if (num === rootRef.num) {
      cleaned = cleaner.dict(original as PdfDict, 0, true);
      // Readers tolerate a catalog without /Type; the rewritten file states it.
      if (!cleaned.has('Type')) cleaned.map.set('Type', new PdfName('Catalog'));
    } else cleaned = cleaner.value(original, 0);
    // Dropped objects are never enqueued (references to them are removed first); this is a safeguard.
    if (cleaned === DROP) cleaned = null;
    const refs: PdfRef[] = [];
    collectRefs(cleaned, refs);
    for (const r of refs) {
      const target = doc.get(r);
      if (target !== null && isDropped(target) === undefined) enqueue(r.num);
    }
    objects[numbers.get(num)! - 1] = { value: cleaned };
  }
  const output = writePdf(doc.version, objects, (r) => numbers.get(r.num));
  return {
    output,
    kept: [
      {
        key: 'pdf.version',
        label: 'PDF version',
        value: doc.version,
        reason: 'needed by PDF readers',
      },
      {
        key: 'pdf.pages',
        label: 'Pages, text, fonts and images',
        reason: 'the content of the document',
      },
    ],
  };
}
