import { posix } from 'node:path';
import { invalid, unsupported } from '../bytes';
import type { Collector } from '../collector';
import type { KeptField } from '../types';
import {
  excerpt,
  inspectEmbedded,
  stripEmbedded,
  type Nested,
  type OfficeStripOptions,
} from './common';
import { inspectFileNames } from './fileNames';
import { isWebLink, NS } from './ns';
import {
  contentTypeOf,
  findPart,
  memberName,
  readContentTypes,
  readRelationships,
  REL_HYPERLINK,
  REL_OFFICE_DOCUMENT,
  relsNameOf,
  type ContentTypes,
  type Relationship,
} from './opc';
import { cleanOoxmlPart, countTrackedChanges, isIdAttribute } from './ooxmlClean';
import {
  APP_CONTENT_TYPE,
  CORE_CONTENT_TYPE,
  KEPT_XML,
  MAIN_PARTS,
  NESTED_PACKAGE_TYPES,
  REFUSED_MAIN_PARTS,
  REFUSED_PARTS,
  RELS_CONTENT_TYPE,
  REVISION_PARTS,
  type OoxmlKind,
} from './ooxmlRules';
import {
  attr,
  childElements,
  element,
  parseXml,
  serializeXml,
  textOf,
  walk,
  type XmlElement,
} from './xml';
import { writeZip, type ZipOutput, type ZipPackage } from './zip';

const NAMES: Record<OoxmlKind, string> = {
  docx: 'The Word document',
  xlsx: 'The Excel workbook',
  pptx: 'The PowerPoint presentation',
};

export interface OoxmlPackage {
  kind: OoxmlKind;
  what: string;
  main: string;
  types: ContentTypes;
}

/** Finds the main part and the kind of document; refuses macro-enabled and binary variants by name. */
export function openOoxml(pkg: ZipPackage, what = 'The Office document'): OoxmlPackage {
  const types = readContentTypes(pkg, what);
  const main = readRelationships(pkg, '', what).find(
    (r) => r.type === REL_OFFICE_DOCUMENT && !r.external,
  );
  if (!main?.part) throw invalid(`${what} has no main document part.`);
  const type = contentTypeOf(types, main.part);
  const refused = REFUSED_MAIN_PARTS[type];
  if (refused)
    throw unsupported(`This file is ${refused}; Vigil refuses documents that carry macros.`);
  const kind = MAIN_PARTS[type];
  if (!kind)
    throw unsupported(
      `${what} is an Office Open XML variant Vigil does not read (${type || 'no content type'}).`,
    );
  if (!findPart(pkg, main.part)) throw invalid(`${what} lacks its main part ${main.part}.`);
  return { kind, what: NAMES[kind], main: main.part, types };
}

/** What becomes of each part: cleaned as XML, stripped as an embedded file, or dropped. */
type Fate = 'xml' | 'embedded' | 'drop';

function fateOf(pkg: OoxmlPackage, part: string): Fate {
  const type = contentTypeOf(pkg.types, part);
  if (part === pkg.main || KEPT_XML.has(type)) return 'xml';
  if (/^(image|audio|video)\//.test(type) || NESTED_PACKAGE_TYPES.has(type)) return 'embedded';
  return 'drop';
}

interface Graph {
  /** Parts reached from the main part through relationships, in the order found. */
  reached: string[];
  rels: Map<string, Relationship[]>;
}

/** Walks the relationships from the main part; what nothing reaches is never kept. */
function relationshipGraph(zip: ZipPackage, pkg: OoxmlPackage): Graph {
  const rels = new Map<string, Relationship[]>();
  const reached: string[] = [pkg.main];
  const seen = new Set(reached);
  for (let i = 0; i < reached.length; i += 1) {
    const part = reached[i]!;
    if (fateOf(pkg, part) !== 'xml') continue;
    const list = readRelationships(zip, part, pkg.what);
    rels.set(part, list);
    for (const r of list) {
      if (r.part && !seen.has(r.part) && findPart(zip, r.part)) {
        seen.add(r.part);
        reached.push(r.part);
      }
    }
  }
  return { reached, rels };
}

function refuseCode(zip: ZipPackage, pkg: OoxmlPackage): void {
  for (const m of zip.members) {
    const type = contentTypeOf(pkg.types, m.name);
    const refused = REFUSED_PARTS[type];
    const lower = m.name.toLowerCase();
    if (
      refused ||
      lower.endsWith('vbaproject.bin') ||
      (lower.includes('/embeddings/') && lower.endsWith('.bin'))
    )
      throw unsupported(
        `${pkg.what} contains ${refused ?? 'an embedded OLE object or macros'} (${m.name}); Vigil cannot clean it, so nothing was written.`,
      );
  }
}

/** The program a user accepts or rejects tracked changes in, by kind of document. */
const EDITOR: Record<OoxmlKind, string> = {
  docx: 'your word processor',
  xlsx: 'your spreadsheet program',
  pptx: 'your presentation program',
};

function changesMessage(pkg: OoxmlPackage, changes: string): string {
  return `${pkg.what} has ${changes}. Vigil will not leave them in, and removes them only if you choose to accept them: accept or reject them in ${EDITOR[pkg.kind]} first, or strip with the option to accept tracked changes (--accept-changes).`;
}

/** A [Content_Types].xml naming exactly the parts written. */
function contentTypesXml(pkg: OoxmlPackage, parts: string[]): Buffer {
  const root = element('Types', NS.ct, { '': NS.ct });
  const defaults = new Map<string, string>([
    ['rels', RELS_CONTENT_TYPE],
    ['xml', 'application/xml'],
  ]);
  const overrides: [string, string][] = [];
  for (const part of parts) {
    if (part.endsWith('.rels')) continue;
    const type =
      part === 'docProps/core.xml'
        ? CORE_CONTENT_TYPE
        : part === 'docProps/app.xml'
          ? APP_CONTENT_TYPE
          : contentTypeOf(pkg.types, part);
    const ext = posix.extname(part).slice(1).toLowerCase();
    if (type.startsWith('image/') && !defaults.has(ext)) defaults.set(ext, type);
    else if (defaults.get(ext) !== type) overrides.push([part, type]);
  }
  for (const [ext, type] of defaults)
    root.children.push({
      ...element('Default', NS.ct),
      attrs: [
        { name: 'Extension', uri: '', local: 'Extension', value: ext },
        { name: 'ContentType', uri: '', local: 'ContentType', value: type },
      ],
    });
  for (const [part, type] of overrides)
    root.children.push({
      ...element('Override', NS.ct),
      attrs: [
        { name: 'PartName', uri: '', local: 'PartName', value: `/${part}` },
        { name: 'ContentType', uri: '', local: 'ContentType', value: type },
      ],
    });
  return serializeXml(root);
}

function relsXml(list: { id: string; type: string; target: string; external: boolean }[]): Buffer {
  const root = element('Relationships', NS.pkgRel, { '': NS.pkgRel });
  for (const r of list) {
    const attrs = [
      { name: 'Id', uri: '', local: 'Id', value: r.id },
      { name: 'Type', uri: '', local: 'Type', value: r.type },
      { name: 'Target', uri: '', local: 'Target', value: r.target },
    ];
    if (r.external)
      attrs.push({ name: 'TargetMode', uri: '', local: 'TargetMode', value: 'External' });
    root.children.push({ ...element('Relationship', NS.pkgRel), attrs });
  }
  return serializeXml(root);
}

const CORE_EMPTY = () =>
  serializeXml(
    element('cp:coreProperties', NS.cp, {
      cp: NS.cp,
      dc: NS.dc,
      dcterms: NS.dcterms,
      dcmitype: 'http://purl.org/dc/dcmitype/',
      xsi: 'http://www.w3.org/2001/XMLSchema-instance',
    }),
  );
const APP_EMPTY = () =>
  serializeXml(
    element('Properties', NS.ep, {
      '': NS.ep,
      vt: 'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes',
    }),
  );

/**
 * Rebuilds an OOXML package from an allow-list of parts: the main part and
 * the parts it needs, each XML part cleaned, each picture and embedded
 * document stripped by its own stripper; document properties emptied.
 */
export async function stripOoxml(
  zip: ZipPackage,
  nested: Nested,
  options: OfficeStripOptions,
): Promise<{ output: Buffer; kept: KeptField[] }> {
  const pkg = openOoxml(zip);
  refuseCode(zip, pkg);
  const revisions = zip.members.filter((m) => REVISION_PARTS.has(contentTypeOf(pkg.types, m.name)));
  if (revisions.length > 0 && !options.acceptChanges)
    // A shared workbook's revision log spans several parts (headers, logs, user names): its
    // changes are not counted part by part.
    throw unsupported(changesMessage(pkg, "tracked changes (a shared workbook's revision log)"));
  const graph = relationshipGraph(zip, pkg);
  const keep = new Set(graph.reached.filter((p) => fateOf(pkg, p) !== 'drop'));
  /** Lower-case part name → the member written, under its name as found. */
  const outputs = new Map<string, { name: string; data: Buffer }>();
  const keptInside: KeptField[] = [];
  for (const part of graph.reached) {
    if (!keep.has(part)) continue;
    const name = memberName(zip, part)!;
    const data = findPart(zip, part)!;
    if (fateOf(pkg, part) === 'embedded') {
      const stripped = await stripEmbedded(nested, name, data, pkg.what);
      outputs.set(part, { name, data: stripped.data });
      keptInside.push(...stripped.kept);
      continue;
    }
    const { root } = parseXml(data, `${pkg.what} (${name})`);
    const tracked = countTrackedChanges(root);
    if (tracked > 0 && !options.acceptChanges)
      throw unsupported(changesMessage(pkg, `${tracked} tracked change(s) (${name})`));
    const rels = graph.rels.get(part) ?? [];
    const kept = rels.filter((r) =>
      r.external
        ? r.type === REL_HYPERLINK && isWebLink(r.target)
        : r.part !== undefined && keep.has(r.part),
    );
    const removedIds = new Set(rels.filter((r) => !kept.includes(r)).map((r) => r.id));
    cleanOoxmlPart(root, {
      removedIds,
      acceptChanges: options.acceptChanges,
      role: contentTypeOf(pkg.types, part).endsWith('wordprocessingml.settings+xml')
        ? 'settings'
        : undefined,
    });
    outputs.set(part, { name, data: serializeXml(root) });
    if (kept.length > 0) {
      const relsName = relsNameOf(name);
      outputs.set(relsName.toLowerCase(), { name: relsName, data: relsXml(kept) });
    }
  }
  const mainName = memberName(zip, pkg.main)!;
  const packageRels = relsXml([
    { id: 'rId1', type: REL_OFFICE_DOCUMENT, target: mainName, external: false },
    {
      id: 'rId2',
      type: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
      target: 'docProps/core.xml',
      external: false,
    },
    {
      id: 'rId3',
      type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties',
      target: 'docProps/app.xml',
      external: false,
    },
  ]);
  outputs.delete('docprops/core.xml');
  outputs.delete('docprops/app.xml');
  const members = [...outputs.values()];
  const ordered: ZipOutput[] = [
    {
      name: '[Content_Types].xml',
      data: contentTypesXml(pkg, [
        ...members.map((m) => m.name),
        'docProps/core.xml',
        'docProps/app.xml',
      ]),
    },
    { name: '_rels/.rels', data: packageRels },
    { name: 'docProps/core.xml', data: CORE_EMPTY() },
    { name: 'docProps/app.xml', data: APP_EMPTY() },
    ...members,
  ];
  return {
    output: writeZip(ordered),
    kept: [
      {
        key: 'office.properties',
        label: 'Document properties (empty)',
        reason: 'Office programs expect the properties parts to exist',
        code: 'properties-expected',
      },
      ...keptInside,
    ],
  };
}

// ---- inspection -----------------------------------------------------------------------------

const CORE_FIELDS: Record<string, [Parameters<Collector['add']>[0], string, boolean]> = {
  creator: ['people', 'Author', true],
  lastModifiedBy: ['people', 'Last edited by', true],
  created: ['time', 'Created', false],
  modified: ['time', 'Modified', false],
  lastPrinted: ['time', 'Last printed', false],
  revision: ['document', 'Revision number', false],
  title: ['document', 'Title', false],
  subject: ['document', 'Subject', false],
  keywords: ['document', 'Keywords', false],
  description: ['document', 'Comments (description)', true],
  category: ['document', 'Category', false],
  contentStatus: ['document', 'Status', false],
  identifier: ['hidden', 'Identifier', true],
  language: ['document', 'Language', false],
  version: ['document', 'Version', false],
};

const APP_FIELDS: Record<string, [Parameters<Collector['add']>[0], string, boolean]> = {
  Application: ['software', 'Application', false],
  AppVersion: ['software', 'Application version', false],
  Company: ['people', 'Company', true],
  Manager: ['people', 'Manager', true],
  Template: ['hidden', 'Template', true],
  TotalTime: ['time', 'Total editing time (minutes)', false],
  HyperlinkBase: ['hidden', 'Hyperlink base', true],
};

function inspectProperties(
  c: Collector,
  zip: ZipPackage,
  pkg: OoxmlPackage,
  rels: Relationship[],
): void {
  for (const r of rels) {
    if (!r.part) continue;
    const data = findPart(zip, r.part);
    if (!data) continue;
    const type = contentTypeOf(pkg.types, r.part);
    if (
      type === CORE_CONTENT_TYPE ||
      type === APP_CONTENT_TYPE ||
      type.endsWith('custom-properties+xml')
    ) {
      const { root } = parseXml(data, `${pkg.what} (${r.part})`);
      for (const el of childElements(root)) {
        const value = textOf(el).trim();
        if (type === CORE_CONTENT_TYPE) {
          const known = CORE_FIELDS[el.local];
          const [group, label, risky] = known ?? ['other', `Property ${el.name}`, true];
          if (value) c.add(group, `office.core.${el.local}`, label, value, risky);
          if (el.local === 'created' && value) c.setTime(value);
        } else if (type === APP_CONTENT_TYPE) {
          const known = APP_FIELDS[el.local];
          if (known && value) c.add(known[0], `office.app.${el.local}`, known[1], value, known[2]);
          else if (value || childElements(el).length > 0)
            c.add(
              'document',
              `office.app.${el.local}`,
              `Statistics: ${el.local}`,
              excerpt(value || '(list)'),
              false,
            );
        } else {
          c.add(
            'document',
            `office.custom.${attr(el, '', 'name') ?? el.local}`,
            `Custom property ${attr(el, '', 'name') ?? ''}`,
            value,
            true,
          );
        }
      }
    } else if (r.type.endsWith('/thumbnail')) {
      c.add(
        'hidden',
        `office.thumbnail`,
        'Thumbnail picture',
        `${r.part}, ${data.length} bytes`,
        true,
      );
    } else if (r.part !== pkg.main) {
      c.add(
        'hidden',
        `office.package.${r.part}`,
        `Extra package part`,
        `${r.part}, ${data.length} bytes`,
        true,
      );
    }
  }
}

/** What one XML part reveals: who edited, commented and changed what, ids, paths. */
function inspectXmlPart(
  c: Collector,
  part: string,
  type: string,
  root: XmlElement,
  comments: string[],
): void {
  const short = type.replace('application/vnd.openxmlformats-officedocument.', '');
  let rsids = 0;
  let ids = 0;
  inspectFileNames(c, root, part);
  for (const el of walk(root)) {
    for (const a of el.attrs) if (isIdAttribute(a) && a.local.startsWith('rsid')) rsids += 1;
    for (const a of el.attrs)
      if (isIdAttribute(a) && !a.local.startsWith('rsid') && el.uri !== NS.w) ids += 1;
    if (el.uri === NS.w) {
      const author = attr(el, NS.w, 'author');
      if (el.local === 'comment')
        c.add(
          'people',
          `office.comment.${part}`,
          `Comment (${part})`,
          `${author ?? 'unknown'}, ${attr(el, NS.w, 'date') ?? ''}: ${excerpt(textOf(el))}`,
          true,
        );
      else if (['ins', 'del', 'moveFrom', 'moveTo'].includes(el.local) && author !== undefined)
        c.add(
          'hidden',
          `office.change.${part}`,
          `Tracked change (${el.local})`,
          `${author}, ${attr(el, NS.w, 'date') ?? ''}: ${excerpt(textOf(el))}`,
          true,
        );
      else if (el.local.endsWith('Change') && author !== undefined)
        c.add(
          'hidden',
          `office.change.${part}`,
          `Tracked formatting change`,
          `${author}, ${attr(el, NS.w, 'date') ?? ''}`,
          true,
        );
      else if (el.local === 'docVar')
        c.add(
          'hidden',
          `office.docVar`,
          `Document variable ${attr(el, NS.w, 'name') ?? ''}`,
          attr(el, NS.w, 'val') ?? '',
          true,
        );
      else if (el.local === 'rsids') rsids += childElements(el).length;
      else if (el.local === 'permStart')
        c.add(
          'people',
          `office.permission`,
          'Editing permission for',
          attr(el, NS.w, 'ed') ?? attr(el, NS.w, 'edGrp') ?? '',
          true,
        );
      else if (el.local === 'dataBinding' || el.local === 'customXml')
        c.add('hidden', `office.customXml.binding`, 'Custom XML markup or binding', part, true);
    } else if ((el.uri === NS.w14 || el.uri === NS.w15) && el.local === 'docId') {
      c.add('hidden', `office.docId`, 'Document id', attr(el, el.uri, 'val') ?? '', true);
    } else if (el.local === 'person' && el.children.length >= 0 && /people|person/.test(type)) {
      const name = attr(el, NS.w15, 'author') ?? attr(el, '', 'displayName') ?? '';
      c.add(
        'people',
        `office.person`,
        `Person (${part})`,
        `${name} ${excerpt(textOf(el))}`.trim(),
        true,
      );
    } else if (el.uri === NS.x15ac && el.local === 'absPath') {
      c.add(
        'hidden',
        `office.absPath`,
        'Folder the workbook was saved in',
        attr(el, '', 'url') ?? '',
        true,
      );
    } else if (el.local === 'fileSharing' && el.uri === NS.s) {
      c.add('people', `office.fileSharing`, 'Reserved by', attr(el, '', 'userName') ?? '', true);
    } else if (
      el.local === 'header' &&
      attr(el, '', 'userName') !== undefined &&
      /revision/i.test(type)
    ) {
      c.add(
        'hidden',
        'office.change.revisions',
        'Tracked change (shared workbook)',
        `${attr(el, '', 'userName')}, ${attr(el, '', 'dateTime') ?? ''}`,
        true,
      );
    } else if (el.local === 'revisionPtr') {
      c.add(
        'hidden',
        `office.revisionPtr`,
        'Document revision id',
        attr(el, '', 'documentId') ?? '',
        true,
      );
    } else if (el.local === 'creationId') {
      ids += 1;
    } else if ((el.local === 'cmAuthor' || el.local === 'author') && /comment|author/i.test(type)) {
      c.add(
        'people',
        `office.commentAuthor`,
        `Comment author (${part})`,
        `${attr(el, '', 'name') ?? textOf(el)} ${attr(el, '', 'initials') ?? ''}`.trim(),
        true,
      );
    } else if (
      (el.local === 'comment' || el.local === 'cm' || el.local === 'threadedComment') &&
      /comment/i.test(type)
    ) {
      c.add(
        'people',
        `office.comment.${part}`,
        `Comment (${part})`,
        `${attr(el, '', 'authorId') ?? attr(el, '', 'personId') ?? attr(el, '', 'ref') ?? ''} ${excerpt(textOf(el))}`,
        true,
      );
    }
  }
  if (rsids > 0)
    c.add(
      'hidden',
      `office.rsid.${part}`,
      `Revision-session ids (${part})`,
      `${rsids} ids tie this document to the editing sessions that made it`,
      true,
    );
  if (ids > 0)
    c.add(
      'hidden',
      `office.ids.${part}`,
      `Object and document ids (${part})`,
      `${ids} unique ids`,
      true,
    );
  if (comments.length > 0)
    c.add(
      'hidden',
      `office.xmlComment.${part}`,
      `XML comments (${part})`,
      excerpt(comments.join(' | ')),
      true,
    );
  void short;
}

/** Lists what an OOXML document reveals, part by part. */
export async function inspectOoxml(c: Collector, zip: ZipPackage, nested: Nested): Promise<void> {
  const pkg = openOoxml(zip);
  c.add(
    'structure',
    'office.format',
    'Format',
    `${pkg.what.replace(/^The /, '')}, ${zip.members.length} parts`,
    false,
  );
  const packageRels = readRelationships(zip, '', pkg.what);
  inspectProperties(c, zip, pkg, packageRels);
  const graph = relationshipGraph(zip, pkg);
  const reached = new Set([
    ...graph.reached,
    ...packageRels.flatMap((r) => (r.part ? [r.part] : [])),
  ]);
  for (const m of zip.members) {
    const lower = m.name.toLowerCase();
    const type = contentTypeOf(pkg.types, m.name);
    if (lower === '[content_types].xml' || lower.endsWith('.rels')) continue;
    if (
      REFUSED_PARTS[type] ||
      lower.endsWith('vbaproject.bin') ||
      (lower.includes('/embeddings/') && lower.endsWith('.bin'))
    ) {
      c.add(
        'hidden',
        `office.code.${lower}`,
        REFUSED_PARTS[type] ?? 'Embedded object or macros',
        m.name,
        true,
      );
      continue;
    }
    if (!reached.has(lower)) {
      c.add(
        'hidden',
        `office.unreferenced.${lower}`,
        'Part no document part uses',
        `${m.name}, ${m.data.length} bytes`,
        true,
      );
      continue;
    }
    const fate = fateOf(pkg, lower);
    if (fate === 'embedded') {
      await inspectEmbedded(c, nested, m.name, m.data);
      continue;
    }
    if (
      type === CORE_CONTENT_TYPE ||
      type === APP_CONTENT_TYPE ||
      type.endsWith('custom-properties+xml')
    )
      continue;
    if (fate === 'drop' && !type.endsWith('+xml') && !type.endsWith('/xml')) {
      c.add(
        'hidden',
        `office.part.${lower}`,
        describeDropped(lower, type),
        `${m.name}, ${m.data.length} bytes${/printersettings/.test(lower) ? printerName(m.data) : ''}`,
        true,
      );
      continue;
    }
    let parsed;
    try {
      parsed = parseXml(m.data, `${pkg.what} (${m.name})`);
    } catch (error) {
      c.cannotRead((error as Error).message);
      continue;
    }
    if (fate === 'drop')
      c.add(
        'hidden',
        `office.part.${lower}`,
        describeDropped(lower, type),
        excerpt(`${m.name}: ${textOf(parsed.root, 400)} ${attributeValues(parsed.root)}`),
        true,
      );
    inspectXmlPart(c, m.name, type, parsed.root, parsed.comments);
  }
  for (const [part, list] of graph.rels) {
    for (const r of list) {
      if (r.external && !(r.type === REL_HYPERLINK && isWebLink(r.target)))
        c.add(
          'hidden',
          `office.link.${part}`,
          `Link to a file or another place (${r.type.split('/').pop()})`,
          r.target,
          true,
        );
      if (r.type.endsWith('/attachedTemplate'))
        c.add('hidden', 'office.attachedTemplate', 'Attached template', r.target, true);
    }
  }
  const revisions = zip.members.filter((m) => REVISION_PARTS.has(contentTypeOf(pkg.types, m.name)));
  if (revisions.length > 0)
    c.add(
      'hidden',
      'office.revisions',
      'Tracked changes (shared workbook revision log)',
      `${revisions.length} part(s)`,
      true,
    );
}

/** The values of a part's attributes (tags and ids live there), for the report. */
function attributeValues(root: XmlElement): string {
  const values: string[] = [];
  for (const el of walk(root)) {
    for (const a of el.attrs) if (!a.name.startsWith('xmlns')) values.push(a.value);
    if (values.length > 40) break;
  }
  return values.join(' ');
}

function describeDropped(part: string, type: string): string {
  if (/printersettings/.test(part)) return 'Printer settings';
  if (/customxml\//.test(part)) return 'Custom XML data';
  if (/comments|commentsextended|commentsids|threadedcomment/.test(part)) return 'Comments';
  if (/people|person/.test(part)) return 'People who edited or commented';
  if (/glossary/.test(part)) return 'Glossary document (building blocks)';
  if (/websettings/.test(part)) return 'Web settings';
  if (/thumbnail/.test(part)) return 'Thumbnail picture';
  if (/fonts?\//.test(part)) return 'Embedded font';
  if (/tags\//.test(part)) return 'Custom tags';
  return `Part ${type ? `of type ${type.replace('application/vnd.openxmlformats-officedocument.', '')}` : 'of unknown type'}`;
}

/** A Windows DEVMODE starts with the printer's name in UTF-16. */
function printerName(data: Buffer): string {
  if (data.length < 64) return '';
  const name = data.subarray(0, 64).toString('utf16le').replace(/\0.*$/s, '');
  return /^[\x20-\x7e\u00a0-\uffff]{2,}$/.test(name) ? ` (printer "${name}")` : '';
}
