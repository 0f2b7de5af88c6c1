import { asBuffer, invalid } from '../bytes';
import { verifyJpeg } from '../formats/jpeg';
import { decodeStream, filterNames, inflateBounded, InflateBudget, MAX_DECODED } from './filters';
import { PdfDict, PdfLexer, PdfRef, PdfStream, type PdfValue } from './parser';
import {
  ANNOTATION_REMOVED_KEYS,
  isAnnotation,
  isDropped,
  isPrivateKey,
  REMOVED_KEYS,
} from './rules';

/** Byte patterns of EXIF and XMP that must not appear in any decoded stream of a stripped PDF. */
const MARKERS = ['Exif\0\0', '<x:xmpmeta', '<?xpacket', 'http://ns.adobe.com/xap/1.0/'];

function fail(detail: string): never {
  throw invalid(`Vigil's check of the stripped PDF failed: ${detail}. No output was written.`);
}

function expect(buf: Buffer, pos: number, text: string): number {
  if (buf.toString('latin1', pos, pos + text.length) !== text)
    fail(`expected "${text.trim()}" at byte ${pos}`);
  return pos + text.length;
}

function checkDict(d: PdfDict, where: string): void {
  const dropped = isDropped(d);
  if (dropped) fail(`${where} is a ${dropped}`);
  for (const key of d.map.keys()) {
    if (REMOVED_KEYS.has(key) || isPrivateKey(key)) fail(`${where} still has /${key}`);
    if (key === 'XFA' || key === 'EmbeddedFiles' || key === 'JavaScript' || key === 'JS')
      fail(`${where} still has /${key}`);
  }
  if (isAnnotation(d)) {
    const widget = d.name('Subtype') === 'Widget';
    for (const key of ANNOTATION_REMOVED_KEYS)
      if (d.has(key) && !(widget && key === 'T')) fail(`${where} still has /${key}`);
  }
}

function walk(v: PdfValue, where: string, refs: PdfRef[], depth = 0): void {
  if (depth > 250) fail('objects are nested too deeply');
  if (v instanceof PdfRef) refs.push(v);
  else if (Array.isArray(v)) for (const x of v) walk(x, where, refs, depth + 1);
  else if (v instanceof PdfDict) {
    checkDict(v, where);
    for (const x of v.map.values()) walk(x, where, refs, depth + 1);
  } else if (v instanceof PdfStream) walk(v.dict, where, refs, depth + 1);
}

function checkStream(s: PdfStream, where: string, budget: InflateBudget): void {
  if (s.dict.get('Filter') instanceof PdfRef || s.dict.get('DecodeParms') instanceof PdfRef)
    fail(`${where} has an indirect filter`);
  const filters = filterNames(s.dict);
  if (filters.includes('JPXDecode')) fail(`${where} is a JPEG 2000 image`);
  const dct = filters.findIndex((f) => f === 'DCTDecode' || f === 'DCT');
  if (dct >= 0) {
    const jpeg = dct === 0 ? s.data : inflateBounded(s.data, MAX_DECODED, budget);
    verifyJpeg(jpeg, `An image inside the stripped PDF`);
    return;
  }
  const data = filters.length === 0 ? s.data : decodeStream(s, MAX_DECODED, budget);
  if (!data) return;
  for (const m of MARKERS)
    if (data.includes(m, 0, 'latin1'))
      fail(`${where} contains ${m.startsWith('Exif') ? 'EXIF' : 'XMP'} data`);
}

/**
 * Re-reads a stripped PDF strictly, in file order: header, objects numbered
 * 1…n with nothing between them, one cross-reference table, a trailer with
 * /Size and /Root only, one %%EOF at the very end. Then every object must be
 * reachable from the catalog and free of the removed keys and object kinds.
 */
export function verifyPdf(output: Uint8Array): void {
  const buf = asBuffer(output);
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

  const root = values[0];
  if (!(root instanceof PdfDict) || root.name('Type') !== 'Catalog')
    fail('object 1 is not the document catalog');
  const budget = new InflateBudget(buf.length);
  const reached = new Set<number>([1]);
  const queue = [1];
  for (let i = 0; i < queue.length; i += 1) {
    const num = queue[i]!;
    const v = values[num - 1]!;
    const refs: PdfRef[] = [];
    walk(v, `object ${num}`, refs);
    if (v instanceof PdfStream) checkStream(v, `object ${num}`, budget);
    for (const r of refs) {
      if (r.gen !== 0 || r.num < 1 || r.num > values.length)
        fail(`object ${num} refers to a missing object`);
      if (!reached.has(r.num)) {
        reached.add(r.num);
        queue.push(r.num);
      }
    }
  }
  if (reached.size !== values.length)
    fail(`${values.length - reached.size} objects are not used by the document`);
}
