import { PdfDict, PdfName, PdfStream, type PdfValue } from './parser';

// What a stripped PDF may keep: an allow-list of dictionary keys per kind of
// object (its role), from ISO 32000-1 (PDF 1.7) and ISO 32000-2. The stripper
// rewrites the document from its catalog through these roles only; every key
// not listed here goes, whatever it holds, and so does every object reachable
// only through such a key (old revisions, the Info dictionary, orphans…). The
// verifier checks the output against the same lists with its own walk.
//
// Kept on purpose (needed to show the document): the page tree and pages with
// their boxes and content, resources (fonts, images, forms, patterns, shadings,
// colour spaces, graphics states, optional content), annotations' geometry and
// appearance, form fields and their values, links and outlines, page labels,
// viewer preferences and output intents.
// Removed (and why): document information and XMP (/Info, /Metadata: authors,
// tools, dates), /PieceInfo and /LastModified (private application data and
// edit times), /Thumb (thumbnails may show an earlier state of a page), /ID
// (links versions of a file), web-capture data (/SpiderInfo, page /ID), /OPI
// (pre-press file paths), embedded files, scripts and actions other than
// GoTo/URI/Named (/AA, /JS, /Launch…), signatures (/Perms, /DSS, /Sig),
// /StructTreeRoot (the tagged-structure tree holds titles, alternate texts and
// attributes that applications fill with names; the visible text stays in the
// content), alternate images (/Alternates), /AF associated files, /Usage and
// /Creator of layers (creator and user names), halftones (/HT: printer
// programs), reference XObjects (/Ref: links to other files), and any key an
// application invented (private keys such as /PTEX.FileName).

/** How the value of a kept key is cleaned. */
export type Kind =
  /** Numbers, names, booleans, null and arrays of them; strings and dictionaries go. */
  | 'plain'
  /** A text string, or plain values. */
  | 'text'
  /** A destination: an array starting with a page (or a page number), a name or a string. */
  | 'dest'
  /** A colour space: a name or an array whose members have their own kinds (8.6). */
  | 'colorSpace'
  /** An appearance entry: a form XObject or a dictionary of them by state (12.5.5). */
  | 'appearance'
  /** A page's /Contents: one stream or an array of streams, read as one content stream. */
  | 'contents'
  | { role: Role }
  /** An array alternating keys (numbers or strings) and values of a kind (name and number trees). */
  | { pairs: Kind }
  /** A dictionary from names the file chooses (resource names…) to values of a kind. */
  | { map: Kind }
  /** An array of values of a kind (a single value is accepted too). */
  | { array: Kind };

/** What a role's stream data is and how it is cleaned. */
export type StreamKind =
  /** Content streams: operators checked, comments dropped, inline images cleaned. */
  | 'content'
  /** Image samples: a JPEG loses its metadata segments, other codecs are checked or refused. */
  | 'image'
  /** ICC profiles: colour tags only. */
  | 'icc'
  /** PostScript-like text (CMaps): comments dropped. */
  | 'cmap'
  /** Binary data needed as it is (font programs, sampled functions, lookup tables). */
  | 'data';

export interface RoleSpec {
  keys: Record<string, Kind>;
  /** Set when objects of this role are streams; a stream reached as a role without it is dropped. */
  stream?: StreamKind;
  /** Set when objects of this role must be dictionaries (a stream there is dropped). */
  dictOnly?: boolean;
}

const r = (role: Role): Kind => ({ role });
const map = (k: Kind): Kind => ({ map: k });
const arr = (k: Kind): Kind => ({ array: k });
const plain = (names: string): Record<string, Kind> =>
  Object.fromEntries(names.split(' ').map((n) => [n, 'plain']));
const text = (names: string): Record<string, Kind> =>
  Object.fromEntries(names.split(' ').map((n) => [n, 'text']));

/** Keys every stream may carry: its length and filters are rewritten by the writer. */
export const STREAM_KEYS = new Set(['Length', 'Filter', 'DecodeParms']);

export type Role =
  | 'catalog'
  | 'pageNode'
  | 'pages'
  | 'page'
  | 'resources'
  | 'xobject'
  | 'image'
  | 'form'
  | 'group'
  | 'extGState'
  | 'softMask'
  | 'font'
  | 'fontDescriptor'
  | 'fontFile'
  | 'encoding'
  | 'cidSystemInfo'
  | 'cmap'
  | 'glyph'
  | 'pattern'
  | 'tilingPattern'
  | 'shadingPattern'
  | 'shading'
  | 'function'
  | 'icc'
  | 'data'
  | 'calibrated'
  | 'deviceNAttributes'
  | 'properties'
  | 'ocg'
  | 'ocmd'
  | 'ocProperties'
  | 'ocConfig'
  | 'propertyList'
  | 'annot'
  | 'appearanceCharacteristics'
  | 'borderStyle'
  | 'action'
  | 'acroForm'
  | 'outlines'
  | 'outlineItem'
  | 'nameDictionary'
  | 'destTree'
  | 'numberTree'
  | 'pageLabel'
  | 'viewerPreferences'
  | 'markInfo'
  | 'outputIntent'
  | 'transition'
  | 'appearanceDictionary';

/** The inheritable page attributes (7.7.3.4), allowed on page-tree nodes too. */
const INHERITED: Record<string, Kind> = {
  Resources: r('resources'),
  ...plain('MediaBox CropBox Rotate'),
};
const CONTENT_OWNER: Record<string, Kind> = { Resources: r('resources') };

export const ROLES: Record<Role, RoleSpec> = {
  // 7.7.2: Metadata, Info-like and application keys (PieceInfo, Perms, Legal, AA, AF, DSS…) are not listed.
  catalog: {
    keys: {
      ...plain('Type Version PageLayout PageMode NeedsRendering'),
      Pages: r('pages'),
      PageLabels: r('numberTree'),
      Names: r('nameDictionary'),
      Dests: map('dest'),
      ViewerPreferences: r('viewerPreferences'),
      Outlines: r('outlines'),
      OpenAction: 'dest',
      URI: r('action'),
      AcroForm: r('acroForm'),
      MarkInfo: r('markInfo'),
      Lang: 'text',
      OutputIntents: arr(r('outputIntent')),
      OCProperties: r('ocProperties'),
    },
    dictOnly: true,
  },
  // Resolved to pages or page by /Type (7.7.3).
  pageNode: { keys: {}, dictOnly: true },
  pages: {
    keys: { ...plain('Type Count'), Kids: arr(r('pageNode')), Parent: r('pages'), ...INHERITED },
    dictOnly: true,
  },
  // 7.7.3.3: LastModified, Thumb, B, ID, PZ, SeparationInfo, PieceInfo, Metadata, AA, VP, AF, DPart are not listed.
  page: {
    keys: {
      ...plain('Type BleedBox TrimBox ArtBox StructParents Tabs UserUnit Dur'),
      Parent: r('pages'),
      Contents: 'contents',
      Group: r('group'),
      Annots: arr(r('annot')),
      Trans: r('transition'),
      OutputIntents: arr(r('outputIntent')),
      ...INHERITED,
    },
    dictOnly: true,
  },
  // 7.8.3
  resources: {
    keys: {
      ExtGState: map(r('extGState')),
      ColorSpace: map('colorSpace'),
      Pattern: map(r('pattern')),
      Shading: map(r('shading')),
      XObject: map(r('xobject')),
      Font: map(r('font')),
      ProcSet: 'plain',
      Properties: map(r('properties')),
    },
    dictOnly: true,
  },
  // Resolved to image or form by /Subtype; PostScript XObjects go.
  xobject: { keys: {} },
  // 8.9.5: Metadata, OPI, ID, Alternates, Measure, PtData, AF are not listed.
  image: {
    keys: {
      ...plain(
        'Type Subtype Width Height BitsPerComponent Intent ImageMask Decode Interpolate SMaskInData Name StructParent Matte',
      ),
      ColorSpace: 'colorSpace',
      Mask: r('image'),
      SMask: r('image'),
      OC: r('properties'),
    },
    stream: 'image',
  },
  // 8.10.2: Metadata, PieceInfo, LastModified, OPI, Ref, Measure, PtData, AF are not listed.
  form: {
    keys: {
      ...plain('Type Subtype FormType BBox Matrix StructParent StructParents Name'),
      Group: r('group'),
      OC: r('properties'),
      ...CONTENT_OWNER,
    },
    stream: 'content',
  },
  // 11.6.6
  group: { keys: { ...plain('Type S I K'), CS: 'colorSpace' }, dictOnly: true },
  // 8.4.5: HT (halftones) and UseBlackPtComp extensions are not listed.
  extGState: {
    keys: {
      ...plain('Type LW LC LJ ML D RI OP op OPM FL SM SA BM CA ca AIS TK'),
      Font: arr(r('font')),
      BG: r('function'),
      BG2: r('function'),
      UCR: r('function'),
      UCR2: r('function'),
      TR: arr(r('function')),
      TR2: arr(r('function')),
      SMask: r('softMask'),
    },
    dictOnly: true,
  },
  // 11.6.5.2
  softMask: {
    keys: { ...plain('Type S BC'), G: r('form'), TR: r('function') },
    dictOnly: true,
  },
  // 9.6–9.7
  font: {
    keys: {
      ...plain('Type Subtype FirstChar LastChar Widths DW W DW2 W2 FontBBox FontMatrix Name'),
      BaseFont: 'plain',
      FontDescriptor: r('fontDescriptor'),
      Encoding: r('encoding'),
      ToUnicode: r('cmap'),
      DescendantFonts: arr(r('font')),
      CIDSystemInfo: r('cidSystemInfo'),
      CIDToGIDMap: r('data'),
      CharProcs: map(r('glyph')),
      ...CONTENT_OWNER,
    },
    dictOnly: true,
  },
  // 9.8
  fontDescriptor: {
    keys: {
      ...plain(
        'Type FontName FontStretch FontWeight Flags FontBBox ItalicAngle Ascent Descent Leading CapHeight XHeight StemV StemH AvgWidth MaxWidth MissingWidth',
      ),
      ...text('FontFamily CharSet Lang'),
      FontFile: r('fontFile'),
      FontFile2: r('fontFile'),
      FontFile3: r('fontFile'),
      CIDSet: r('data'),
      Style: 'plain',
      FD: map(r('fontDescriptor')),
    },
    dictOnly: true,
  },
  fontFile: { keys: plain('Length1 Length2 Length3 Subtype'), stream: 'data' },
  // 9.6.6.1: an encoding is a name or a dictionary.
  encoding: { keys: plain('Type BaseEncoding Differences'), dictOnly: true },
  cidSystemInfo: { keys: text('Registry Ordering Supplement'), dictOnly: true },
  // 9.10.3, 9.7.5
  cmap: {
    keys: {
      ...plain('Type CMapName WMode'),
      CIDSystemInfo: r('cidSystemInfo'),
      UseCMap: r('cmap'),
    },
    stream: 'cmap',
  },
  glyph: { keys: {}, stream: 'content' },
  // Resolved to tiling or shading by /PatternType.
  pattern: { keys: {} },
  // 8.7.3.1
  tilingPattern: {
    keys: {
      ...plain('Type PatternType PaintType TilingType BBox XStep YStep Matrix'),
      ...CONTENT_OWNER,
    },
    stream: 'content',
  },
  // 8.7.4.2
  shadingPattern: {
    keys: {
      ...plain('Type PatternType Matrix'),
      Shading: r('shading'),
      ExtGState: r('extGState'),
    },
    dictOnly: true,
  },
  // 8.7.4.3
  shading: {
    keys: {
      ...plain(
        'ShadingType Background BBox AntiAlias Coords Domain Extend Matrix BitsPerCoordinate BitsPerComponent BitsPerFlag Decode VerticesPerRow',
      ),
      ColorSpace: 'colorSpace',
      Function: arr(r('function')),
    },
    stream: 'data',
  },
  // 7.10
  function: {
    keys: {
      ...plain('FunctionType Domain Range Size BitsPerSample Order Encode Decode C0 C1 N Bounds'),
      Functions: arr(r('function')),
    },
    stream: 'data',
  },
  // 8.6.5.5: the profile itself is rewritten (icc.ts); Metadata is not listed.
  icc: { keys: { ...plain('N Range'), Alternate: 'colorSpace' }, stream: 'icc' },
  data: { keys: {}, stream: 'data' },
  // 8.6.5.2–8.6.5.4
  calibrated: { keys: plain('WhitePoint BlackPoint Gamma Matrix Range'), dictOnly: true },
  // 8.6.6.5: MixingHints are not listed.
  deviceNAttributes: {
    keys: { ...plain('Subtype'), Colorants: map('colorSpace'), Process: 'plain' },
    dictOnly: true,
  },
  // Resolved by /Type: OCG, OCMD or a marked-content property list.
  properties: { keys: {}, dictOnly: true },
  // 8.11.2.1: Usage (creator and user names) is not listed.
  ocg: { keys: { ...plain('Type Intent'), Name: 'text' }, dictOnly: true },
  ocmd: { keys: { ...plain('Type P VE'), OCGs: arr(r('ocg')) }, dictOnly: true },
  // 8.11.4.2
  ocProperties: {
    keys: { OCGs: arr(r('ocg')), D: r('ocConfig'), Configs: arr(r('ocConfig')) },
    dictOnly: true,
  },
  // 8.11.4.3: Creator and AS (usage application) are not listed.
  ocConfig: {
    keys: {
      ...plain('BaseState Intent ListMode'),
      Name: 'text',
      ON: arr(r('ocg')),
      OFF: arr(r('ocg')),
      Order: arr(r('ocg')),
      RBGroups: arr(r('ocg')),
      Locked: arr(r('ocg')),
    },
    dictOnly: true,
  },
  // 14.6.2 and 14.9: marked-content properties a reader uses.
  propertyList: { keys: { ...plain('MCID'), ...text('ActualText Alt E Lang') }, dictOnly: true },
  // 12.5: /T, /Contents, /RC, /Subj, /Popup, /IRT are decided by the stripper's annotation options.
  annot: {
    keys: {
      ...plain(
        'Type Subtype Rect F AS Border C StructParent BE IC LE L QuadPoints InkList Vertices H Q RD CL IT LL LLE LLO Cap CP CO Open Name Ff FT MaxLen TI I Rotate',
      ),
      ...text('T Contents RC Subj RT State StateModel DA DS Opt V DV TU TM'),
      P: r('page'),
      AP: r('appearanceDictionary'),
      MK: r('appearanceCharacteristics'),
      BS: r('borderStyle'),
      OC: r('properties'),
      Dest: 'dest',
      A: r('action'),
      Popup: r('annot'),
      IRT: r('annot'),
      Parent: r('annot'),
      Kids: arr(r('annot')),
    },
    dictOnly: true,
  },
  appearanceCharacteristics: {
    keys: {
      ...plain('R BC BG TP'),
      ...text('CA RC AC'),
      I: r('form'),
      RI: r('form'),
      IX: r('form'),
      IF: 'plain',
    },
    dictOnly: true,
  },
  borderStyle: { keys: plain('Type W S D'), dictOnly: true },
  // 12.6: only actions that move within the document or open a link stay.
  action: {
    keys: { ...plain('Type S N'), D: 'dest', ...text('URI'), Next: arr(r('action')) },
    dictOnly: true,
  },
  // 12.7.2: XFA, SigFlags are not listed.
  acroForm: {
    keys: {
      ...plain('NeedAppearances Q'),
      DA: 'text',
      Fields: arr(r('annot')),
      CO: arr(r('annot')),
      DR: r('resources'),
    },
    dictOnly: true,
  },
  // 12.3.3
  outlines: {
    keys: { ...plain('Type Count'), First: r('outlineItem'), Last: r('outlineItem') },
    dictOnly: true,
  },
  outlineItem: {
    keys: {
      ...plain('Count C F'),
      Title: 'text',
      Parent: r('outlineItem'),
      Prev: r('outlineItem'),
      Next: r('outlineItem'),
      First: r('outlineItem'),
      Last: r('outlineItem'),
      Dest: 'dest',
      A: r('action'),
    },
    dictOnly: true,
  },
  // 7.7.4: only named destinations; embedded files, scripts, templates and the rest go.
  nameDictionary: { keys: { Dests: r('destTree') }, dictOnly: true },
  destTree: {
    keys: { Kids: arr(r('destTree')), Names: { pairs: 'dest' }, Limits: 'text' },
    dictOnly: true,
  },
  // 7.9.7, 12.4.2
  numberTree: {
    keys: { Kids: arr(r('numberTree')), Nums: { pairs: r('pageLabel') }, Limits: 'plain' },
    dictOnly: true,
  },
  pageLabel: { keys: { ...plain('Type S St'), P: 'text' }, dictOnly: true },
  viewerPreferences: {
    keys: plain(
      'HideToolbar HideMenubar HideWindowUI FitWindow CenterWindow DisplayDocTitle NonFullScreenPageMode Direction ViewArea ViewClip PrintArea PrintClip PrintScaling Duplex PickTrayByPDFSize PrintPageRange NumCopies',
    ),
    dictOnly: true,
  },
  markInfo: { keys: plain('Marked UserProperties Suspects'), dictOnly: true },
  // 14.11.5: Info (free text about the condition) is not listed.
  outputIntent: {
    keys: {
      ...plain('Type S'),
      ...text('OutputCondition OutputConditionIdentifier RegistryName'),
      DestOutputProfile: r('icc'),
    },
    dictOnly: true,
  },
  transition: { keys: plain('Type S D Dm M Di SS B'), dictOnly: true },
  // 12.5.5: N, R, D are forms or dictionaries of forms by appearance state.
  appearanceDictionary: {
    keys: { N: 'appearance', R: 'appearance', D: 'appearance' },
    dictOnly: true,
  },
};

/** Roles whose objects may be a stream or a dictionary (7.10 functions, 8.7.4.5 shadings). */
export const STREAM_OR_DICT = new Set<Role>(['shading', 'function']);

/** Annotation keys that hold review text or link to it (popups, replies), kept only when the user asks. */
export const ANNOTATION_TEXT_KEYS = new Set([
  'Contents',
  'RC',
  'Subj',
  'Popup',
  'IRT',
  'RT',
  'State',
  'StateModel',
]);

/** Annotations whose whole purpose is review text: removed with it. */
export const TEXT_ANNOTATIONS = new Set(['Text', 'FreeText', 'Popup']);

/** Action types that stay (12.6.4): moving within the document, opening a link, a menu command. */
export const KEPT_ACTIONS = new Set(['GoTo', 'URI', 'Named']);

export interface PdfStripOptions {
  /** Keep annotations' review text, popups and replies (default: removed). */
  keepAnnotationText?: boolean;
  /** Keep annotations' authors (/T on markup annotations; default: removed). */
  keepAnnotationAuthors?: boolean;
}

/**
 * The concrete role of an object reached through a dispatching role (page
 * node, XObject, pattern, properties), or undefined when the object goes.
 */
export function concreteRole(role: Role, d: PdfDict): Role | undefined {
  switch (role) {
    case 'pageNode':
      return d.name('Type') === 'Pages' || d.has('Kids') ? 'pages' : 'page';
    case 'xobject': {
      const sub = d.name('Subtype');
      return sub === 'Image' ? 'image' : sub === 'Form' ? 'form' : undefined;
    }
    case 'pattern':
      return d.get('PatternType') === 1
        ? 'tilingPattern'
        : d.get('PatternType') === 2
          ? 'shadingPattern'
          : undefined;
    case 'properties':
      return d.name('Type') === 'OCG' ? 'ocg' : d.name('Type') === 'OCMD' ? 'ocmd' : 'propertyList';
    default:
      return role;
  }
}

// ---- Used by inspect to name what it finds ----------------------------------

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
