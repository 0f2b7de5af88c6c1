import { DRAWING_ELEMENTS, PRESENTATION_ATTRIBUTES, PSEUDO_CLASSES, valueFault } from './svgRules';

/**
 * The CSS of an SVG picture (its style sheets and style attributes), cleaned
 * like its XML: only declarations of presentation properties with values
 * that draw are kept (an
 * editor's own, such as Inkscape's `-inkscape-font-specification`, go), and a
 * style sheet must be plain rules whose selectors name SVG elements, classes
 * and ids. Anything else (an @-rule, words between rules, a selector on an
 * element SVG does not have) is refused: it may hold any text.
 */

export interface CleanedCss {
  text: string;
  /** Declarations removed, as written. */
  dropped: string[];
}

/** Keeps the declarations that set a presentation property. */
export function cleanDeclarations(block: string): CleanedCss {
  const kept: string[] = [];
  const dropped: string[] = [];
  for (const raw of block.split(';')) {
    const declaration = raw.trim();
    if (declaration === '') continue;
    const colon = declaration.indexOf(':');
    const property = colon > 0 ? declaration.slice(0, colon).trim().toLowerCase() : '';
    const value = declaration.slice(colon + 1).replace(/!important\s*$/, '');
    if (PRESENTATION_ATTRIBUTES.has(property) && !valueFault(property, value))
      kept.push(declaration);
    else dropped.push(declaration);
  }
  return { text: kept.join(';'), dropped };
}

const COMPOUND = /^(\*|[A-Za-z][\w-]*)?((?:[.#][\w-]+|:[\w-]+)*)$/;

/** Why a selector is not one Vigil keeps, or undefined when it is. */
export function selectorFault(selector: string): string | undefined {
  for (const one of selector.split(',')) {
    const compounds = one
      .trim()
      .split(/\s*[>+~]\s*|\s+/)
      .filter((c) => c !== '');
    if (compounds.length === 0) return 'an empty selector';
    for (const compound of compounds) {
      const m = COMPOUND.exec(compound);
      if (!m) return `the selector ${compound.slice(0, 40)}`;
      if (m[1] && m[1] !== '*' && !DRAWING_ELEMENTS.has(m[1]))
        return `a selector on <${m[1].slice(0, 40)}>, not an SVG drawing element`;
      for (const pseudo of (m[2] ?? '').match(/:[\w-]+/g) ?? [])
        if (!PSEUDO_CLASSES.has(pseudo.slice(1))) return `the pseudo-class ${pseudo.slice(0, 40)}`;
    }
  }
  return undefined;
}

/** The class and id names a selector uses. */
export function selectorNames(selector: string): string[] {
  return (selector.match(/[.#][\w-]+/g) ?? []).map((n) => n.slice(1));
}

/**
 * A style sheet as plain rules with only presentation declarations; a
 * selector naming a class or id no element has styles nothing and goes (its
 * name may be any word). A refusal names the fault.
 */
export function cleanStyleSheet(
  css: string,
  names: ReadonlySet<string>,
): CleanedCss | { refusal: string } {
  if (css.includes('@')) return { refusal: 'an @-rule' };
  const rules: string[] = [];
  const dropped: string[] = [];
  const rule = /\s*([^{}]*)\{([^{}]*)\}/y;
  let at = 0;
  for (let m = rule.exec(css); m; m = rule.exec(css)) {
    at = rule.lastIndex;
    const fault = selectorFault(m[1]!);
    if (fault) return { refusal: fault };
    const block = cleanDeclarations(m[2]!);
    dropped.push(...block.dropped);
    const selectors = m[1]!.split(',').map((one) => one.trim());
    const used = selectors.filter((one) => selectorNames(one).every((n) => names.has(n)));
    if (used.length < selectors.length)
      dropped.push(selectors.filter((one) => !used.includes(one)).join(', '));
    if (block.text !== '' && used.length > 0) rules.push(`${used.join(', ')}{${block.text}}`);
  }
  if (css.slice(at).trim() !== '')
    return { refusal: `text outside its rules (${css.slice(at).trim().slice(0, 40)})` };
  return { text: rules.join('\n'), dropped };
}
