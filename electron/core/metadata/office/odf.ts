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
import { inspectFileNames, neutralOdfName } from './fileNames';
import { isWebLink, NS } from './ns';
import { pruneTree, rewriteTree } from './tree';
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

export type OdfKind = 'odt' | 'ods' | 'odp';

const MIMETYPES: Record<string, OdfKind> = {
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.text-template': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.spreadsheet-template': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
  'application/vnd.oasis.opendocument.presentation-template': 'odp',
};

const NAMES: Record<OdfKind, string> = {
  odt: 'The OpenDocument text',
  ods: 'The OpenDocument spreadsheet',
  odp: 'The OpenDocument presentation',
};

const SUBDOCUMENT = /^application\/vnd\.oasis\.opendocument\./;

interface OdfPackage {
  kind: OdfKind;
  what: string;
  mimetype: string;
  version: string;
  /** Manifest entries: path → media type. */
  manifest: Map<string, string>;
  /** Folders that are documents of their own (charts, formulas): "Object 1/". */
  subdocuments: string[];
}

/** The media type an ODF package names for itself, or undefined if it is not one Vigil reads. */
export function odfMimetype(zip: ZipPackage): string | undefined {
  const first = zip.members[0];
  if (first?.name !== 'mimetype') return undefined;
  return first.data.toString('latin1').trim();
}

export function openOdf(zip: ZipPackage): OdfPackage {
  const mimetype = odfMimetype(zip) ?? '';
  const kind = MIMETYPES[mimetype];
  if (!kind)
    throw unsupported(
      `This OpenDocument file is of a kind Vigil does not read (${mimetype.slice(0, 80) || 'no media type'}).`,
    );
  const what = NAMES[kind];
  const bytes = zip.get('META-INF/manifest.xml');
  if (!bytes) throw invalid(`${what} has no manifest (META-INF/manifest.xml).`);
  const { root } = parseXml(bytes, `${what} (META-INF/manifest.xml)`);
  if (root.uri !== NS.manifest || root.local !== 'manifest')
    throw invalid(`${what} has a damaged manifest.`);
  const manifest = new Map<string, string>();
  for (const entry of childElements(root, NS.manifest, 'file-entry')) {
    const path = attr(entry, NS.manifest, 'full-path') ?? '';
    if (childElements(entry, NS.manifest, 'encryption-data').length > 0)
      throw unsupported(`${what} is encrypted (saved with a password); Vigil cannot clean it.`);
    manifest.set(path, attr(entry, NS.manifest, 'media-type') ?? '');
  }
  const subdocuments = [...manifest]
    .filter(([path, type]) => path !== '/' && path.endsWith('/') && SUBDOCUMENT.test(type))
    .map(([path]) => path);
  for (const [path, type] of manifest) {
    if (
      /oleobject|x-star-ole|ms-excel|msword/i.test(type) ||
      /^ObjectReplacements\/.*OLE/i.test(path)
    )
      throw unsupported(
        `${what} contains an embedded OLE object (${path}); Vigil cannot clean it.`,
      );
  }
  return {
    kind,
    what,
    mimetype,
    version: attr(root, NS.manifest, 'version') ?? '1.2',
    manifest,
    subdocuments,
  };
}

/** Which document (the package or one of its sub-documents) a member belongs to, and its path there. */
function split(pkg: OdfPackage, name: string): { base: string; rest: string } {
  const base = pkg.subdocuments.find((d) => name.startsWith(d)) ?? '';
  return { base, rest: name.slice(base.length) };
}

type Fate = 'clean' | 'meta' | 'picture' | 'drop' | 'code';

function fateOf(pkg: OdfPackage, name: string): Fate {
  const { base, rest } = split(pkg, name);
  if (name === 'mimetype' || name === 'META-INF/manifest.xml') return 'drop';
  if (/^(Basic|Scripts|Dialogs)\//.test(rest) && base === '') return 'code';
  if (rest === 'content.xml' || rest === 'styles.xml') return 'clean';
  if (rest === 'meta.xml') return base === '' ? 'meta' : 'drop';
  if (/^(Pictures|media)\//.test(rest)) return 'picture';
  // A presentation's sound or clip: LibreOffice names its type in the manifest, wherever it lies.
  if (/^(audio|video)\/|^application\/vnd\.sun\.star\.media$/.test(pkg.manifest.get(name) ?? ''))
    return 'picture';
  return 'drop';
}

function changesMessage(what: string, n: number): string {
  return `${what} has ${n} tracked change(s). Vigil will not leave them in, and removes them only if you choose to accept them: accept or reject them in LibreOffice first, or strip with the option to accept tracked changes (--accept-changes).`;
}

const TRACKED = (el: XmlElement) =>
  (el.uri === NS.text && el.local === 'tracked-changes') ||
  (el.uri === NS.table && el.local === 'tracked-changes');

function countChanges(root: XmlElement): number {
  let n = 0;
  for (const el of walk(root)) if (TRACKED(el)) n += childElements(el).length;
  return n;
}

/** A comment: `office:annotation`, or LibreOffice's own for slides (`officeooo:annotation`). */
function isAnnotation(el: XmlElement): boolean {
  return (
    (el.uri === NS.office || el.uri === NS.officeooo) &&
    (el.local === 'annotation' || el.local === 'annotation-end')
  );
}

/** An xlink:href that points inside the package, or to a place in the document. */
function isInternal(href: string): boolean {
  const h = href.trim();
  return (
    h.startsWith('#') ||
    (!/^[a-z][a-z0-9+.-]*:/i.test(h) &&
      !h.includes('..') &&
      !h.startsWith('/') &&
      !h.includes('\\'))
  );
}

/**
 * Cleans content.xml or styles.xml in place: annotations (comments) with
 * their authors, tracked changes and their markers (accepted), LibreOffice's
 * revision-session ids, script bindings, links to local files (their text
 * stays), and replacement pictures of embedded objects.
 */
function cleanOdfPart(root: XmlElement): void {
  let images = 0;
  const nextImage = () => (images += 1);
  rewriteTree(root, (el) => {
    if (neutralOdfName(el, nextImage) === 'drop') return 'drop';
    if (
      isAnnotation(el) ||
      (el.uri === NS.office && ['scripts', 'event-listeners'].includes(el.local))
    )
      return 'drop';
    if (TRACKED(el)) return 'drop';
    if (el.uri === NS.text && ['change', 'change-start', 'change-end'].includes(el.local))
      return 'drop';
    el.attrs = el.attrs.filter(
      (a) => !((a.uri === NS.officeooo || a.uri === NS.loext) && /rsid/i.test(a.local)),
    );
    const href = attr(el, NS.xlink, 'href');
    if (href !== undefined) {
      if (/^\.?\/?ObjectReplacements\//.test(href)) return 'drop';
      if (!isWebLink(href) && !isInternal(href))
        return (el.uri === NS.text || el.uri === NS.draw) && el.local === 'a' ? 'unwrap' : 'drop';
    }
    return 'keep';
  });
  pruneTree(root, () => false);
}

function emptyMeta(pkg: OdfPackage): Buffer {
  const root = element('office:document-meta', NS.office, { office: NS.office, meta: NS.meta });
  root.attrs.push({ name: 'office:version', uri: NS.office, local: 'version', value: pkg.version });
  root.children.push(element('office:meta', NS.office));
  return serializeXml(root);
}

function manifestXml(pkg: OdfPackage, members: string[]): Buffer {
  const root = element('manifest:manifest', NS.manifest, { manifest: NS.manifest });
  root.attrs.push({
    name: 'manifest:version',
    uri: NS.manifest,
    local: 'version',
    value: pkg.version,
  });
  const entry = (path: string, type: string) => {
    const el = element('manifest:file-entry', NS.manifest);
    el.attrs.push({
      name: 'manifest:full-path',
      uri: NS.manifest,
      local: 'full-path',
      value: path,
    });
    if (path === '/')
      el.attrs.push({
        name: 'manifest:version',
        uri: NS.manifest,
        local: 'version',
        value: pkg.version,
      });
    el.attrs.push({
      name: 'manifest:media-type',
      uri: NS.manifest,
      local: 'media-type',
      value: type,
    });
    root.children.push(el);
  };
  entry('/', pkg.mimetype);
  for (const dir of pkg.subdocuments) entry(dir, pkg.manifest.get(dir)!);
  for (const name of members) {
    const type = pkg.manifest.get(name) ?? (name.endsWith('.xml') ? 'text/xml' : '');
    entry(name, type);
  }
  return serializeXml(root);
}

/** Rebuilds an ODF package from its content and styles, cleaned, its pictures stripped, its metadata emptied. */
export async function stripOdf(
  zip: ZipPackage,
  nested: Nested,
  options: OfficeStripOptions,
): Promise<{ output: Buffer; kept: KeptField[] }> {
  const pkg = openOdf(zip);
  const out: ZipOutput[] = [
    { name: 'mimetype', data: Buffer.from(pkg.mimetype, 'latin1'), store: true },
  ];
  const listed: string[] = [];
  const keptInside: KeptField[] = [];
  for (const m of zip.members) {
    const fate = fateOf(pkg, m.name);
    if (fate === 'code')
      throw unsupported(
        `${pkg.what} contains macros (${m.name}); Vigil refuses documents that carry code.`,
      );
    if (fate === 'drop') continue;
    if (fate === 'meta') out.push({ name: m.name, data: emptyMeta(pkg) });
    else if (fate === 'picture') {
      const stripped = await stripEmbedded(nested, m.name, m.data, pkg.what);
      out.push({ name: m.name, data: stripped.data });
      keptInside.push(...stripped.kept);
    } else {
      const { root } = parseXml(m.data, `${pkg.what} (${m.name})`);
      const changes = countChanges(root);
      if (changes > 0 && !options.acceptChanges)
        throw unsupported(changesMessage(pkg.what, changes));
      cleanOdfPart(root);
      out.push({ name: m.name, data: serializeXml(root) });
    }
    listed.push(m.name);
  }
  if (!listed.includes('content.xml')) throw invalid(`${pkg.what} has no content.xml.`);
  out.push({ name: 'META-INF/manifest.xml', data: manifestXml(pkg, listed) });
  return {
    output: writeZip(out),
    kept: [
      {
        key: 'office.properties',
        label: 'Document properties (empty)',
        reason: 'OpenDocument programs expect meta.xml to exist',
        code: 'properties-expected',
      },
      ...keptInside,
    ],
  };
}

// ---- inspection -----------------------------------------------------------------------------

export const META_FIELDS: Record<string, [Parameters<Collector['add']>[0], string, boolean]> = {
  'initial-creator': ['people', 'Author', true],
  creator: ['people', 'Last edited by', true],
  'printed-by': ['people', 'Last printed by', true],
  'creation-date': ['time', 'Created', false],
  date: ['time', 'Modified', false],
  'print-date': ['time', 'Last printed', false],
  'editing-duration': ['time', 'Total editing time', false],
  'editing-cycles': ['document', 'Revision number', false],
  generator: ['software', 'Application', false],
  title: ['document', 'Title', false],
  subject: ['document', 'Subject', false],
  description: ['document', 'Comments (description)', true],
  keyword: ['document', 'Keywords', false],
  language: ['document', 'Language', false],
};

function inspectMeta(c: Collector, root: XmlElement, where: string): void {
  const meta = childElements(root, NS.office, 'meta')[0];
  if (!meta) return;
  for (const el of childElements(meta)) {
    const value = textOf(el).trim();
    const key = `odf.meta${where}.${el.local}`;
    if (el.local === 'user-defined')
      c.add('document', key, `Custom property ${attr(el, NS.meta, 'name') ?? ''}`, value, true);
    else if (el.local === 'template')
      c.add(
        'hidden',
        key,
        'Template',
        `${attr(el, NS.xlink, 'title') ?? ''} ${attr(el, NS.xlink, 'href') ?? ''}`.trim(),
        true,
      );
    else if (el.local === 'document-statistic')
      c.add(
        'document',
        key,
        'Statistics',
        el.attrs.map((a) => `${a.local}=${a.value}`).join(', '),
        false,
      );
    else if (el.local === 'hyperlink-behaviour' || el.local === 'auto-reload')
      c.add('hidden', key, `Meta ${el.local}`, el.attrs.map((a) => a.value).join(' '), true);
    else {
      const known = META_FIELDS[el.local];
      const [group, label, risky] = known ?? ['other', `Meta ${el.name}`, true];
      if (value) c.add(group, key, `${label}${where}`, value, risky);
      if (el.local === 'creation-date' && where === '') c.setTime(value);
    }
  }
}

function inspectSettings(c: Collector, root: XmlElement, name: string): void {
  let items = 0;
  for (const el of walk(root)) {
    if (el.local !== 'config-item') continue;
    items += 1;
    const item = attr(el, el.uri, 'name') ?? '';
    if (item === 'PrinterName' && textOf(el).trim())
      c.add('hidden', `odf.printer.${name}`, 'Printer', textOf(el).trim(), true);
    else if (item === 'PrinterSetup' && textOf(el).trim())
      c.add(
        'hidden',
        `odf.printerSetup.${name}`,
        'Printer settings',
        `${textOf(el, 1 << 20).length} characters of printer driver data`,
        true,
      );
  }
  c.add(
    'other',
    `odf.settings.${name}`,
    `Application settings (${name})`,
    `${items} settings`,
    false,
  );
}

function inspectContent(c: Collector, root: XmlElement, name: string): void {
  let rsids = 0;
  for (const el of walk(root)) {
    for (const a of el.attrs)
      if ((a.uri === NS.officeooo || a.uri === NS.loext) && /rsid/i.test(a.local)) rsids += 1;
    if (isAnnotation(el) && el.local === 'annotation') {
      const who = textOf(childElements(el, NS.dc, 'creator')[0] ?? element('x', '')).trim();
      const when = textOf(childElements(el, NS.dc, 'date')[0] ?? element('x', '')).trim();
      const body = childElements(el)
        .filter((k) => k.uri !== NS.dc)
        .map((k) => textOf(k))
        .join(' ');
      c.add(
        'people',
        `odf.comment.${name}`,
        `Comment (${name})`,
        `${who || 'unknown'}, ${when}: ${excerpt(body)}`,
        true,
      );
    } else if (
      el.local === 'changed-region' ||
      el.local === 'cell-content-change' ||
      (el.uri === NS.table && ['insertion', 'deletion', 'movement'].includes(el.local))
    ) {
      const info = [...walk(el)].find((k) => k.uri === NS.office && k.local === 'change-info');
      const who = info
        ? textOf(childElements(info, NS.dc, 'creator')[0] ?? element('x', '')).trim()
        : '';
      const when = info
        ? textOf(childElements(info, NS.dc, 'date')[0] ?? element('x', '')).trim()
        : '';
      const kind = childElements(el)[0]?.local ?? el.local;
      const text = childElements(el)
        .flatMap((k) => childElements(k).filter((x) => x.local !== 'change-info'))
        .map((x) => textOf(x))
        .join(' ');
      c.add(
        'hidden',
        `odf.change.${name}`,
        `Tracked change (${kind})`,
        `${who || 'unknown'}, ${when}: ${excerpt(text)}`,
        true,
      );
    }
    const href = attr(el, NS.xlink, 'href');
    if (href !== undefined && !isWebLink(href) && !isInternal(href))
      c.add('hidden', `odf.link.${name}`, 'Link to a file or another place', href, true);
  }
  if (rsids > 0)
    c.add(
      'hidden',
      `odf.rsid.${name}`,
      `Revision-session ids (${name})`,
      `${rsids} ids tie this document to the editing sessions that made it`,
      true,
    );
}

/** Lists what an ODF document reveals, member by member. */
export async function inspectOdf(c: Collector, zip: ZipPackage, nested: Nested): Promise<void> {
  const pkg = openOdf(zip);
  c.add(
    'structure',
    'odf.format',
    'Format',
    `${pkg.what.replace(/^The /, '')}, ODF ${pkg.version}, ${zip.members.length} members`,
    false,
  );
  for (const m of zip.members) {
    if (m.name === 'mimetype' || m.name === 'META-INF/manifest.xml') continue;
    const { base, rest } = split(pkg, m.name);
    const where = base ? ` (${base.replace(/\/$/, '')})` : '';
    const fate = fateOf(pkg, m.name);
    if (fate === 'code') {
      c.add('hidden', `odf.code.${m.name}`, 'Macros', m.name, true);
      continue;
    }
    if (fate === 'picture') {
      await inspectEmbedded(c, nested, m.name, m.data);
      continue;
    }
    if (/^Thumbnails\//.test(rest)) {
      c.add(
        'hidden',
        `odf.thumbnail.${m.name}`,
        'Thumbnail picture',
        `${m.name}, ${m.data.length} bytes`,
        true,
      );
      continue;
    }
    const isXml = posix.extname(m.name) === '.xml';
    if (!isXml) {
      c.add(
        /^(Configurations2|ObjectReplacements)\//.test(rest) ? 'other' : 'hidden',
        `odf.member.${m.name}`,
        `Extra member ${m.name}`,
        `${m.data.length} bytes`,
        !/^(Configurations2|ObjectReplacements)\//.test(rest),
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
    if (parsed.comments.length > 0)
      c.add(
        'hidden',
        `odf.xmlComment.${m.name}`,
        `XML comments (${m.name})`,
        excerpt(parsed.comments.join(' | ')),
        true,
      );
    if (rest === 'meta.xml') inspectMeta(c, parsed.root, where);
    else if (rest === 'settings.xml') inspectSettings(c, parsed.root, m.name);
    else if (fate === 'clean') {
      inspectContent(c, parsed.root, m.name);
      inspectFileNames(c, parsed.root, m.name);
    } else
      c.add(
        'hidden',
        `odf.member.${m.name}`,
        `Extra member ${m.name}`,
        excerpt(textOf(parsed.root, 400)) || `${m.data.length} bytes`,
        true,
      );
  }
}
