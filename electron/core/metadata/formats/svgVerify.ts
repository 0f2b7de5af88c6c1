import { invalid } from '../bytes';
import { detectType } from '../detect';
import { STRIPPABLE_PICTURES, type Nested } from '../office/common';
import { selectorFault, selectorNames } from './svgCss';
import { isElement, parseXml, textOf, walk, XMLNS, type XmlElement } from '../office/xml';
import {
  cssOutsideReference,
  DRAWING_ATTRIBUTES,
  DRAWING_ELEMENTS,
  isLocalReference,
  IMAGE_ELEMENTS,
  OFFICE_THEME_CLASS,
  PRESENTATION_ATTRIBUTES,
  SVG_NS,
  TEXT_ELEMENTS,
  valueFault,
  XLINK_NS,
  XML_ATTRIBUTES,
  XML_NS,
} from './svgRules';

/**
 * The check of a cleaned SVG picture, written apart from the cleaner: it
 * reads the output afresh and refuses it unless every element is an SVG
 * drawing element, every attribute one that draws, every reference inside
 * the picture or a `data:` picture with no metadata, and no comment,
 * instruction, DOCTYPE, CSS comment or undrawn text is left.
 */

const WHAT = "Vigil's check of the cleaned SVG image failed";

function checkAttributes(el: XmlElement): { href?: string } {
  let href: string | undefined;
  for (const a of el.attrs) {
    if (a.uri === XMLNS) {
      if (a.value !== SVG_NS && a.value !== XLINK_NS)
        throw invalid(`${WHAT}: it still declares the namespace ${a.value.slice(0, 80)}.`);
      continue;
    }
    if (a.local === 'href' && (a.uri === '' || a.uri === XLINK_NS)) {
      href = a.value;
      continue;
    }
    const allowed =
      (a.uri === '' && DRAWING_ATTRIBUTES.has(a.local)) ||
      (a.uri === XML_NS && XML_ATTRIBUTES.has(a.local));
    if (!allowed) throw invalid(`${WHAT}: <${el.name}> still has the attribute ${a.name}.`);
    if (a.value.includes('/*')) throw invalid(`${WHAT}: ${a.name} still holds a CSS comment.`);
    if (a.local === 'style') checkDeclarations(a.value, a.name);
    const outside = cssOutsideReference(a.value);
    if (outside) throw invalid(`${WHAT}: ${a.name} still reaches outside (${outside}).`);
    const fault = a.uri === '' ? valueFault(a.local, a.value) : undefined;
    if (fault)
      throw invalid(`${WHAT}: <${el.name}> keeps ${a.name}="${a.value.slice(0, 40)}", ${fault}.`);
  }
  return href === undefined ? {} : { href };
}

function checkDeclarations(block: string, where: string): void {
  for (const declaration of block.split(';')) {
    if (declaration.trim() === '') continue;
    const property = /^\s*([\w-]+)\s*:/.exec(declaration)?.[1]?.toLowerCase() ?? '';
    const value = declaration.slice(declaration.indexOf(':') + 1).replace(/!important\s*$/, '');
    if (!PRESENTATION_ATTRIBUTES.has(property) || valueFault(property, value))
      throw invalid(`${WHAT}: ${where} still sets ${declaration.trim().slice(0, 60)}.`);
  }
}

function checkStyleSheet(css: string, names: ReadonlySet<string>): void {
  if (css.includes('@')) throw invalid(`${WHAT}: its <style> still holds an @-rule.`);
  const rest = css.replace(/\s*([^{}@]*)\{([^{}]*)\}/g, (_, selector: string, block: string) => {
    const fault = selectorFault(selector);
    if (fault) throw invalid(`${WHAT}: its <style> still has ${fault}.`);
    const unknown = selectorNames(selector).find((n) => !names.has(n));
    if (unknown !== undefined)
      throw invalid(
        `${WHAT}: its <style> still names ${unknown.slice(0, 40)}, which no element has.`,
      );
    checkDeclarations(block, 'its <style>');
    return '';
  });
  if (rest.trim() !== '') throw invalid(`${WHAT}: its <style> holds text outside its rules.`);
}

async function checkPicture(nested: Nested, uri: string, n: number): Promise<void> {
  const m = /^data:([a-z0-9.+/-]+);base64,([A-Za-z0-9+/]*={0,2})$/.exec(uri);
  if (!m) throw invalid(`${WHAT}: picture ${n} is not a base64 data: URI.`);
  const bytes = Buffer.from(m[2]!, 'base64');
  const { type } = detectType(bytes.subarray(0, 4096));
  if (!STRIPPABLE_PICTURES.has(type))
    throw invalid(`${WHAT}: picture ${n} is not a picture Vigil can check.`);
  const report = await nested.inspect(bytes);
  const left = report.fields.filter(
    (f) => f.group !== 'structure' && !/jfif|orientation/i.test(f.key),
  );
  if (!report.readable || left.length > 0)
    throw invalid(
      `${WHAT}: picture ${n} still carries ${left[0]?.label ?? 'what Vigil cannot read'}.`,
    );
}

/** Re-reads a cleaned SVG picture and refuses it unless nothing outside the allow-list remains. */
export async function verifySvg(output: Buffer, nested: Nested): Promise<void> {
  const text = output.toString('utf8');
  if (/<!|<\?(?!xml )/.test(text.replace(/^<\?xml [^?]*\?>/, '')))
    throw invalid(`${WHAT}: it still holds a DOCTYPE, comment, CDATA or processing instruction.`);
  const { root, comments, instructions } = parseXml(output, WHAT);
  if (comments.length > 0 || instructions.length > 0)
    throw invalid(`${WHAT}: it still holds comments or processing instructions.`);
  if (root.uri !== SVG_NS || root.local !== 'svg')
    throw invalid(`${WHAT}: its root is not an <svg> element.`);
  let pictures = 0;
  const all = [...walk(root)];
  const styled = all.some((el) => el.local === 'style');
  // Written apart from the cleaner's: any "#name" anywhere but in an id counts as a use.
  const used = new Set(
    all.flatMap((el) =>
      [
        ...el.attrs.filter((a) => a.local !== 'id').map((a) => a.value),
        el.local === 'style' ? textOf(el, Number.MAX_SAFE_INTEGER) : '',
      ].flatMap((text) =>
        text
          .split('#')
          .slice(1)
          .map((t) => /^[^\s"'(),;#{}]+/.exec(t)?.[0]),
      ),
    ),
  );
  const names = new Set(
    all.flatMap((el) =>
      el.attrs
        .filter((a) => a.uri === '' && (a.local === 'id' || a.local === 'class'))
        .flatMap((a) => a.value.split(/\s+/)),
    ),
  );
  for (const el of all) {
    const id = el.attrs.find((a) => a.uri === '' && a.local === 'id')?.value;
    if (id !== undefined && !/^i\d+$/.test(id))
      throw invalid(`${WHAT}: <${el.name}> keeps the name ${id.slice(0, 40)}.`);
    const className = el.attrs.find((a) => a.uri === '' && a.local === 'class')?.value;
    if (
      className !== undefined &&
      !className.split(' ').every((c) => /^c\d+$/.test(c) || OFFICE_THEME_CLASS.test(c))
    )
      throw invalid(`${WHAT}: <${el.name}> keeps the class name ${className.slice(0, 40)}.`);
    if (id !== undefined && !used.has(id))
      throw invalid(`${WHAT}: <${el.name}> keeps the name ${id.slice(0, 40)}, which nothing uses.`);
    if (!styled && el.attrs.some((a) => a.uri === '' && a.local === 'class'))
      throw invalid(`${WHAT}: <${el.name}> keeps a class name with no style sheet.`);
    if (el.uri !== SVG_NS || !DRAWING_ELEMENTS.has(el.local))
      throw invalid(`${WHAT}: it still holds <${el.name}>.`);
    const { href } = checkAttributes(el);
    if (href !== undefined && !isLocalReference(href)) {
      if (!IMAGE_ELEMENTS.has(el.local))
        throw invalid(`${WHAT}: <${el.name}> still refers outside the picture.`);
      pictures += 1;
      await checkPicture(nested, href, pictures);
    }
    if (el.local === 'style') {
      const css = textOf(el, Number.MAX_SAFE_INTEGER);
      if (css.includes('/*')) throw invalid(`${WHAT}: its <style> still holds a CSS comment.`);
      const outside = cssOutsideReference(css);
      if (outside) throw invalid(`${WHAT}: its <style> still reaches outside (${outside}).`);
      checkStyleSheet(css, names);
    }
    if (
      !TEXT_ELEMENTS.has(el.local) &&
      el.children.some((c) => !isElement(c) && c.text.trim() !== '')
    )
      throw invalid(`${WHAT}: <${el.name}> still holds text that is not drawn.`);
  }
}
