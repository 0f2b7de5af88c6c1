import { asBuffer, invalid } from '../bytes';
import { Collector } from '../collector';
import { inspectJpeg, verifyJpeg } from '../formats/jpeg';
import { OPERATORS, parseContent } from './content';
import { filterChain, inflateBounded, InflateBudget, MAX_DECODED } from './filters';
import { iccExtraTags, iccHeaderClean } from './icc';
import { checkJbig2 } from './jbig2';
import { PdfDict, PdfLexer, PdfName, PdfRef, PdfStream, PdfString, type PdfValue } from './parser';
import {
  ANNOTATION_TEXT_KEYS,
  concreteRole,
  DROPPED_ANNOTATIONS,
  KEPT_ACTIONS,
  ROLES,
  STREAM_KEYS,
  TEXT_ANNOTATIONS,
  type Kind,
  type PdfStripOptions,
  type Role,
} from './rules';

// The check of a stripped PDF, written apart from the stripper: it re-reads
// the output strictly (one revision, objects 1…n, nothing between them), then
// walks it from the catalog on its own, checking every dictionary against the
// allow-list of its role, decoding every stream, scanning every content stream
// (operators, comments, inline images), and inspecting every image with the
// JPEG reader. Anything it cannot read or does not expect fails the check.

/** Byte patterns of EXIF, XMP and IPTC that must not appear in any decoded stream. */
const MARKERS = [
  'Exif\0\0',
  '<x:xmpmeta',
  '<?xpacket',
  'http://ns.adobe.com/xap/1.0/',
  'Photoshop 3.0\0',
];
const INLINE_KEYS = new Set(['W', 'H', 'BPC', 'CS', 'IM', 'D', 'I', 'Intent', 'F', 'DP']);
const PROPERTY_KEYS = new Set(['MCID', 'ActualText', 'Alt', 'E', 'Lang']);

function fail(detail: string): never {
  throw invalid(`Vigil's check of the stripped PDF failed: ${detail}. No output was written.`);
}

function expect(buf: Buffer, pos: number, text: string): number {
  if (buf.toString('latin1', pos, pos + text.length) !== text)
    fail(`expected "${text.trim()}" at byte ${pos}`);
  return pos + text.length;
}

/** Reads the output in file order, exactly as Vigil's writer lays it out. */
function readLayout(buf: Buffer): PdfValue[] {
  const header = /^%PDF-\d\.\d\n%\xe2\xe3\xcf\xd3\n/.exec(buf.toString('latin1', 0, 16));
  if (!header) fail('the header is not the one Vigil writes');
  let pos = header[0].length;
  const values: PdfValue[] = [];
  const offsets: number[] = [];
  const lex = new PdfLexer(buf, pos, 'The stripped PDF');
  while (buf.toString('latin1', pos, pos + 4) !== 'xref') {
    offsets.push(pos);
    lex.pos = pos;
    const obj = lex.indirect(() => undefined);
    if (obj.num !== values.length + 1 || obj.gen !== 0)
      fail(`object ${values.length + 1} is out of order`);
    if (obj.value instanceof PdfStream && obj.value.dict.get('Length') !== obj.value.data.length)
      fail(`object ${obj.num} has a wrong stream length`);
    values.push(obj.value);
    pos = expect(buf, obj.end, '\n');
    if (values.length > 10_000_000) fail('too many objects');
  }
  const xrefAt = pos;
  pos = expect(buf, pos, `xref\n0 ${values.length + 1}\n0000000000 65535 f \n`);
  for (const o of offsets) pos = expect(buf, pos, `${String(o).padStart(10, '0')} 00000 n \n`);
  pos = expect(
    buf,
    pos,
    `trailer\n<</Size ${values.length + 1}/Root 1 0 R>>\nstartxref\n${xrefAt}\n%%EOF\n`,
  );
  if (pos !== buf.length) fail('data remains after the end of the file');
  if (buf.indexOf('%%EOF', 0, 'latin1') !== buf.length - 6)
    fail('it has more than one end-of-file marker');
  return values;
}

class Checker {
  private readonly reached = new Map<number, Set<Role>>();
  private readonly queue: { num: number; role: Role }[] = [];
  private readonly budget: InflateBudget;
  readonly jpegs: { data: Buffer; where: string }[] = [];

  constructor(
    private readonly values: PdfValue[],
    size: number,
    private readonly options: PdfStripOptions,
  ) {
    this.budget = new InflateBudget(size);
  }

  private ref(r: PdfRef, role: Role, where: string): void {
    if (r.gen !== 0 || r.num < 1 || r.num > this.values.length)
      fail(`${where} refers to a missing object`);
    let roles = this.reached.get(r.num);
    if (!roles) this.reached.set(r.num, (roles = new Set()));
    if (!roles.has(role)) {
      roles.add(role);
      this.queue.push({ num: r.num, role });
    }
  }

  private get(v: PdfValue): PdfValue {
    return v instanceof PdfRef && v.num >= 1 && v.num <= this.values.length
      ? this.values[v.num - 1]!
      : v;
  }

  private plain(v: PdfValue, where: string, strings: boolean, depth = 0): void {
    if (depth > 250) fail(`${where} is nested too deeply`);
    if (v === null || typeof v === 'boolean' || typeof v === 'number' || v instanceof PdfName)
      return;
    if (v instanceof PdfString && strings) return;
    if (Array.isArray(v)) {
      for (const x of v) this.plain(x, where, strings, depth + 1);
      return;
    }
    fail(
      `${where} holds ${v instanceof PdfString ? 'a string' : 'an object'} where none is allowed`,
    );
  }

  private kind(v: PdfValue, kind: Kind, where: string, depth: number): void {
    if (depth > 250) fail(`${where} is nested too deeply`);
    if (kind === 'plain' || kind === 'text') return this.plain(v, where, kind === 'text');
    if (kind === 'dest') {
      if (v instanceof PdfRef) return this.kind(v, { role: 'action' }, where, depth);
      if (v instanceof PdfDict) return this.dict(v, 'action', where, depth + 1);
      if (Array.isArray(v) && v[0] instanceof PdfRef) {
        this.ref(v[0], 'page', where);
        return this.plain(v.slice(1), where, false);
      }
      return this.plain(v, where, true);
    }
    if (kind === 'contents') {
      if (!(v instanceof PdfRef)) fail(`${where} is not one content stream`);
      return this.ref(v, 'glyph', where);
    }
    if (kind === 'colorSpace') {
      if (v instanceof PdfName) return;
      if (!Array.isArray(v) || !(v[0] instanceof PdfName))
        fail(`${where} has an unknown colour space`);
      const family = v[0].name;
      const sub: Record<string, Kind[]> = {
        ICCBased: [{ role: 'icc' }],
        Indexed: ['colorSpace', 'plain', 'text'],
        I: ['colorSpace', 'plain', 'text'],
        Separation: ['plain', 'colorSpace', { role: 'function' }],
        DeviceN: ['plain', 'colorSpace', { role: 'function' }, { role: 'deviceNAttributes' }],
        Pattern: ['colorSpace'],
        CalRGB: [{ role: 'calibrated' }],
        CalGray: [{ role: 'calibrated' }],
        Lab: [{ role: 'calibrated' }],
        DeviceGray: [],
        DeviceRGB: [],
        DeviceCMYK: [],
      };
      const kinds = sub[family];
      if (!kinds || v.length - 1 > kinds.length) fail(`${where} has an unknown colour space`);
      v.slice(1).forEach((x, i) => {
        // An Indexed lookup table may be a string or a stream.
        if ((family === 'Indexed' || family === 'I') && i === 2 && x instanceof PdfRef)
          this.ref(x, 'data', where);
        else this.kind(x, kinds[i]!, where, depth + 1);
      });
      return;
    }
    if (kind === 'appearance') {
      if (v instanceof PdfRef) return this.ref(v, 'form', where);
      return this.kind(v, { map: { role: 'form' } }, where, depth);
    }
    if ('role' in kind) {
      if (v instanceof PdfRef) {
        const t = this.get(v);
        const d = t instanceof PdfStream ? t.dict : t instanceof PdfDict ? t : undefined;
        if (!d) return this.plain(t, where, false);
        const role = concreteRole(kind.role, d);
        if (!role) fail(`${where} refers to an object that should have been removed`);
        return this.ref(v, role, where);
      }
      if (v instanceof PdfDict) {
        const role = concreteRole(kind.role, v);
        if (!role) fail(`${where} holds an object that should have been removed`);
        return this.dict(v, role, where, depth + 1);
      }
      if (v instanceof PdfStream) fail(`${where} holds a direct stream`);
      return this.plain(v, where, false);
    }
    if ('map' in kind) {
      if (!(v instanceof PdfDict)) fail(`${where} is not a dictionary`);
      for (const [k, x] of v.map) this.kind(x, kind.map, `${where}/${k}`, depth + 1);
      return;
    }
    if ('array' in kind) {
      if (!Array.isArray(v)) return this.kind(v, kind.array, where, depth + 1);
      for (const x of v) this.kind(x, Array.isArray(x) ? kind : kind.array, where, depth + 1);
      return;
    }
    if (!Array.isArray(v) || v.length % 2 !== 0) fail(`${where} is not a list of pairs`);
    for (let i = 0; i < v.length; i += 2) {
      this.plain(v[i]!, where, true);
      this.kind(v[i + 1]!, kind.pairs, where, depth + 1);
    }
  }

  private dict(d: PdfDict, role: Role, where: string, depth: number, stream = false): void {
    const spec = ROLES[role];
    const sub = d.name('Subtype') ?? '';
    if (role === 'annot') {
      if (DROPPED_ANNOTATIONS.has(sub)) fail(`${where} is a ${sub} annotation`);
      if (!this.options.keepAnnotationText && (TEXT_ANNOTATIONS.has(sub) || d.has('IRT')))
        fail(`${where} is a review-text annotation`);
    }
    if (role === 'action' && !KEPT_ACTIONS.has(d.name('S') ?? ''))
      fail(`${where} is an action that is not allowed`);
    const field = role === 'annot' && (sub === 'Widget' || !d.has('Subtype') || d.has('FT'));
    for (const [key, value] of d.map) {
      if (stream && STREAM_KEYS.has(key)) continue;
      const kind = spec.keys[key];
      if (!kind) fail(`${where} (${role}) has the key /${key}, which is not allowed`);
      if (role === 'annot') {
        if (key === 'T' && !field && !this.options.keepAnnotationAuthors)
          fail(`${where} still names its author`);
        if (ANNOTATION_TEXT_KEYS.has(key) && !this.options.keepAnnotationText)
          fail(`${where} still has its review text (/${key})`);
      }
      this.kind(value, kind, `${where}/${key}`, depth + 1);
    }
  }

  private decoded(s: PdfStream, where: string, codecs: string[]): { data: Buffer; codec?: string } {
    let layers;
    try {
      layers = filterChain(s.dict);
    } catch {
      return fail(`${where} has unreadable filters`);
    }
    if (s.dict.get('Filter') instanceof PdfRef) fail(`${where} has an indirect filter`);
    if (layers.length === 0) return { data: s.data };
    if (layers.length !== 1) fail(`${where} has a chain of filters`);
    const name = layers[0]!.name;
    if (name === 'FlateDecode') {
      if (layers[0]!.parms) fail(`${where} has decoding parameters`);
      try {
        return { data: inflateBounded(s.data, MAX_DECODED, this.budget) };
      } catch {
        return fail(`${where} cannot be decompressed`);
      }
    }
    if (!codecs.includes(name)) fail(`${where} is encoded with ${name}`);
    return { data: s.data, codec: name };
  }

  private markers(data: Buffer, where: string): void {
    for (const m of MARKERS)
      if (data.includes(m, 0, 'latin1')) fail(`${where} contains ${m.replace(/\0/g, '')} data`);
  }

  private content(data: Buffer, where: string): void {
    const parsed = parseContent(data, 'The stripped PDF');
    if (parsed.comments > 0) fail(`${where} has comments in its content`);
    for (const op of parsed.ops) {
      if (op.kind === 'op') {
        if (!OPERATORS.has(op.operator))
          fail(`${where} uses the unknown operator "${op.operator}"`);
        const props = op.operands[1];
        if ((op.operator === 'BDC' || op.operator === 'DP') && props instanceof PdfDict)
          for (const k of props.map.keys())
            if (!PROPERTY_KEYS.has(k)) fail(`${where} has a marked-content property /${k}`);
        continue;
      }
      const image = op.image;
      for (const k of image.dict.map.keys())
        if (!INLINE_KEYS.has(k)) fail(`${where} has an inline image with the key /${k}`);
      const f = image.dict.get('F');
      const names = (Array.isArray(f) ? f : [f]).map((x) => (x instanceof PdfName ? x.name : '?'));
      if (names[0] !== 'AHx' || names.length > 2)
        fail(`${where} has an inline image not hex-encoded`);
      const text = image.data.toString('latin1');
      if (!/^[0-9a-f\n]*>$/.test(text)) fail(`${where} has an inline image with damaged hex data`);
      const bytes = Buffer.from(text.replace(/[\n>]/g, ''), 'hex');
      if (names[1] === 'DCT') this.jpegs.push({ data: bytes, where: `${where}, inline image` });
      else if (names[1] !== undefined && names[1] !== 'CCF')
        fail(`${where} has an inline image encoded with ${names[1]}`);
      else this.markers(bytes, `${where}, inline image`);
    }
  }

  private stream(s: PdfStream, role: Role, where: string): void {
    const kind = ROLES[role].stream;
    if (!kind) fail(`${where} is a stream where none is allowed`);
    const { data, codec } = this.decoded(
      s,
      where,
      kind === 'image' ? ['DCTDecode', 'CCITTFaxDecode', 'JBIG2Decode'] : [],
    );
    if (codec === 'DCTDecode') {
      this.jpegs.push({ data, where });
      return;
    }
    if (codec === 'JBIG2Decode') {
      checkJbig2(data, 'The stripped PDF');
      const g = s.dict.get('DecodeParms');
      if (g instanceof PdfDict) {
        for (const k of g.map.keys())
          if (k !== 'JBIG2Globals') fail(`${where} has parameter /${k}`);
        const ref = g.get('JBIG2Globals');
        if (ref instanceof PdfRef) this.ref(ref, 'data', where);
      }
      return;
    }
    if (kind === 'icc') {
      const extra = iccExtraTags(data, 'The stripped PDF');
      if (extra.length > 0) fail(`${where} is a colour profile that still has ${extra.join(', ')}`);
      if (!iccHeaderClean(data)) fail(`${where} is a colour profile whose header names its maker`);
    }
    this.markers(data, where);
    if (kind === 'content') this.content(data, where);
  }

  run(): void {
    this.ref(new PdfRef(1, 0), 'catalog', 'the trailer');
    for (let i = 0; i < this.queue.length; i += 1) {
      const { num, role } = this.queue[i]!;
      const v = this.values[num - 1]!;
      const where = `object ${num}`;
      if (v instanceof PdfStream) {
        this.dict(v.dict, role, where, 0, true);
        this.stream(v, role, where);
      } else if (v instanceof PdfDict) {
        if (ROLES[role].stream && !['shading', 'function'].includes(role))
          fail(`${where} should be a stream`);
        this.dict(v, role, where, 0);
      } else fail(`${where} is not a dictionary or stream`);
      if (num === 1 && (!(v instanceof PdfDict) || v.name('Type') !== 'Catalog'))
        fail('object 1 is not the document catalog');
    }
    if (this.reached.size !== this.values.length)
      fail(`${this.values.length - this.reached.size} objects are not used by the document`);
  }
}

/**
 * Checks a stripped PDF; throws (INVALID_INPUT, "No output was written.") when
 * anything outside the allow-list is left or anything cannot be read.
 */
export async function verifyPdf(output: Uint8Array, options: PdfStripOptions = {}): Promise<void> {
  const buf = asBuffer(output);
  const values = readLayout(buf);
  const checker = new Checker(values, buf.length, options);
  checker.run();
  // Every JPEG, in an image XObject or inline: the strict structural check, then the inspector.
  for (const { data, where } of checker.jpegs) {
    verifyJpeg(data, `An image inside the stripped PDF (${where})`);
    const c = new Collector();
    await inspectJpeg(c, data, where, 'pdf.check');
    const risky = c.fields.find((f) => f.risky || f.group !== 'structure');
    if (risky) fail(`${where} still carries ${risky.label}`);
  }
}
