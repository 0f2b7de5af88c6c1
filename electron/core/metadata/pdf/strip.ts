import { deflateSync } from 'node:zlib';
import { isVigilError } from '../../errors';
import { asBuffer, invalid, unsupported } from '../bytes';
import { stripJpeg } from '../formats/jpeg';
import type { FormatStripResult, KeptField } from '../types';
import { OPERATORS, parseContent, type InlineImage } from './content';
import { PdfDocument } from './document';
import { decodeGeneral, filterChain, type FilterLayer, MAX_DECODED } from './filters';
import { stripIcc } from './icc';
import { checkJbig2 } from './jbig2';
import { PdfDict, PdfName, PdfRef, PdfStream, PdfString, type PdfValue } from './parser';
import {
  ANNOTATION_TEXT_KEYS,
  concreteRole,
  DROPPED_ANNOTATIONS,
  isDropped,
  KEPT_ACTIONS,
  ROLES,
  STREAM_OR_DICT,
  TEXT_ANNOTATIONS,
  type Kind,
  type PdfStripOptions,
  type Role,
} from './rules';
import { formatValue, writePdf } from './writer';

// The PDF stripper: rewrites the document from its catalog through the
// allow-list of rules.ts. Every object is cleaned for the role it is reached
// as; every stream is decoded (whatever its filter chain, however the chain
// is written) and written again: content streams re-tokenised with their
// inline images cleaned, images stripped like standalone images, ICC profiles
// rebuilt. What cannot be decoded or cleaned is refused, never copied.

const DROP = Symbol('drop');
type Cleaned = PdfValue | typeof DROP;
const MAX_OBJECTS = 2_000_000;
const MAX_DEPTH = 200;

/** Property-list keys a reader uses (14.6.2); everything else in a BDC/DP dictionary goes. */
const PROPERTY_KEYS = new Set(['MCID', 'ActualText', 'Alt', 'E', 'Lang']);

/** Inline-image keys (8.9.7, table 93) with their abbreviations. */
const INLINE_KEYS: Record<string, string> = {
  Width: 'W',
  W: 'W',
  Height: 'H',
  H: 'H',
  BitsPerComponent: 'BPC',
  BPC: 'BPC',
  ColorSpace: 'CS',
  CS: 'CS',
  ImageMask: 'IM',
  IM: 'IM',
  Decode: 'D',
  D: 'D',
  Interpolate: 'I',
  I: 'I',
  Intent: 'Intent',
};

const isPlainAtom = (v: PdfValue): boolean =>
  v === null || typeof v === 'boolean' || typeof v === 'number' || v instanceof PdfName;

function hexEncode(data: Buffer): Buffer {
  return Buffer.from(`${data.toString('hex').replace(/(.{120})/g, '$1\n')}>`, 'latin1');
}

/** Drops PostScript comments (from % to the end of the line, outside strings) from a CMap. */
function stripCmapComments(data: Buffer): Buffer {
  const out: number[] = [];
  let depth = 0;
  for (let i = 0; i < data.length; i += 1) {
    const c = data[i]!;
    if (depth > 0) {
      if (c === 0x5c) {
        out.push(c, data[i + 1] ?? 0x20);
        i += 1;
        continue;
      }
      if (c === 0x28) depth += 1;
      if (c === 0x29) depth -= 1;
      out.push(c);
      continue;
    }
    if (c === 0x28) depth = 1;
    if (c === 0x25) {
      while (i < data.length && data[i] !== 10 && data[i] !== 13) i += 1;
      out.push(10);
      continue;
    }
    out.push(c);
  }
  return Buffer.from(out);
}

export class PdfStripper {
  readonly objects: { value: PdfValue }[] = [];
  private readonly assigned = new Map<string, number>();
  private readonly queue: { num: number; role: Role; out: number }[] = [];
  private inlineImages = 0;
  private images = 0;

  constructor(
    readonly doc: PdfDocument,
    readonly what: string,
    readonly options: PdfStripOptions,
  ) {}

  private fail(detail: string): never {
    throw unsupported(`${this.what} ${detail}; Vigil cannot strip it.`);
  }

  private damaged(detail: string): never {
    throw invalid(`${this.what} is damaged: ${detail}.`);
  }

  /** A new output object; returns its reference. */
  private add(value: PdfValue): PdfRef {
    if (this.objects.length >= MAX_OBJECTS) throw unsupported(`${this.what} has too many objects.`);
    this.objects.push({ value });
    return new PdfRef(this.objects.length, 0);
  }

  /** The output reference for an input object reached as `role`, or DROP when the object goes. */
  private reference(ref: PdfRef, role: Role): Cleaned {
    const target = this.doc.get(ref);
    if (target === null) return DROP;
    if (!(target instanceof PdfStream) && !(target instanceof PdfDict))
      return this.plain(target, 0);
    const concrete = concreteRole(role, target instanceof PdfStream ? target.dict : target);
    if (!concrete || this.objectDropped(concrete, target)) return DROP;
    const key = `${ref.num}:${concrete}`;
    let out = this.assigned.get(key);
    if (out === undefined) {
      out = this.add(null).num;
      this.assigned.set(key, out);
      this.queue.push({ num: ref.num, role: concrete, out });
    }
    return new PdfRef(out, 0);
  }

  /** Objects removed outright for their role, whatever refers to them. */
  private objectDropped(role: Role, v: PdfDict | PdfStream): boolean {
    const d = v instanceof PdfStream ? v.dict : v;
    const spec = ROLES[role];
    const isStream = v instanceof PdfStream;
    if (spec.dictOnly && isStream) return true;
    if (spec.stream && !STREAM_OR_DICT.has(role) && !isStream) return true;
    if (!spec.stream && !spec.dictOnly && isStream) return true;
    if (isDropped(v) && role !== 'annot' && role !== 'action') return true;
    if (role === 'action') return !KEPT_ACTIONS.has(d.name('S') ?? '');
    if (role === 'annot') {
      const sub = d.name('Subtype') ?? '';
      if (DROPPED_ANNOTATIONS.has(sub)) return true;
      if (!this.options.keepAnnotationText && (TEXT_ANNOTATIONS.has(sub) || d.has('IRT')))
        return true;
      // A signature field's value is a signature dictionary: the field stays, its value does not.
      return false;
    }
    return false;
  }

  /** Numbers, names, booleans, null and arrays of them; references to such values are inlined. */
  private plain(v: PdfValue, depth: number, strings = false): Cleaned {
    if (depth > MAX_DEPTH) this.damaged('objects are nested too deeply');
    if (v instanceof PdfRef) {
      const t = this.doc.get(v);
      if (t instanceof PdfDict || t instanceof PdfStream || t instanceof PdfRef) return DROP;
      return this.plain(t, depth + 1, strings);
    }
    if (isPlainAtom(v)) return v;
    if (v instanceof PdfString) return strings ? v : DROP;
    if (Array.isArray(v)) {
      const out: PdfValue[] = [];
      for (const x of v) {
        const c = this.plain(x, depth + 1, strings);
        if (c !== DROP) out.push(c);
      }
      return out;
    }
    return DROP;
  }

  private resolved(v: PdfValue): PdfValue {
    return v instanceof PdfRef ? (this.doc.resolve(v) ?? null) : v;
  }

  value(v: PdfValue, kind: Kind, depth: number): Cleaned {
    if (depth > MAX_DEPTH) this.damaged('objects are nested too deeply');
    if (kind === 'plain') return this.plain(v, depth);
    if (kind === 'text') return this.plain(v, depth, true);
    if (kind === 'dest') return this.dest(v, depth);
    if (kind === 'colorSpace') return this.colorSpace(v, depth);
    if (kind === 'contents') return this.contents(v);
    if (kind === 'appearance') {
      const t = this.resolved(v);
      if (t instanceof PdfStream) return this.value(v, { role: 'form' }, depth);
      return this.value(v, { map: { role: 'form' } }, depth);
    }
    if ('role' in kind) {
      if (v instanceof PdfRef) return this.reference(v, kind.role);
      if (v instanceof PdfDict || v instanceof PdfStream) {
        const concrete = concreteRole(kind.role, v instanceof PdfStream ? v.dict : v);
        if (!concrete || this.objectDropped(concrete, v)) return DROP;
        // A direct stream cannot exist in a valid file; a direct dictionary is cleaned in place.
        if (v instanceof PdfStream) return DROP;
        return this.role(v, concrete, depth + 1);
      }
      if (Array.isArray(v)) return DROP;
      return this.plain(v, depth);
    }
    if ('map' in kind) {
      const d = this.resolved(v);
      if (!(d instanceof PdfDict)) return DROP;
      const out = new Map<string, PdfValue>();
      for (const [k, x] of d.map) {
        const c = this.value(x, kind.map, depth + 1);
        if (c !== DROP) out.set(k, c);
      }
      return new PdfDict(out);
    }
    if ('array' in kind) {
      const a = this.resolved(v);
      if (!Array.isArray(a)) return this.value(v, kind.array, depth + 1);
      const out: PdfValue[] = [];
      for (const x of a) {
        const c = Array.isArray(this.resolved(x))
          ? this.value(x, kind, depth + 1)
          : this.value(x, kind.array, depth + 1);
        if (c !== DROP) out.push(c);
      }
      return out;
    }
    // pairs
    const a = this.resolved(v);
    if (!Array.isArray(a)) return DROP;
    const out: PdfValue[] = [];
    for (let i = 0; i + 1 < a.length; i += 2) {
      const k = this.plain(a[i]!, depth + 1, true);
      const c = this.value(a[i + 1]!, kind.pairs, depth + 1);
      if (k !== DROP && c !== DROP) out.push(k, c);
    }
    return out;
  }

  private dest(v: PdfValue, depth: number): Cleaned {
    const t = this.resolved(v);
    if (t instanceof PdfName || t instanceof PdfString) return t;
    if (t instanceof PdfDict) {
      if (t.has('S')) return this.value(v, { role: 'action' }, depth);
      return t.has('D') ? this.dest(t.get('D')!, depth + 1) : DROP;
    }
    if (!Array.isArray(t) || t.length === 0) return DROP;
    const page = t[0]!;
    const first =
      page instanceof PdfRef
        ? this.reference(page, 'page')
        : typeof page === 'number'
          ? page
          : DROP;
    if (first === DROP) return DROP;
    const rest = this.plain(t.slice(1), depth + 1);
    return rest === DROP ? DROP : [first, ...(rest as PdfValue[])];
  }

  private colorSpace(v: PdfValue, depth: number): Cleaned {
    const t = this.resolved(v);
    if (t instanceof PdfName) return t;
    if (!Array.isArray(t) || !(t[0] instanceof PdfName)) return DROP;
    const family = t[0];
    const need = (c: Cleaned): PdfValue => {
      if (c === DROP) throw unsupported(`${this.what} has a colour space Vigil cannot read.`);
      return c;
    };
    switch (family.name) {
      case 'ICCBased':
        return [family, need(this.value(t[1] ?? null, { role: 'icc' }, depth + 1))];
      case 'Indexed':
      case 'I': {
        const lookup = this.resolved(t[3] ?? null);
        return [
          family,
          need(this.colorSpace(t[1] ?? null, depth + 1)),
          need(this.plain(t[2] ?? null, depth + 1)),
          lookup instanceof PdfString
            ? lookup
            : need(this.value(t[3] ?? null, { role: 'data' }, depth + 1)),
        ];
      }
      case 'Separation':
      case 'DeviceN': {
        const out: PdfValue[] = [
          family,
          need(this.plain(t[1] ?? null, depth + 1)),
          need(this.colorSpace(t[2] ?? null, depth + 1)),
          need(this.value(t[3] ?? null, { role: 'function' }, depth + 1)),
        ];
        if (family.name === 'DeviceN' && t[4] !== undefined) {
          const attrs = this.value(t[4], { role: 'deviceNAttributes' }, depth + 1);
          if (attrs !== DROP) out.push(attrs);
        }
        return out;
      }
      case 'Pattern':
        return t.length > 1 ? [family, need(this.colorSpace(t[1]!, depth + 1))] : [family];
      case 'CalRGB':
      case 'CalGray':
      case 'Lab':
        return [family, need(this.value(t[1] ?? null, { role: 'calibrated' }, depth + 1))];
      case 'DeviceGray':
      case 'DeviceRGB':
      case 'DeviceCMYK':
        return [family];
      default:
        return DROP;
    }
  }

  /** A dictionary or stream cleaned as `role`: only its role's keys, each cleaned by its kind. */
  role(v: PdfDict | PdfStream, role: Role, depth: number): PdfDict | PdfStream {
    const d = v instanceof PdfStream ? v.dict : v;
    const spec = ROLES[role];
    const out = new Map<string, PdfValue>();
    const annot = role === 'annot';
    const field = annot && (d.name('Subtype') === 'Widget' || !d.has('Subtype') || d.has('FT'));
    for (const [key, value] of d.map) {
      const kind = spec.keys[key];
      if (!kind) continue;
      if (annot) {
        if (key === 'T' && !field && !this.options.keepAnnotationAuthors) continue;
        if (ANNOTATION_TEXT_KEYS.has(key) && !this.options.keepAnnotationText) continue;
      }
      const c = this.value(value, kind, depth + 1);
      if (c !== DROP) out.set(key, c);
    }
    if (role === 'catalog' && !out.has('Type')) out.set('Type', new PdfName('Catalog'));
    if (!(v instanceof PdfStream)) return new PdfDict(out);
    return this.stream(v, role, out);
  }

  /** Decodes a stream's general filters; refuses what cannot be read. */
  private decode(s: PdfStream, inline = false): { data: Buffer; rest: FilterLayer[] } {
    let layers: FilterLayer[];
    try {
      layers = filterChain(s.dict, (x) => this.doc.resolve(x), inline);
    } catch {
      return this.damaged('a stream names its filters in a way no reader accepts');
    }
    try {
      return decodeGeneral(s.data, layers, MAX_DECODED, this.doc.budget);
    } catch (error) {
      if (isVigilError(error)) throw error;
      return this.damaged(
        `a stream's data cannot be decoded (${layers.map((l) => l.name).join(', ')})`,
      );
    }
  }

  private decodeAll(s: PdfStream): Buffer {
    const { data, rest } = this.decode(s);
    if (rest.length > 0)
      this.fail(
        `holds data encoded with ${rest.map((l) => l.name).join(', ')} where it is not allowed`,
      );
    return data;
  }

  private flate(dict: Map<string, PdfValue>, data: Buffer): PdfStream {
    dict.delete('DecodeParms');
    if (data.length === 0) {
      dict.delete('Filter');
      return new PdfStream(new PdfDict(dict), data);
    }
    dict.set('Filter', new PdfName('FlateDecode'));
    return new PdfStream(new PdfDict(dict), deflateSync(data));
  }

  private stream(s: PdfStream, role: Role, dict: Map<string, PdfValue>): PdfStream {
    const kind = ROLES[role].stream!;
    switch (kind) {
      case 'content':
        return this.flate(dict, this.content(this.decodeAll(s)));
      case 'icc':
        return this.flate(dict, stripIcc(this.decodeAll(s), this.what));
      case 'cmap':
        return this.flate(dict, stripCmapComments(this.decodeAll(s)));
      case 'data':
        return this.flate(dict, this.decodeAll(s));
      case 'image':
        return this.image(s, dict);
    }
  }

  /** Image samples: general filters decoded; a JPEG stripped; other codecs checked or refused. */
  private image(s: PdfStream, dict: Map<string, PdfValue>): PdfStream {
    this.images += 1;
    const { data, rest } = this.decode(s);
    if (rest.length === 0) return this.flate(dict, data);
    if (rest.length > 1)
      this.fail(`contains an image encoded with ${rest.map((l) => l.name).join(', ')}`);
    const codec = rest[0]!;
    switch (codec.name) {
      case 'DCTDecode': {
        const label = `An image inside ${this.what.replace(/^The /, 'the ')}`;
        const jpeg = asBuffer(stripJpeg(data, { keepOrientation: false, what: label }).output);
        dict.set('Filter', new PdfName('DCTDecode'));
        const transform = codec.parms?.get('ColorTransform');
        if (typeof transform === 'number')
          dict.set('DecodeParms', new PdfDict(new Map([['ColorTransform', transform]])));
        else dict.delete('DecodeParms');
        return new PdfStream(new PdfDict(dict), jpeg);
      }
      case 'CCITTFaxDecode': {
        dict.set('Filter', new PdfName('CCITTFaxDecode'));
        const p = codec.parms ? this.ccittParms(codec.parms) : undefined;
        if (p) dict.set('DecodeParms', p);
        else dict.delete('DecodeParms');
        return new PdfStream(new PdfDict(dict), data);
      }
      case 'JBIG2Decode': {
        checkJbig2(data, this.what);
        dict.set('Filter', new PdfName('JBIG2Decode'));
        dict.delete('DecodeParms');
        const globals = codec.parms?.get('JBIG2Globals');
        if (globals instanceof PdfRef) {
          const g = this.doc.get(globals);
          if (!(g instanceof PdfStream)) this.damaged('JBIG2 globals are not a stream');
          checkJbig2(this.decodeAll(g), this.what);
          const ref = this.reference(globals, 'data');
          if (ref !== DROP) dict.set('DecodeParms', new PdfDict(new Map([['JBIG2Globals', ref]])));
        }
        return new PdfStream(new PdfDict(dict), data);
      }
      case 'JPXDecode':
        return this.fail('contains a JPEG 2000 image, which can carry its own metadata');
      default:
        return this.fail(`contains an image encoded with ${codec.name}`);
    }
  }

  private ccittParms(p: PdfDict): PdfDict {
    const out = new Map<string, PdfValue>();
    for (const k of [
      'K',
      'EndOfLine',
      'EncodedByteAlign',
      'Columns',
      'Rows',
      'EndOfBlock',
      'BlackIs1',
      'DamagedRowsBeforeError',
    ]) {
      const v = p.get(k);
      if (typeof v === 'number' || typeof v === 'boolean') out.set(k, v);
    }
    return new PdfDict(out);
  }

  /** A page's /Contents: every stream decoded, joined (an operator may span two), cleaned as one. */
  private contents(v: PdfValue): Cleaned {
    const t = this.resolved(v);
    const parts: Buffer[] = [];
    const list = Array.isArray(t) ? t : [v];
    if (list.length > 10_000) this.fail('has a page with too many content streams');
    for (const x of list) {
      const s = this.resolved(x);
      if (s === null) continue;
      if (!(s instanceof PdfStream)) this.damaged('a page content entry is not a stream');
      parts.push(this.decodeAll(s), Buffer.from('\n'));
    }
    return this.add(this.flate(new Map(), this.content(Buffer.concat(parts))));
  }

  /** A content stream rewritten: known operators only, no comments, property lists and inline images cleaned. */
  content(data: Buffer): Buffer {
    const parsed = parseContent(data, this.what);
    const lines: string[] = [];
    const none = (): undefined => undefined;
    for (const op of parsed.ops) {
      if (op.kind === 'image') {
        lines.push(this.inlineImage(op.image));
        continue;
      }
      if (!OPERATORS.has(op.operator)) continue;
      let operands = op.operands;
      if ((op.operator === 'BDC' || op.operator === 'DP') && operands[1] instanceof PdfDict) {
        const props = new Map<string, PdfValue>();
        for (const [k, x] of operands[1].map) {
          if (!PROPERTY_KEYS.has(k)) continue;
          const c = this.plain(x, 0, true);
          if (c !== DROP) props.set(k, c);
        }
        operands = [operands[0]!, new PdfDict(props)];
      }
      if (operands.some((x) => !this.contentOperand(x, 0))) continue;
      lines.push([...operands.map((x) => formatValue(x, none)), op.operator].join(' '));
    }
    return Buffer.from(lines.join('\n'), 'latin1');
  }

  /** Content operands are numbers, names, strings, and arrays/dictionaries of them; never references. */
  private contentOperand(v: PdfValue, depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    if (isPlainAtom(v) || v instanceof PdfString) return true;
    if (Array.isArray(v)) return v.every((x) => this.contentOperand(x, depth + 1));
    if (v instanceof PdfDict)
      return [...v.map.values()].every((x) => this.contentOperand(x, depth + 1));
    return false;
  }

  /** An inline image rewritten like an image XObject: allowed keys only, its data hex-encoded. */
  private inlineImage(image: InlineImage): string {
    this.inlineImages += 1;
    const { data, rest } = this.decode(new PdfStream(image.dict, image.data), true);
    const keys: string[] = [];
    for (const [k, v] of image.dict.map) {
      const short = INLINE_KEYS[k];
      if (!short) continue;
      const c = this.plain(v, 0, short === 'CS');
      if (c !== DROP) keys.push(`/${short} ${formatValue(c, () => undefined)}`);
    }
    let payload = data;
    let filter = '/F /AHx';
    if (rest.length > 1)
      this.fail(`contains an inline image encoded with ${rest.map((l) => l.name).join(', ')}`);
    const codec = rest[0];
    if (codec?.name === 'DCTDecode') {
      const label = `An inline image inside ${this.what.replace(/^The /, 'the ')}`;
      payload = asBuffer(stripJpeg(data, { keepOrientation: false, what: label }).output);
      filter = '/F [/AHx /DCT]';
    } else if (codec?.name === 'CCITTFaxDecode') {
      filter = `/F [/AHx /CCF] /DP [null ${formatValue(codec.parms ? this.ccittParms(codec.parms) : null, () => undefined)}]`;
    } else if (codec) this.fail(`contains an inline image encoded with ${codec.name}`);
    // Hex data ends at ">": no reader has to guess where the image ends.
    return `BI ${keys.join(' ')} ${filter} ID ${hexEncode(payload).toString('latin1')} EI`;
  }

  /** Runs the queue: every object reached is cleaned once per role it is reached as. */
  run(rootRef: PdfRef): void {
    const root = this.reference(rootRef, 'catalog');
    if (!(root instanceof PdfRef) || root.num !== 1)
      throw invalid(`${this.what} is damaged: its document catalog is missing.`);
    for (let i = 0; i < this.queue.length; i += 1) {
      const { num, role, out } = this.queue[i]!;
      const original = this.doc.getNum(num) as PdfDict | PdfStream;
      this.objects[out - 1] = { value: this.role(original, role, 0) };
    }
  }

  get counts(): { images: number; inlineImages: number } {
    return { images: this.images, inlineImages: this.inlineImages };
  }
}

/**
 * Rewrites the PDF from its catalog down through the allow-list: only what the
 * document still references after cleaning is written, renumbered, in one
 * revision with a classic cross-reference table and a trailer holding /Size
 * and /Root alone.
 */
export function stripPdf(
  input: Uint8Array,
  what = 'The PDF',
  options: PdfStripOptions = {},
): FormatStripResult {
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
  const stripper = new PdfStripper(doc, what, options);
  stripper.run(rootRef);
  const output = writePdf(doc.version, stripper.objects, (r) => r.num);
  const kept: KeptField[] = [
    {
      key: 'pdf.version',
      label: 'PDF version',
      value: doc.version,
      reason: 'needed by PDF readers',
      code: 'readers-need',
    },
    {
      key: 'pdf.pages',
      label: 'Pages, text, fonts and images',
      reason: 'the content of the document',
      code: 'document-content',
    },
  ];
  if (options.keepAnnotationText)
    kept.push({
      key: 'pdf.annotation.text',
      label: 'Annotation text, popups and replies',
      reason: 'kept at your request (--keep-annotation-text)',
      code: 'kept-on-request',
    });
  if (options.keepAnnotationAuthors)
    kept.push({
      key: 'pdf.annotation.author',
      label: 'Annotation authors',
      reason: 'kept at your request (--keep-annotation-authors)',
      code: 'kept-on-request',
    });
  return { output, kept };
}
