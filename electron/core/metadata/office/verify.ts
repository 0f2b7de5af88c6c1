import { posix } from 'node:path';
import { invalid } from '../bytes';
import { detectType } from '../detect';
import { isMedia, MP3_ENCODER_KEY } from '../media';
import { strippableInside, type Nested } from './common';
import { fileNameLeft } from './fileNames';
import { isWebLink, NS, REVISION_NAMESPACES } from './ns';
import { childElements, attr, parseXml, walk, type XmlElement } from './xml';
import { readZip, type ZipPackage } from './zip';

/**
 * The check of a cleaned office file, written apart from the strippers: it
 * reads the output afresh and refuses it if the archive is not in canonical
 * form, if any member is outside what a clean document may hold, if any XML
 * carries an id, an author, a date of an edit, a comment, a tracked change or
 * a link to a local file, or if an embedded picture or document still has
 * metadata. Anything it does not recognise fails the check.
 */

const OOXML_MEMBER =
  /^(\[Content_Types\]\.xml|_rels\/\.rels|docProps\/(core|app)\.xml|(word|xl|ppt)\/(_rels\/)?[^/]+(\.xml|\.rels)|(word|xl|ppt)\/(theme|charts|diagrams|drawings|worksheets|chartsheets|tables|pivotTables|pivotCache|slides|slideLayouts|slideMasters|notesSlides|notesMasters|handoutMasters|media|embeddings|charts\/_rels|drawings\/_rels)(\/_rels)?\/[^/]+)$/;

const OOXML_FORBIDDEN_ELEMENTS: Record<string, Set<string>> = {
  [NS.w]: new Set([
    'ins',
    'del',
    'moveFrom',
    'moveTo',
    'rPrChange',
    'pPrChange',
    'sectPrChange',
    'tblPrChange',
    'trPrChange',
    'tcPrChange',
    'tblGridChange',
    'numberingChange',
    'cellIns',
    'cellDel',
    'cellMerge',
    'commentRangeStart',
    'commentRangeEnd',
    'commentReference',
    'comment',
    'permStart',
    'permEnd',
    'customXml',
    'smartTag',
    'dataBinding',
    'docVars',
    'docVar',
    'attachedTemplate',
    'rsids',
    'rsid',
    'delText',
    'delInstrText',
    'mailMerge',
    'documentProtection',
    'writeProtection',
  ]),
  [NS.w14]: new Set(['docId']),
  [NS.w15]: new Set(['docId', 'person', 'commentEx', 'dataBinding']),
  [NS.s]: new Set(['fileSharing', 'revisionPtr']),
  [NS.x15ac]: new Set(['absPath']),
  [NS.p]: new Set(['modifyVerifier', 'cmAuthor', 'cm']),
  [NS.p14]: new Set(['creationId']),
};

/** Relationship types (their last segment) a clean document never has. */
const FORBIDDEN_RELATIONSHIPS = new Set([
  'comments',
  'commentsExtended',
  'commentsIds',
  'commentsExtensible',
  'people',
  'person',
  'threadedComment',
  'commentAuthors',
  'authors',
  'customXml',
  'customXmlProps',
  'thumbnail',
  'printerSettings',
  'vbaProject',
  'oleObject',
  'custom-properties',
  'attachedTemplate',
  'glossaryDocument',
  'webSettings',
  'revisionHeaders',
  'revisionLog',
  'usernames',
  'font',
  'tags',
  'externalLink',
  'activeX',
  'control',
  'ctrlProp',
  'queryTable',
  'connections',
]);

function forbiddenAttribute(el: XmlElement): string | undefined {
  for (const a of el.attrs) {
    if (a.uri === NS.w && (/^rsid/.test(a.local) || ['author', 'initials'].includes(a.local)))
      return a.name;
    if (a.uri === NS.w && a.local === 'date' && el.local !== 'date') return a.name;
    if (a.uri === NS.w14 && (a.local === 'paraId' || a.local === 'textId')) return a.name;
    if (REVISION_NAMESPACES.has(a.uri)) return a.name;
    if ((a.uri === NS.officeooo || a.uri === NS.loext) && /rsid/i.test(a.local)) return a.name;
    if (a.uri === NS.xlink && a.local === 'href') {
      const h = a.value.trim();
      if (
        !isWebLink(h) &&
        (/^[a-z][a-z0-9+.-]*:/i.test(h) ||
          h.startsWith('/') ||
          h.includes('\\') ||
          h.includes('..'))
      )
        return `${a.name}="${h.slice(0, 60)}"`;
    }
  }
  return undefined;
}

function checkXml(root: XmlElement, name: string, what: string): void {
  for (const el of walk(root)) {
    const bad =
      OOXML_FORBIDDEN_ELEMENTS[el.uri]?.has(el.local) ||
      REVISION_NAMESPACES.has(el.uri) ||
      ((el.uri === NS.office || el.uri === NS.officeooo) &&
        ['annotation', 'annotation-end', 'scripts', 'event-listeners'].includes(el.local)) ||
      (el.uri === NS.text &&
        ['tracked-changes', 'change', 'change-start', 'change-end'].includes(el.local)) ||
      (el.uri === NS.table && el.local === 'tracked-changes') ||
      (el.uri === NS.dc && !['title'].includes(el.local) && name !== 'docProps/core.xml');
    if (bad) throw invalid(`${what}: ${name} still holds <${el.name}>.`);
    const attribute = forbiddenAttribute(el);
    if (attribute) throw invalid(`${what}: ${name} still holds the attribute ${attribute}.`);
  }
  const file = fileNameLeft(root);
  if (file !== undefined) throw invalid(`${what}: ${name} still names a picture's file.`);
}

function checkCanonical(zip: ZipPackage, what: string): void {
  if (zip.comment || zip.folders.length > 0)
    throw invalid(`${what}: the archive has a comment or folder entries.`);
  for (const m of zip.members)
    if (m.dosDateTime !== 0x00210000 || m.host !== 0 || m.hasExtra || m.comment)
      throw invalid(`${what}: the member ${m.name} keeps a date, a host or extra fields.`);
}

async function checkEmbedded(
  nested: Nested,
  name: string,
  data: Buffer,
  what: string,
): Promise<void> {
  const { type } = detectType(data.subarray(0, 4096));
  if (!strippableInside(type))
    throw invalid(`${what}: ${name} is not a picture, clip or document Vigil can check.`);
  const report = await nested.inspect(data);
  // What a stripped file keeps by design: its structure, and an MP3's encoder frame (players need it).
  const left = report.fields.filter(
    (f) =>
      f.group !== 'structure' &&
      f.key !== MP3_ENCODER_KEY &&
      !/jfif|orientation|properties/i.test(f.key),
  );
  if (!report.readable || left.length > 0)
    throw invalid(`${what}: ${name} still carries ${left[0]?.label ?? 'what Vigil cannot read'}.`);
}

async function verifyOoxml(zip: ZipPackage, nested: Nested, what: string): Promise<void> {
  for (const m of zip.members) {
    if (!OOXML_MEMBER.test(m.name))
      throw invalid(`${what}: the member ${m.name} is not one a clean document holds.`);
    if (/\/(media|embeddings)\//.test(m.name)) {
      await checkEmbedded(nested, m.name, m.data, what);
      continue;
    }
    const { root, comments } = parseXml(m.data, `${what} (${m.name})`);
    if (comments.length > 0) throw invalid(`${what}: ${m.name} keeps XML comments.`);
    if (/^docProps\/(core|app)\.xml$/.test(m.name) && childElements(root).length > 0)
      throw invalid(`${what}: ${m.name} still holds document properties.`);
    if (m.name.endsWith('.rels')) {
      for (const r of childElements(root, NS.pkgRel, 'Relationship')) {
        const type = attr(r, '', 'Type') ?? '';
        const target = attr(r, '', 'Target') ?? '';
        if (
          attr(r, '', 'TargetMode') === 'External' &&
          !(type.endsWith('/hyperlink') && isWebLink(target))
        )
          throw invalid(`${what}: ${m.name} still links to ${target.slice(0, 80)}.`);
        if (FORBIDDEN_RELATIONSHIPS.has(type.split('/').pop() ?? ''))
          throw invalid(`${what}: ${m.name} still refers to a ${type.split('/').pop()} part.`);
      }
      continue;
    }
    checkXml(root, m.name, what);
  }
}

async function verifyOdf(zip: ZipPackage, nested: Nested, what: string): Promise<void> {
  const first = zip.members[0];
  if (first?.name !== 'mimetype') throw invalid(`${what}: the mimetype member is not first.`);
  for (const m of zip.members.slice(1)) {
    const rest = m.name.replace(/^Object [^/]+\//, '');
    // A presentation's clip keeps the path it was given (LibreOffice keeps a PPTX's ppt/media/…).
    if (
      /^(Pictures|media)\/[^/]+$/.test(rest) ||
      isMedia(detectType(m.data.subarray(0, 4096)).type)
    ) {
      await checkEmbedded(nested, m.name, m.data, what);
      continue;
    }
    if (
      !/^(content|styles)\.xml$/.test(rest) &&
      m.name !== 'meta.xml' &&
      m.name !== 'META-INF/manifest.xml'
    )
      throw invalid(`${what}: the member ${m.name} is not one a clean document holds.`);
    const { root, comments } = parseXml(m.data, `${what} (${m.name})`);
    if (comments.length > 0) throw invalid(`${what}: ${m.name} keeps XML comments.`);
    if (m.name === 'meta.xml') {
      const meta = childElements(root, NS.office, 'meta')[0];
      if (childElements(root).length !== 1 || !meta || meta.children.length > 0)
        throw invalid(`${what}: meta.xml still holds document properties.`);
      continue;
    }
    checkXml(root, m.name, what);
  }
}

/** Re-reads a cleaned office file and refuses it unless nothing outside the allow-list remains. */
export async function verifyOffice(
  output: Buffer,
  nested: Nested,
  expected: 'ooxml' | 'odf',
): Promise<void> {
  const what = "Vigil's check of the cleaned document failed";
  const zip = await readZip(output, what);
  checkCanonical(zip, what);
  if (expected === 'odf') await verifyOdf(zip, nested, what);
  else await verifyOoxml(zip, nested, what);
  void posix;
}
