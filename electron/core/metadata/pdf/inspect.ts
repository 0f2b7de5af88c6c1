import { asBuffer, formatSize } from '../bytes';
import { pdfDateToIso, type Collector } from '../collector';
import { inspectJpeg } from '../formats/jpeg';
import { inspectXmp } from '../xmp';
import { PdfDocument } from './document';
import { isVigilError } from '../../errors';
import { parseContent } from './content';
import { decodeGeneral, decodeStream, filterChain, type FilterLayer } from './filters';
import { iccTexts } from './icc';
import { PdfDict, PdfName, PdfRef, PdfStream, PdfString, pdfText, type PdfValue } from './parser';
import { isAnnotation, isDropped, ROLES } from './rules';

const MAX_VISITED = 500_000;
const MAX_IMAGES = 256;
const MAX_XMP = 32;

const INFO_KEYS: Record<
  string,
  { group: 'document' | 'people' | 'software' | 'time'; risky: boolean; label: string }
> = {
  Title: { group: 'document', risky: false, label: 'Title' },
  Author: { group: 'people', risky: true, label: 'Author' },
  Subject: { group: 'document', risky: false, label: 'Subject' },
  Keywords: { group: 'document', risky: false, label: 'Keywords' },
  Creator: { group: 'software', risky: false, label: 'Creator (application)' },
  Producer: { group: 'software', risky: false, label: 'Producer' },
  CreationDate: { group: 'time', risky: false, label: 'Creation date' },
  ModDate: { group: 'time', risky: false, label: 'Modification date' },
};

function text(v: PdfValue | undefined): string {
  if (
    v instanceof PdfString ||
    v instanceof PdfName ||
    typeof v === 'number' ||
    typeof v === 'boolean'
  )
    return pdfText(v) ?? '';
  if (v instanceof PdfRef) return `object ${v.num}`;
  if (Array.isArray(v)) return `${v.length} values`;
  if (v instanceof PdfDict) return `${v.map.size} entries`;
  return '';
}

function countOccurrences(buf: Buffer, needle: string): number {
  let n = 0;
  for (
    let i = buf.indexOf(needle, 0, 'latin1');
    i >= 0;
    i = buf.indexOf(needle, i + needle.length, 'latin1')
  )
    n += 1;
  return n;
}

function decodedOrEmpty(s: PdfStream, doc: PdfDocument): Buffer {
  try {
    const { data, rest } = decodeGeneral(
      s.data,
      filterChain(s.dict, (x) => doc.resolve(x)),
      64 << 20,
      doc.budget,
    );
    return rest.length === 0 ? data : Buffer.alloc(0);
  } catch {
    return Buffer.alloc(0);
  }
}

/** Inspects a JPEG found inside the PDF; only its risky findings are listed (its dimensions are noise). */
async function inspectPhoto(c: Collector, jpeg: Buffer, where: string, n: number): Promise<void> {
  await inspectJpeg(c, jpeg, where, `pdf.image${n}`);
  for (let k = c.fields.length - 1; k >= 0 && c.fields[k]!.key.startsWith(`pdf.image${n}`); k -= 1)
    if (c.fields[k]!.group === 'structure') c.fields.splice(k, 1);
}

/** Images and colour profiles in a stream, whatever its filter chain and however it is written. */
async function inspectStream(
  c: Collector,
  s: PdfStream,
  doc: PdfDocument,
  where: string,
  images: number,
): Promise<number> {
  if (images >= MAX_IMAGES) return images;
  const type = s.dict.name('Type');
  if (type === 'XRef' || type === 'ObjStm' || type === 'Metadata') return images;
  let decoded: { data: Buffer; rest: FilterLayer[] };
  try {
    decoded = decodeGeneral(
      s.data,
      filterChain(s.dict, (x) => doc.resolve(x)),
      64 << 20,
      doc.budget,
    );
  } catch (error) {
    if (isVigilError(error)) throw error;
    c.cannotRead(`A stream in ${where} cannot be decoded; the list below may be incomplete.`);
    return images;
  }
  const { data, rest } = decoded;
  if (rest[0]?.name === 'DCTDecode') {
    await inspectPhoto(c, data, `image in ${where}`, images + 1);
    return images + 1;
  }
  if (rest.length > 0) return images;
  if (data.length >= 132 && data.toString('latin1', 36, 40) === 'acsp') {
    try {
      for (const t of iccTexts(data))
        c.add('hidden', 'pdf.icc.text', `Colour profile text (${t.sig}, ${where})`, t.text, true);
    } catch {
      c.cannotRead(`A colour profile in ${where} is damaged; the list below may be incomplete.`);
    }
    return images;
  }
  if (
    s.dict.name('Subtype') === 'Form' ||
    s.dict.get('PatternType') === 1 ||
    !s.dict.has('Subtype')
  )
    return inspectContent(c, data, where, images);
  return images;
}

/** Inline images in a content stream (tried on every stream that may be one). */
async function inspectContent(
  c: Collector,
  data: Buffer,
  where: string,
  images: number,
): Promise<number> {
  if (!data.includes('BI', 0, 'latin1') || !data.includes('ID', 0, 'latin1')) return images;
  let ops;
  try {
    ops = parseContent(data, 'The PDF').ops;
  } catch {
    return images;
  }
  for (const op of ops) {
    if (op.kind !== 'image' || images >= MAX_IMAGES) continue;
    try {
      const { data: bytes, rest } = decodeGeneral(
        op.image.data,
        filterChain(op.image.dict, undefined, true),
        64 << 20,
      );
      if (rest[0]?.name === 'DCTDecode') {
        images += 1;
        await inspectPhoto(c, bytes, `inline image in ${where}`, images);
      }
    } catch {
      c.cannotRead(
        `An inline image in ${where} cannot be decoded; the list below may be incomplete.`,
      );
    }
  }
  return images;
}

/** Review text, popups and replies of markup annotations (the author is listed apart). */
function inspectAnnotationText(c: Collector, d: PdfDict, doc: PdfDocument): void {
  const sub = d.name('Subtype') ?? 'annotation';
  if (sub === 'Widget' || sub === 'Link') return;
  const label = d.has('IRT') ? `Reply to an annotation (${sub})` : `Annotation text (${sub})`;
  for (const k of ['Contents', 'RC', 'Subj']) {
    const v = text(doc.resolve(d.get(k)) ?? undefined);
    if (v) c.add('document', 'pdf.annotation.text', label, v, true);
  }
  if (d.has('Popup') && !d.has('Contents'))
    c.add('document', 'pdf.annotation.text', `Annotation popup (${sub})`, 'present', true);
}

/** Standard keys the stripper removes (see rules.ts for why); any other unknown key is private data. */
const STANDARD_REMOVED = new Set(
  (
    'StructTreeRoot Perms Legal Requirements Collection DSS AF SpiderInfo Threads Extensions ' +
    'DPartRoot BoxColorInfo B PZ SeparationInfo VP TemplateInstantiated PresSteps ID DPart ' +
    'Encoding ToUnicode'
  ).split(' '),
);

/** Keys the allow-list does not know, on the dictionaries whose role is certain. */
function privateKeys(c: Collector, d: PdfDict, where: string): void {
  const role = ({ Catalog: 'catalog', Pages: 'pages', Page: 'page', Font: 'font' } as const)[
    (d.name('Type') ?? '') as 'Catalog'
  ];
  if (!role) return;
  for (const key of d.map.keys()) {
    if (ROLES[role].keys[key] || key.startsWith('PTEX.')) continue;
    if (['Metadata', 'PieceInfo', 'LastModified', 'Thumb', 'OPI', 'AA', 'Info'].includes(key))
      continue;
    if (STANDARD_REMOVED.has(key))
      c.add(
        'other',
        `pdf.${key}`,
        `${key} (${where}; removed when stripping)`,
        text(d.get(key)),
        false,
      );
    else
      c.add('hidden', 'pdf.private', `Private data (/${key} in ${where})`, text(d.get(key)), true);
  }
}

/** Lists what a PDF carries: the Info dictionary, XMP, revisions, IDs, embedded files, scripts, annotation authors, photo EXIF. */
export async function inspectPdf(c: Collector, input: Uint8Array): Promise<void> {
  const buf = asBuffer(input);
  const eofs = countOccurrences(buf, '%%EOF');
  let doc: PdfDocument;
  try {
    doc = new PdfDocument(buf);
  } catch (error) {
    c.cannotRead(`${(error as Error).message} The list below may be incomplete.`);
    if (eofs > 1)
      c.add(
        'hidden',
        'pdf.revisions',
        'Earlier versions (incremental updates)',
        `${eofs - 1} update(s) appended; earlier content may be recoverable`,
        true,
      );
    return;
  }
  c.add('structure', 'pdf.version', 'PDF version', doc.version, false);
  const revisions = Math.max(doc.sections.length, eofs);
  if (revisions > 1)
    c.add(
      'hidden',
      'pdf.revisions',
      'Earlier versions (incremental updates)',
      `${revisions - 1} update(s) appended; earlier content may be recoverable`,
      true,
    );
  if (doc.headerOffset > 0)
    c.add('hidden', 'pdf.prefix', 'Data before the PDF header', formatSize(doc.headerOffset), true);
  const lastEof = buf.lastIndexOf('%%EOF', buf.length, 'latin1');
  if (lastEof >= 0) {
    const tail = buf.subarray(lastEof + 5);
    if (tail.toString('latin1').trim().length > 0)
      c.add(
        'hidden',
        'pdf.trailing',
        'Data after the end of the document',
        formatSize(tail.length),
        true,
      );
  }
  const id = doc.trailer.get('ID');
  if (Array.isArray(id) && id[0] instanceof PdfString)
    c.add(
      'hidden',
      'pdf.ID',
      'Document ID (links versions of this file)',
      id.map((x) => (x instanceof PdfString ? x.bytes.toString('hex') : '')).join(' '),
      true,
    );
  if (doc.encrypted) {
    c.add('document', 'pdf.encrypted', 'Encryption', 'the document is encrypted', false);
    c.cannotRead('The PDF is encrypted: its metadata cannot be read, and Vigil cannot strip it.');
    return;
  }
  try {
    await walkDocument(c, doc);
  } catch (error) {
    c.cannotRead(`${(error as Error).message} The list below may be incomplete.`);
  }
}

async function walkDocument(c: Collector, doc: PdfDocument): Promise<void> {
  const info = doc.dict(doc.trailer.get('Info'));
  if (info) {
    for (const [key, value] of info.map) {
      const meta = INFO_KEYS[key];
      const v = text(doc.resolve(value) ?? undefined);
      if (key === 'Trapped') continue;
      if (meta)
        c.add(meta.group, `pdf.Info.${key}`, `${meta.label} (document information)`, v, meta.risky);
      else
        c.add(
          key.startsWith('PTEX') ? 'hidden' : 'other',
          `pdf.Info.${key}`,
          `${key} (document information)`,
          v,
          true,
        );
    }
    const created = pdfText(doc.resolve(info.get('CreationDate')) ?? undefined);
    if (created) c.setTime(pdfDateToIso(created));
  }
  const root = doc.root();
  const pages = doc.dict(root.get('Pages'));
  const count = pages?.get('Count');
  if (typeof count === 'number') c.add('structure', 'pdf.pages', 'Pages', String(count), false);

  const seen = new Set<number>();
  const queue: PdfValue[] = [root];
  let images = 0;
  let xmps = 0;
  const counts = new Map<string, number>();
  const bump = (k: string): number => {
    const n = (counts.get(k) ?? 0) + 1;
    counts.set(k, n);
    return n;
  };
  const rootMeta = doc.resolve(root.get('Metadata'));
  for (let i = 0; i < queue.length && i < MAX_VISITED; i += 1) {
    const item = queue[i]!;
    let v: PdfValue = item;
    let objNum = 0;
    if (item instanceof PdfRef) {
      if (seen.has(item.num)) continue;
      seen.add(item.num);
      objNum = item.num;
      v = doc.get(item);
    }
    if (Array.isArray(v)) {
      for (const x of v)
        if (x instanceof PdfRef || Array.isArray(x) || x instanceof PdfDict) queue.push(x);
      continue;
    }
    const d = v instanceof PdfStream ? v.dict : v instanceof PdfDict ? v : undefined;
    if (!d) continue;
    const where = objNum ? `object ${objNum}` : 'the document';
    const dropped = isDropped(v);
    if (dropped === 'embedded file' && d.name('Type') !== 'EmbeddedFile') {
      const name = text(d.get('UF') ?? d.get('F')) || 'unnamed';
      c.add('hidden', 'pdf.embeddedFile', 'Embedded file', name, true);
    } else if (dropped === 'JavaScript') {
      const js = doc.resolve(d.get('JS'));
      const code =
        js instanceof PdfStream
          ? (decodeStream(js, 1 << 20, doc.budget)?.toString('latin1') ?? 'script')
          : text(js ?? undefined);
      c.add('hidden', 'pdf.javascript', 'JavaScript', code || 'script', true);
    } else if (dropped === 'digital signature') {
      const who = ['Name', 'Reason', 'Location', 'ContactInfo']
        .map((k) => text(d.get(k)))
        .filter(Boolean)
        .join(', ');
      c.add('people', 'pdf.signature', 'Digital signature', who || 'present', true);
    } else if (dropped && dropped.endsWith('action')) {
      c.add('hidden', 'pdf.action', 'Action that opens files or sends data', dropped, true);
    } else if (dropped && dropped.endsWith('annotation')) {
      c.add('hidden', 'pdf.mediaAnnotation', 'Annotation carrying a file or media', dropped, true);
    }
    if (isAnnotation(d) && d.name('Subtype') !== 'Widget') {
      const author = d.get('T');
      if (author !== undefined)
        c.add(
          'people',
          'pdf.annotation.author',
          `Annotation author (${d.name('Subtype') ?? 'annotation'})`,
          text(author),
          true,
        );
      for (const k of ['M', 'CreationDate'])
        if (d.get(k) !== undefined)
          c.add(
            'time',
            `pdf.annotation.${k}`,
            k === 'M' ? 'Annotation modification date' : 'Annotation creation date',
            text(d.get(k)),
            false,
          );
    }
    for (const [key, value] of d.map) {
      if (key.startsWith('PTEX.'))
        c.add(
          'hidden',
          `pdf.${key}`,
          `TeX source information (${key})`,
          text(doc.resolve(value) ?? undefined),
          true,
        );
      else if (key === 'PieceInfo') {
        if (bump('PieceInfo') === 1)
          c.add(
            'hidden',
            'pdf.PieceInfo',
            'Private application data (PieceInfo)',
            `in ${where}`,
            true,
          );
      } else if (key === 'LastModified')
        c.add('time', 'pdf.LastModified', `Last modified (${where})`, text(value), false);
      else if (key === 'Thumb') {
        if (bump('Thumb') === 1)
          c.add(
            'hidden',
            'pdf.thumbnail',
            'Page thumbnail image',
            'may show an earlier state of the page',
            true,
          );
      } else if (key === 'OPI')
        c.add('hidden', 'pdf.OPI', 'Pre-press link (OPI) with file paths', `in ${where}`, true);
      else if (key === 'XFA')
        c.add('hidden', 'pdf.XFA', 'XFA form data', 'XML form description and data', true);
      else if (key === 'Usage')
        c.add(
          'hidden',
          'pdf.Usage',
          'Layer usage details (creator, user names)',
          `in ${where}`,
          true,
        );
      else if (key === 'Metadata' && !(d === root)) {
        const m = doc.resolve(value);
        if (m instanceof PdfStream && m !== rootMeta && xmps < MAX_XMP) {
          xmps += 1;
          const data = decodeStream(m, 16 << 20, doc.budget);
          if (data) inspectXmp(c, data, `PDF ${where}`);
          else c.add('hidden', 'pdf.objectMetadata', `XMP metadata (${where})`, 'present', true);
        }
      }
      if (value instanceof PdfRef || Array.isArray(value) || value instanceof PdfDict)
        queue.push(value);
    }
    if (isAnnotation(d)) inspectAnnotationText(c, d, doc);
    const typeName = d.name('Type');
    if (typeName === 'Page') {
      // The page's content streams read as one: an inline image may span two of them.
      const contents = doc.resolve(d.get('Contents'));
      const parts = (Array.isArray(contents) ? contents : [contents])
        .map((x) => doc.resolve(x))
        .filter((x): x is PdfStream => x instanceof PdfStream);
      const data: Buffer[] = [];
      for (const p of parts) data.push(decodedOrEmpty(p, doc), Buffer.from('\n'));
      images = await inspectContent(c, Buffer.concat(data), where, images);
    }
    privateKeys(c, d, where);
    if (v instanceof PdfStream) images = await inspectStream(c, v, doc, where, images);
  }
  if (rootMeta instanceof PdfStream) {
    const data = decodeStream(rootMeta, 16 << 20, doc.budget);
    if (data) inspectXmp(c, data, 'PDF');
    else c.add('hidden', 'pdf.Metadata', 'XMP metadata', 'present (unreadable)', true);
  }
  const names = doc.dict(root.get('Names'));
  if (names?.has('EmbeddedFiles') && !c.fields.some((f) => f.key.startsWith('pdf.embeddedFile')))
    c.add('hidden', 'pdf.embeddedFile', 'Embedded files', 'present', true);
  if (names?.has('JavaScript') && !c.fields.some((f) => f.key.startsWith('pdf.javascript')))
    c.add('hidden', 'pdf.javascript', 'JavaScript', 'present', true);

  // Objects that nothing references: leftovers of earlier edits that a reader does not show.
  const infoRef = doc.trailer.get('Info');
  if (infoRef instanceof PdfRef) seen.add(infoRef.num);
  const rootRef = doc.trailer.get('Root');
  if (rootRef instanceof PdfRef) seen.add(rootRef.num);
  let orphans = 0;
  for (const [num, entry] of doc.entries) {
    if (entry.type === 0 || seen.has(num)) continue;
    try {
      const v = doc.getNum(num);
      if (v instanceof PdfStream && ['ObjStm', 'XRef'].includes(v.dict.name('Type') ?? ''))
        continue;
      if (typeof v === 'number' || v === null) continue;
      orphans += 1;
    } catch {
      orphans += 1;
    }
    if (orphans > 100_000) break;
  }
  if (orphans > 0)
    c.add(
      'hidden',
      'pdf.orphans',
      'Unused objects',
      `${orphans} object(s) nothing refers to (often leftovers of earlier edits)`,
      true,
    );
}
