import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from 'saxes';
import { invalid } from '../bytes';

/**
 * A small XML tree over saxes, a strict, namespace-aware parser: office parts
 * are parsed, changed as trees, and written back out, never edited as text.
 * Entities are never expanded (saxes knows only the five predefined ones and
 * character references; a DOCTYPE with an internal subset is refused), so
 * neither XXE nor "billion laughs" can happen. Comments and processing
 * instructions are dropped: they can hide text, and no office format needs them.
 */

export interface XmlAttr {
  /** The qualified name as written (`w:rsidR`), or `xmlns:w` for a declaration. */
  name: string;
  uri: string;
  local: string;
  value: string;
}

export interface XmlElement {
  kind: 'element';
  name: string;
  uri: string;
  local: string;
  attrs: XmlAttr[];
  children: XmlNode[];
}

export interface XmlText {
  kind: 'text';
  text: string;
}

export type XmlNode = XmlElement | XmlText;

export interface ParsedXml {
  root: XmlElement;
  /** Comments found (dropped from any rewrite), for inspection. */
  comments: string[];
  /** Processing instructions found (dropped from any rewrite), for inspection. */
  instructions: string[];
}

/** Deeper nesting than any real office part; a hostile one would exhaust the stack when written. */
const MAX_DEPTH = 256;
const XMLNS = 'http://www.w3.org/2000/xmlns/';

function decode(bytes: Buffer, what: string): string {
  let text: string;
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe)
      text = new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    else if (bytes[0] === 0xfe && bytes[1] === 0xff)
      text = new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    else {
      const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start));
      const declared = /^<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/.exec(text)?.[1];
      if (declared && !/^utf-?8$/i.test(declared))
        throw invalid(
          `${what} is in the ${declared.slice(0, 20)} encoding, which Vigil does not read.`,
        );
    }
  } catch (error) {
    if (error instanceof TypeError) throw invalid(`${what} is not valid UTF-8 or UTF-16 text.`);
    throw error;
  }
  return text;
}

/** Parses one XML part into a tree; any fault in the XML refuses the part, naming it. */
export function parseXml(bytes: Buffer, what: string): ParsedXml {
  const text = decode(bytes, what);
  const parser = new SaxesParser({ xmlns: true, position: true });
  const comments: string[] = [];
  const instructions: string[] = [];
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on('error', (error) => {
    const where = `line ${parser.line}, column ${parser.column}`;
    const why = error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '').replace(/\.?$/, '');
    throw invalid(`${what} is not well-formed XML (${where}): ${why}.`);
  });
  parser.on('doctype', (doctype) => {
    if (doctype.includes('[') || doctype.includes('<!'))
      throw invalid(`${what} declares its own XML entities, which Vigil refuses to expand.`);
  });
  parser.on('comment', (comment) => {
    if (comments.length < 100) comments.push(comment);
  });
  parser.on('processinginstruction', (pi) => {
    if (instructions.length < 100) instructions.push(`${pi.target} ${pi.body}`.trim());
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    if (stack.length >= MAX_DEPTH) throw invalid(`${what} nests its XML elements too deeply.`);
    const attrs: XmlAttr[] = Object.values(tag.attributes).map((a: SaxesAttributeNS) => ({
      name: a.name,
      uri: a.prefix === 'xmlns' || a.name === 'xmlns' ? XMLNS : a.uri,
      local: a.local,
      value: a.value,
    }));
    const element: XmlElement = {
      kind: 'element',
      name: tag.name,
      uri: tag.uri,
      local: tag.local,
      attrs,
      children: [],
    };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const addText = (value: string): void => {
    const parent = stack[stack.length - 1];
    if (!parent) return; // whitespace around the root element
    const last = parent.children[parent.children.length - 1];
    if (last?.kind === 'text') last.text += value;
    else parent.children.push({ kind: 'text', text: value });
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.write(text).close();
  if (!root) throw invalid(`${what} holds no XML element.`);
  return { root, comments, instructions };
}

function escapeText(text: string): string {
  return text.replace(/[&<>\r]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;',
  );
}

function escapeAttr(text: string): string {
  return text.replace(/[&<"\t\n\r]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '"' ? '&quot;' : `&#${c.charCodeAt(0)};`,
  );
}

function write(node: XmlNode, out: string[]): void {
  if (node.kind === 'text') {
    out.push(escapeText(node.text));
    return;
  }
  out.push('<', node.name);
  for (const a of node.attrs) out.push(' ', a.name, '="', escapeAttr(a.value), '"');
  if (node.children.length === 0) {
    out.push('/>');
    return;
  }
  out.push('>');
  for (const child of node.children) write(child, out);
  out.push('</', node.name, '>');
}

/** Writes a tree as UTF-8 XML with a standard declaration. */
export function serializeXml(root: XmlElement): Buffer {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'];
  write(root, out);
  return Buffer.from(out.join(''), 'utf8');
}

export function isElement(node: XmlNode): node is XmlElement {
  return node.kind === 'element';
}

export function attr(el: XmlElement, uri: string, local: string): string | undefined {
  return el.attrs.find((a) => a.uri === uri && a.local === local)?.value;
}

/** The element's children that are elements, optionally only those with one name. */
export function childElements(el: XmlElement, uri?: string, local?: string): XmlElement[] {
  return el.children.filter(
    (c): c is XmlElement =>
      c.kind === 'element' &&
      (uri === undefined || c.uri === uri) &&
      (local === undefined || c.local === local),
  );
}

/** Every element of the tree, depth first, the root included. */
export function* walk(el: XmlElement): Generator<XmlElement> {
  const stack: XmlElement[] = [el];
  while (stack.length > 0) {
    const next = stack.pop()!;
    yield next;
    for (let i = next.children.length - 1; i >= 0; i -= 1) {
      const child = next.children[i]!;
      if (child.kind === 'element') stack.push(child);
    }
  }
}

/** All the text under an element, in document order. */
export function textOf(el: XmlElement, limit = 4096): string {
  let out = '';
  const visit = (node: XmlNode): void => {
    if (out.length >= limit) return;
    if (node.kind === 'text') out += node.text;
    else for (const child of node.children) visit(child);
  };
  visit(el);
  return out.slice(0, limit);
}

/** A new element with the given namespace declarations, for parts Vigil writes afresh. */
export function element(
  name: string,
  uri: string,
  declarations: Record<string, string> = {},
  children: XmlNode[] = [],
): XmlElement {
  const local = name.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
  return {
    kind: 'element',
    name,
    uri,
    local,
    attrs: Object.entries(declarations).map(([prefix, value]) => ({
      name: prefix === '' ? 'xmlns' : `xmlns:${prefix}`,
      uri: XMLNS,
      local: prefix === '' ? 'xmlns' : prefix,
      value,
    })),
    children,
  };
}

export { XMLNS };
