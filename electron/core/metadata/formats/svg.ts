import { invalid, unsupported } from '../bytes';
import type { Collector } from '../collector';
import { detectType, mimeOf, TYPE_NAMES } from '../detect';
import {
  excerpt,
  inspectEmbedded,
  stripEmbedded,
  STRIPPABLE_PICTURES,
  type Nested,
} from '../office/common';
import { rewriteTree } from '../office/tree';
import {
  isElement,
  parseXml,
  serializeXml,
  textOf,
  walk,
  XMLNS,
  type XmlAttr,
  type XmlElement,
} from '../office/xml';
import type { FormatStripResult, KeptField, MetadataGroup } from '../types';
import { cleanDeclarations, cleanStyleSheet } from './svgCss';
import {
  CSS_COMMENT,
  cssOutsideReference,
  DRAWING_ATTRIBUTES,
  DRAWING_ELEMENTS,
  DROPPED_ELEMENTS,
  EDITOR_NAMESPACES,
  IMAGE_ELEMENTS,
  isLocalReference,
  OFFICE_THEME_CLASS,
  REFUSED_ELEMENTS,
  SVG_NS,
  TEXT_ELEMENTS,
  valueFault,
  XLINK_NS,
  XML_ATTRIBUTES,
  XML_NS,
} from './svgRules';

/**
 * SVG pictures, standalone or inside office documents: parsed as XML (no
 * entities, no DOCTYPE subset), cleaned as a tree down to the SVG drawing
 * elements and the attributes that draw, then written out afresh. Raster
 * pictures carried inside as `data:` URIs are stripped by their own
 * strippers. What would change the picture if removed (embedded HTML,
 * animation, an SVG element Vigil does not know, CSS that reaches outside the
 * file) refuses the file.
 */

interface Finding {
  group: MetadataGroup;
  key: string;
  label: string;
  value: string;
  risky: boolean;
}

/** A picture inside the SVG, as a `data:` URI in an href. */
interface InnerImage {
  attr: XmlAttr;
  bytes: Buffer;
}

interface Plan {
  findings: Finding[];
  /** Why the file cannot be cleaned without changing the picture; the first one is given. */
  refusals: string[];
  images: InnerImage[];
}

const WHAT = 'The SVG image';

/** Dublin Core: the outermost term names what its words are (dc:creator > cc:Agent > dc:title). */
const DC_NAMESPACES = new Set(['http://purl.org/dc/elements/1.1/', 'http://purl.org/dc/terms/']);

function describe(el: XmlElement): string {
  const attrs = el.attrs.map((a) => `${a.name}=${a.value}`).join(' ');
  return excerpt(`${attrs} ${textOf(el, 400)}`) || '(empty)';
}

function isHref(a: XmlAttr): boolean {
  return a.local === 'href' && (a.uri === XLINK_NS || a.uri === '');
}

/** The bytes of a `data:` URI, or undefined when it is not one Vigil can decode. */
function decodeDataUri(uri: string): Buffer | undefined {
  const m = /^\s*data:([^,]*?),(.*)$/is.exec(uri);
  if (!m) return undefined;
  const [, header = '', payload = ''] = m;
  if (/;\s*base64\s*$/i.test(header)) {
    const clean = payload.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return undefined;
    return Buffer.from(clean, 'base64');
  }
  try {
    return Buffer.from(decodeURIComponent(payload), 'utf8');
  } catch {
    return undefined;
  }
}

function namespaceGroup(uri: string): MetadataGroup {
  return EDITOR_NAMESPACES.has(uri) ? 'software' : 'hidden';
}

/**
 * Cleans the tree in place and lists what was removed and what cannot be
 * removed. Inspection runs the same plan on a copy it throws away, so the
 * report lists exactly what a strip removes.
 */
function plan(root: XmlElement): Plan {
  const findings: Finding[] = [];
  const refusals: string[] = [];
  const images: InnerImage[] = [];
  const found = (group: MetadataGroup, key: string, label: string, value: string): void => {
    findings.push({ group, key, label, value, risky: group !== 'software' });
  };
  if (root.uri !== SVG_NS || root.local !== 'svg')
    throw invalid(`${WHAT} does not start with an <svg> element in the SVG namespace.`);

  const cleanAttributes = (el: XmlElement): void => {
    el.attrs = el.attrs.filter((a) => {
      if (a.uri === XMLNS) {
        if (a.value === SVG_NS || a.value === XLINK_NS) return true;
        found(namespaceGroup(a.value), `svg.namespace.${a.local}`, `Namespace ${a.local}`, a.value);
        return false;
      }
      if (isHref(a)) return keepReference(el, a);
      const keep =
        (a.uri === '' && DRAWING_ATTRIBUTES.has(a.local)) ||
        (a.uri === XML_NS && XML_ATTRIBUTES.has(a.local));
      if (!keep) {
        const group = a.uri === '' ? 'hidden' : namespaceGroup(a.uri);
        found(group, `svg.attribute.${a.name}`, `Attribute ${a.name}`, a.value);
        return false;
      }
      // An outside reference refuses the file (removing it would change the paint); checked first.
      checkCss(a.value.replace(CSS_COMMENT, ' '), a.name);
      if (a.uri === '' && valueFault(a.local, a.value)) {
        found('hidden', 'svg.badValue', `Attribute ${a.name} that draws nothing`, a.value);
        return false;
      }
      if (a.value.includes('/*')) {
        found('hidden', 'svg.cssComment', 'CSS comment', a.value);
        a.value = a.value.replace(CSS_COMMENT, ' ');
      }
      if (a.local !== 'style') return true;
      const { text, dropped } = cleanDeclarations(a.value);
      for (const d of dropped) found('hidden', 'svg.cssProperty', 'CSS property', d);
      a.value = text;
      return text !== '';
    });
  };

  const checkCss = (css: string, where: string): void => {
    const outside = cssOutsideReference(css.replace(CSS_COMMENT, ' '));
    if (outside)
      refusals.push(
        `${WHAT} has CSS (${where}) that reaches outside the picture (${outside}), which Vigil does not clean.`,
      );
  };

  /** Whether to keep an href; an outside one is listed and removed, never fetched. */
  const keepReference = (el: XmlElement, a: XmlAttr): boolean => {
    if (isLocalReference(a.value)) return true;
    if (IMAGE_ELEMENTS.has(el.local) && /^\s*data:/i.test(a.value)) {
      const bytes = decodeDataUri(a.value);
      if (!bytes) {
        refusals.push(`${WHAT} holds a data: picture that Vigil cannot decode.`);
        return true;
      }
      images.push({ attr: a, bytes });
      return true;
    }
    found('hidden', 'svg.externalReference', 'Reference outside the picture', a.value);
    return false;
  };

  rewriteTree(root, (el, ancestors) => {
    const inText = ancestors.some((p) => p.uri === SVG_NS && p.local === 'text');
    if (el.uri !== SVG_NS) {
      found(namespaceGroup(el.uri), `svg.element.${el.name}`, `Element ${el.name}`, describe(el));
      return 'drop';
    }
    if (DROPPED_ELEMENTS.has(el.local)) {
      if (el.local === 'metadata') listMetadata(el, found);
      else if (el.local === 'title') found('document', 'svg.title', 'Title', describe(el));
      else if (el.local === 'desc') found('document', 'svg.desc', 'Description', describe(el));
      else found('hidden', 'svg.script', 'Script', describe(el));
      return 'drop';
    }
    const refused = REFUSED_ELEMENTS[el.local];
    if (refused) {
      refusals.push(`${WHAT} holds ${refused}, which Vigil does not clean.`);
      return 'keep';
    }
    if (el.local === 'a') {
      // A link draws its children with its own styling: kept as the group (or span) it is.
      const local = inText ? 'tspan' : 'g';
      el.name = el.name.includes(':')
        ? `${el.name.slice(0, el.name.indexOf(':'))}:${local}`
        : local;
      el.local = local;
      el.attrs = el.attrs.filter((a) => {
        if (!isHref(a) && a.local !== 'target') return true;
        found('hidden', 'svg.link', 'Link', a.value);
        return false;
      });
    } else if (!DRAWING_ELEMENTS.has(el.local)) {
      refusals.push(`${WHAT} holds <${el.name}>, an SVG element Vigil does not clean.`);
      return 'keep';
    }
    cleanAttributes(el);
    return 'keep';
  });
  cleanAttributes(root);

  const names = new Set(
    [...walk(root)].flatMap((el) =>
      el.attrs
        .filter((a) => a.uri === '' && (a.local === 'id' || a.local === 'class'))
        .flatMap((a) => a.value.split(/\s+/)),
    ),
  );
  for (const el of walk(root)) {
    if (el.local === 'style') {
      let css = textOf(el, Number.MAX_SAFE_INTEGER);
      checkCss(css, '<style>');
      if (css.includes('/*')) {
        found('hidden', 'svg.cssComment', 'CSS comment', css.match(CSS_COMMENT)!.join(' '));
        css = css.replace(CSS_COMMENT, ' ');
      }
      const sheet = cleanStyleSheet(css, names);
      if ('refusal' in sheet)
        refusals.push(
          `${WHAT} has a style sheet with ${sheet.refusal}, which Vigil does not clean.`,
        );
      else {
        for (const d of sheet.dropped) found('hidden', 'svg.cssProperty', 'CSS property', d);
        css = sheet.text;
      }
      el.children = [{ kind: 'text', text: css }];
    }
    if (TEXT_ELEMENTS.has(el.local)) continue;
    // Text outside text elements is never drawn: a place to hide words.
    const hidden = el.children.filter((c) => !isElement(c) && c.text.trim() !== '');
    for (const c of hidden)
      if (!isElement(c)) found('hidden', 'svg.hiddenText', `Text in <${el.name}>`, c.text);
    el.children = el.children.filter(isElement);
  }
  dropUnusedNames(root, found);
  // Refused pictures are never written: their names are left as they are, for the report.
  if (refusals.length === 0) neutralNames(root, found);
  return { findings, refusals, images };
}

/**
 * Element names (ids) that nothing refers to, and class names when there is
 * no style sheet: an editor writes its layer and object names there
 * (Illustrator's `id="Maria_s_notes"`), and they draw nothing.
 */
function dropUnusedNames(
  root: XmlElement,
  found: (group: MetadataGroup, key: string, label: string, value: string) => void,
): void {
  const all = [...walk(root)];
  const referenced = referencedIds(all);
  const styled = all.some((el) => el.local === 'style');
  const ids: string[] = [];
  const classes: string[] = [];
  for (const el of all)
    el.attrs = el.attrs.filter((a) => {
      if (a.uri !== '') return true;
      if (a.local === 'id' && !referenced.has(a.value)) ids.push(a.value);
      else if (a.local === 'class' && !styled) classes.push(a.value);
      else return true;
      return false;
    });
  if (ids.length > 0)
    found(
      'hidden',
      'svg.ids',
      `Names of ${ids.length} element(s) nothing refers to`,
      ids.join(', '),
    );
  if (classes.length > 0)
    found('hidden', 'svg.classes', 'Class names with no style sheet', classes.join(', '));
}

/**
 * Gives the ids and class names that are used neutral names (`i1`, `c1`…, in
 * document order), references and style sheets following: an editor's names
 * (a layer called after a person, a gradient after a place) say nothing a
 * picture needs. A picture already named so is left as it is.
 */
function neutralNames(
  root: XmlElement,
  found: (group: MetadataGroup, key: string, label: string, value: string) => void,
): void {
  const all = [...walk(root)];
  const ids = new Map<string, string>();
  const classes = new Map<string, string>();
  for (const el of all)
    for (const a of el.attrs) {
      if (a.uri !== '') continue;
      if (a.local === 'id' && !ids.has(a.value)) ids.set(a.value, `i${ids.size + 1}`);
      if (a.local === 'class')
        for (const c of a.value.split(/\s+/).filter(Boolean))
          if (!classes.has(c))
            classes.set(c, OFFICE_THEME_CLASS.test(c) ? c : `c${classes.size + 1}`);
    }
  const renamed = [...ids, ...classes].filter(([from, to]) => from !== to).map(([from]) => from);
  if (renamed.length === 0) return;
  found(
    'hidden',
    'svg.names',
    `Names of ${renamed.length} element(s) or class(es)`,
    renamed.join(', '),
  );
  const url = (text: string): string =>
    text.replace(/url\(\s*(['"]?)#([^)'"\s]+)\1\s*\)/g, (whole, _q: string, name: string) =>
      ids.has(name) ? `url(#${ids.get(name)})` : whole,
    );
  for (const el of all) {
    for (const a of el.attrs) {
      if (a.uri === XMLNS || (a.uri !== '' && !isHref(a))) continue;
      if (a.local === 'id') a.value = ids.get(a.value) ?? a.value;
      else if (a.local === 'class')
        a.value = a.value
          .split(/\s+/)
          .filter(Boolean)
          .map((c) => classes.get(c) ?? c)
          .join(' ');
      else if (isHref(a) && isLocalReference(a.value)) {
        const name = a.value.trim().slice(1);
        a.value = ids.has(name) ? `#${ids.get(name)}` : a.value;
      } else a.value = url(a.value);
    }
    if (el.local === 'style') {
      const css = textOf(el, Number.MAX_SAFE_INTEGER).replace(
        /([^{}]*)\{([^{}]*)\}/g,
        (_, selectors: string, block: string) =>
          `${selectors.replace(/([.#])([\w-]+)/g, (whole, mark: string, name: string) => {
            const to = (mark === '.' ? classes : ids).get(name);
            return to ? `${mark}${to}` : whole;
          })}{${url(block)}}`,
      );
      el.children = [{ kind: 'text', text: css }];
    }
  }
}

/** Every `#name` in the picture's attributes and style sheets: the ids something may refer to. */
function referencedIds(elements: readonly XmlElement[]): Set<string> {
  const out = new Set<string>();
  const collect = (text: string): void => {
    for (const m of text.matchAll(/#([^\s"'(),;#{}]+)/g)) out.add(m[1]!);
  };
  for (const el of elements) {
    for (const a of el.attrs) if (a.local !== 'id') collect(a.value);
    if (el.local === 'style') collect(textOf(el, Number.MAX_SAFE_INTEGER));
  }
  return out;
}

/** The words in a metadata block (RDF, Dublin Core, anything), each as a field. */
function listMetadata(
  meta: XmlElement,
  found: (group: MetadataGroup, key: string, label: string, value: string) => void,
): void {
  let any = false;
  // The outermost Dublin Core term says what the words are, however deep they sit.
  const visit = (el: XmlElement, path: string, term: string): void => {
    const own = el.children
      .map((c) => (c.kind === 'text' ? c.text : ''))
      .join('')
      .trim();
    const values = [own, ...el.attrs.filter((a) => a.uri !== XMLNS).map((a) => a.value)].filter(
      (v) => v.trim() !== '',
    );
    if (values.length > 0 && el !== meta) {
      any = true;
      const group: MetadataGroup = /creator|contributor|publisher|rights|author|agent/i.test(path)
        ? 'people'
        : /date|created|modified/i.test(el.local)
          ? 'time'
          : 'document';
      found(
        group,
        `svg.metadata.${term || el.local}`,
        `Metadata: ${term || el.name}`,
        values.join(' '),
      );
    }
    for (const child of el.children)
      if (isElement(child))
        visit(
          child,
          `${path}/${child.local}`,
          term || (DC_NAMESPACES.has(child.uri) ? child.local : ''),
        );
  };
  visit(meta, 'metadata', '');
  if (!any) found('hidden', 'svg.metadata', 'Metadata block', describe(meta));
}

function parseSvg(bytes: Buffer): { root: XmlElement; comments: string[]; instructions: string[] } {
  return parseXml(bytes, WHAT);
}

/** Lists what an SVG picture carries beyond its drawing; never throws on a damaged file. */
export async function inspectSvg(c: Collector, bytes: Buffer, nested: Nested): Promise<void> {
  let parsed: ReturnType<typeof parseSvg>;
  let planned: Plan;
  try {
    parsed = parseSvg(bytes);
    planned = plan(parsed.root);
  } catch (error) {
    c.cannotRead((error as Error).message);
    return;
  }
  for (const comment of parsed.comments)
    c.add('hidden', 'svg.comment', 'XML comment', comment, true);
  for (const pi of parsed.instructions)
    c.add('hidden', 'svg.instruction', 'XML processing instruction', pi, true);
  for (const f of planned.findings) c.add(f.group, f.key, f.label, f.value, f.risky);
  for (const r of planned.refusals) c.warn(r);
  let n = 0;
  for (const image of planned.images) {
    n += 1;
    await inspectEmbedded(c, nested, `picture ${n}`, image.bytes);
  }
}

/** A copy of the picture with only its drawing; refused when that would change what it shows. */
export async function stripSvg(bytes: Buffer, nested: Nested): Promise<FormatStripResult> {
  const { root } = parseSvg(bytes);
  const planned = plan(root);
  if (planned.refusals.length > 0) throw unsupported(`${planned.refusals[0]} Nothing was written.`);
  const kept: KeptField[] = [];
  let n = 0;
  for (const image of planned.images) {
    n += 1;
    // Named as inspection names it, so what the picture keeps is matched in the check.
    const name = `picture ${n}`;
    const { type } = detectType(image.bytes.subarray(0, 4096));
    if (!STRIPPABLE_PICTURES.has(type))
      throw unsupported(
        `${WHAT} holds ${name} (a data: URI) (${TYPE_NAMES[type]}), which Vigil cannot clean; nothing was written.`,
      );
    const clean = await stripEmbedded(nested, name, image.bytes, WHAT);
    kept.push(...clean.kept);
    image.attr.value = `data:${mimeOf(type)};base64,${clean.data.toString('base64')}`;
  }
  return { output: serializeXml(root), kept };
}
