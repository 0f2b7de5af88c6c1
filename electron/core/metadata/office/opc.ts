import { posix } from 'node:path';
import { invalid } from '../bytes';
import { NS } from './ns';
import { attr, childElements, parseXml, type XmlElement } from './xml';
import type { ZipPackage } from './zip';

/**
 * The Open Packaging Conventions under OOXML: content types, and the
 * relationships that tie parts together. Part names compare without case.
 */

export const REL_BASE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
export const REL_OFFICE_DOCUMENT = `${REL_BASE}officeDocument`;
export const REL_HYPERLINK = `${REL_BASE}hyperlink`;

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** The part it points to (lower case), for internal relationships. */
  part?: string;
}

export interface ContentTypes {
  defaults: Map<string, string>;
  overrides: Map<string, string>;
  root: XmlElement;
}

export function readContentTypes(pkg: ZipPackage, what: string): ContentTypes {
  const bytes = pkg.get('[Content_Types].xml');
  if (!bytes)
    throw invalid(`${what} has no [Content_Types].xml: it is not an Office Open XML file.`);
  const { root } = parseXml(bytes, `${what} ([Content_Types].xml)`);
  if (root.uri !== NS.ct || root.local !== 'Types')
    throw invalid(`${what} has a damaged [Content_Types].xml.`);
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const el of childElements(root, NS.ct)) {
    const type = attr(el, '', 'ContentType') ?? '';
    if (el.local === 'Default') defaults.set((attr(el, '', 'Extension') ?? '').toLowerCase(), type);
    else if (el.local === 'Override')
      overrides.set((attr(el, '', 'PartName') ?? '').replace(/^\//, '').toLowerCase(), type);
  }
  return { defaults, overrides, root };
}

export function contentTypeOf(types: ContentTypes, part: string): string {
  const lower = part.toLowerCase();
  const override = types.overrides.get(lower);
  if (override) return override;
  const ext = posix.extname(lower).slice(1);
  return types.defaults.get(ext) ?? '';
}

/** Where the relationships of a part live: word/document.xml → word/_rels/document.xml.rels. */
export function relsNameOf(part: string): string {
  const dir = posix.dirname(part);
  const file = posix.basename(part);
  return dir === '.' ? `_rels/${file}.rels` : `${dir}/_rels/${file}.rels`;
}

function resolveTarget(source: string, target: string): string | undefined {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // keep as written
  }
  const base = source === '' ? '' : posix.dirname(source);
  const joined = decoded.startsWith('/')
    ? decoded.slice(1)
    : posix.normalize(posix.join(base === '.' ? '' : base, decoded));
  if (joined.startsWith('..') || joined.startsWith('/')) return undefined;
  return joined.replace(/^\.\//, '').toLowerCase();
}

/** The relationships of `source` ('' for the package itself); none if it has no .rels. */
export function readRelationships(pkg: ZipPackage, source: string, what: string): Relationship[] {
  const name = source === '' ? '_rels/.rels' : relsNameOf(source);
  const bytes = findPart(pkg, name);
  if (!bytes) return [];
  const { root } = parseXml(bytes, `${what} (${name})`);
  if (root.uri !== NS.pkgRel || root.local !== 'Relationships')
    throw invalid(`${what} has a damaged relationships part (${name}).`);
  return childElements(root, NS.pkgRel, 'Relationship').map((el) => {
    const external = (attr(el, '', 'TargetMode') ?? '') === 'External';
    const target = attr(el, '', 'Target') ?? '';
    return {
      id: attr(el, '', 'Id') ?? '',
      type: attr(el, '', 'Type') ?? '',
      target,
      external,
      part: external ? undefined : resolveTarget(source, target),
    };
  });
}

/** A member by part name, compared without case as OPC requires. */
export function findPart(pkg: ZipPackage, name: string): Buffer | undefined {
  const lower = name.toLowerCase();
  return pkg.members.find((m) => m.name.toLowerCase() === lower)?.data;
}

/** The member name as written in the archive for a (lower-case) part name. */
export function memberName(pkg: ZipPackage, part: string): string | undefined {
  return pkg.members.find((m) => m.name.toLowerCase() === part)?.name;
}
