import { PdfDict, PdfName, PdfStream, type PdfValue } from './parser';

// What the PDF stripper removes. PDF has no fixed set of dictionary keys, so
// this is necessarily a list of what carries metadata; the whole file is
// rewritten from the objects the document still needs, so nothing that is not
// reachable from the catalog (old revisions, the Info dictionary, orphans)
// survives either.

/** Keys removed from every dictionary. */
export const REMOVED_KEYS = new Set([
  'Metadata',
  'PieceInfo',
  'LastModified',
  'Thumb',
  'AA',
  'AF',
  'OPI',
  'Usage',
  'SpiderInfo',
]);
/** Keys removed from the document catalog. */
export const CATALOG_REMOVED_KEYS = new Set(['Perms', 'Legal', 'Collection', 'DSS']);
/** Name trees kept in the catalog's /Names; EmbeddedFiles, JavaScript and the rest go. */
export const KEPT_NAME_TREES = new Set(['Dests', 'AP', 'Pages', 'Templates']);
/** Keys removed from annotations: the author, dates and unique name. */
export const ANNOTATION_REMOVED_KEYS = new Set(['T', 'M', 'CreationDate', 'NM']);
/** Annotations that carry files or media of their own. */
export const DROPPED_ANNOTATIONS = new Set([
  'FileAttachment',
  'Sound',
  'Movie',
  'Screen',
  'RichMedia',
  '3D',
]);
/** Actions that run code, open files or send data. */
export const DROPPED_ACTIONS = new Set([
  'JavaScript',
  'Launch',
  'ImportData',
  'SubmitForm',
  'ResetForm',
  'GoToE',
  'GoToR',
  'Rendition',
  'RichMediaExecute',
  'Sound',
  'Movie',
  'GoTo3DView',
]);
/** Object types dropped wherever they are referenced. */
export const DROPPED_TYPES = new Set([
  'EmbeddedFile',
  'Filespec',
  'Metadata',
  'Sig',
  'DocTimeStamp',
  'EmbeddedFiles',
]);

const ANNOTATION_SUBTYPES = new Set([
  'Text',
  'Link',
  'FreeText',
  'Line',
  'Square',
  'Circle',
  'Polygon',
  'PolyLine',
  'Highlight',
  'Underline',
  'Squiggly',
  'StrikeOut',
  'Stamp',
  'Caret',
  'Ink',
  'Popup',
  'FileAttachment',
  'Sound',
  'Movie',
  'Widget',
  'Screen',
  'PrinterMark',
  'TrapNet',
  'Watermark',
  '3D',
  'Redact',
  'RichMedia',
  'Projection',
]);

export function dictOf(v: PdfValue | undefined): PdfDict | undefined {
  if (v instanceof PdfDict) return v;
  if (v instanceof PdfStream) return v.dict;
  return undefined;
}

export function isAnnotation(d: PdfDict): boolean {
  const type = d.name('Type');
  if (type === 'Annot') return true;
  const sub = d.name('Subtype');
  return sub !== undefined && ANNOTATION_SUBTYPES.has(sub) && d.has('Rect') && type === undefined;
}

export function isPrivateKey(key: string): boolean {
  // pdfTeX records the path of every included PDF in PTEX.* keys.
  return key.startsWith('PTEX.');
}

/**
 * Whether an object is removed outright, wherever it is referenced. Looks only
 * at the object itself, never at what it points to, so it cannot loop.
 */
export function isDropped(v: PdfValue | undefined): string | undefined {
  const d = dictOf(v);
  if (!d) return undefined;
  const type = d.name('Type');
  if (type && DROPPED_TYPES.has(type))
    return type === 'Metadata'
      ? 'metadata stream'
      : type === 'Sig' || type === 'DocTimeStamp'
        ? 'digital signature'
        : 'embedded file';
  if (d.name('Subtype') === 'XML') return 'metadata stream';
  if (d.has('EF')) return 'embedded file';
  if (d.has('JS') || d.name('S') === 'JavaScript') return 'JavaScript';
  const s = d.name('S');
  if (s && DROPPED_ACTIONS.has(s)) return `${s} action`;
  if (isAnnotation(d) && DROPPED_ANNOTATIONS.has(d.name('Subtype') ?? ''))
    return `${d.name('Subtype')} annotation`;
  if (d.has('ByteRange') && d.has('Contents') && (d.has('Filter') || d.has('SubFilter')))
    return 'digital signature';
  return undefined;
}

export function isCatalog(d: PdfDict): boolean {
  return d.name('Type') === 'Catalog';
}

export function nameValue(v: PdfValue | undefined): string | undefined {
  return v instanceof PdfName ? v.name : undefined;
}
