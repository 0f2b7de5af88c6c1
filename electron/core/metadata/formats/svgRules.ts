/**
 * What a clean SVG picture may hold: the SVG namespace's drawing elements and
 * the attributes that change how they are drawn. Shared by the cleaner and its
 * independent check, so the two agree on the allow-list and nothing else.
 */

export const SVG_NS = 'http://www.w3.org/2000/svg';
export const XLINK_NS = 'http://www.w3.org/1999/xlink';
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

const words = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/));

/** Elements that draw, group, reuse or paint; all in the SVG namespace. */
export const DRAWING_ELEMENTS = words(`
  svg g defs symbol use switch
  path rect circle ellipse line polyline polygon
  text tspan textPath image style
  linearGradient radialGradient stop pattern clipPath mask marker
  filter feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix
  feDiffuseLighting feDisplacementMap feDistantLight feDropShadow feFlood feFuncA feFuncB
  feFuncG feFuncR feGaussianBlur feImage feMerge feMergeNode feMorphology feOffset
  fePointLight feSpecularLighting feSpotLight feTile feTurbulence`);

/**
 * SVG elements that are never drawn and only carry words about the picture
 * (who made it, its name, its alt text, code): removed with what they hold.
 * Title and description are not drawn either; a document's alt text lives in
 * the document's own XML, which keeps it.
 */
export const DROPPED_ELEMENTS = words('metadata title desc script');

/**
 * SVG elements that would change the picture if removed and that Vigil does
 * not clean: the file is refused rather than drawn differently.
 */
export const REFUSED_ELEMENTS: Readonly<Record<string, string>> = {
  foreignObject: 'embedded HTML (<foreignObject>)',
  animate: 'animation (<animate>)',
  animateMotion: 'animation (<animateMotion>)',
  animateTransform: 'animation (<animateTransform>)',
  animateColor: 'animation (<animateColor>)',
  set: 'animation (<set>)',
  mpath: 'animation (<mpath>)',
  discard: 'animation (<discard>)',
};

/** Elements whose text is drawn (or, for style, read as CSS); text anywhere else is hidden. */
export const TEXT_ELEMENTS = words('text tspan textPath style');

/** Presentation attributes: also the CSS properties a style sheet or a style attribute may set. */
export const PRESENTATION_ATTRIBUTES = words(`
  alignment-baseline baseline-shift clip clip-path clip-rule color color-interpolation
  color-interpolation-filters color-rendering cursor direction display dominant-baseline
  enable-background fill fill-opacity fill-rule filter flood-color flood-opacity font
  font-family font-size font-size-adjust font-stretch font-style font-variant font-weight
  font-kerning glyph-orientation-horizontal glyph-orientation-vertical image-rendering
  kerning letter-spacing lighting-color marker marker-end marker-mid marker-start mask
  mask-type opacity overflow paint-order pointer-events shape-rendering stop-color
  stop-opacity stroke stroke-dasharray stroke-dashoffset stroke-linecap stroke-linejoin
  stroke-miterlimit stroke-opacity stroke-width text-anchor text-decoration text-rendering
  unicode-bidi visibility word-spacing writing-mode mix-blend-mode isolation vector-effect
  transform-origin transform-box white-space inline-size transform`);

/** Attributes without a namespace that change how a picture is drawn. */
export const DRAWING_ATTRIBUTES: ReadonlySet<string> = new Set([
  ...PRESENTATION_ATTRIBUTES,
  ...words(`
  id class style lang version baseProfile
  requiredFeatures requiredExtensions systemLanguage
  x y width height rx ry cx cy r fx fy fr x1 y1 x2 y2 points d pathLength
  viewBox preserveAspectRatio zoomAndPan dx dy rotate textLength lengthAdjust startOffset
  method spacing side path href type media
  gradientUnits gradientTransform spreadMethod offset patternUnits patternContentUnits
  patternTransform clipPathUnits maskUnits maskContentUnits markerUnits markerWidth
  markerHeight refX refY orient filterUnits primitiveUnits filterRes
  in in2 result mode values tableValues slope intercept amplitude exponent operator
  k1 k2 k3 k4 order kernelMatrix divisor bias targetX targetY edgeMode kernelUnitLength
  preserveAlpha surfaceScale diffuseConstant specularConstant specularExponent scale
  xChannelSelector yChannelSelector stdDeviation azimuth elevation z pointsAtX pointsAtY
  pointsAtZ limitingConeAngle baseFrequency numOctaves seed stitchTiles radius`),
]);

/** Pseudo-classes a style sheet's selectors may use (none takes an argument). */
export const PSEUDO_CLASSES = words('hover active focus first-child last-child only-child root');

/** Attributes in the XML namespace that a clean picture keeps (xml:base, a location, is not one). */
export const XML_ATTRIBUTES = words('space lang');

/** Elements that may show a picture given as a `data:` URI. */
export const IMAGE_ELEMENTS = words('image feImage');

/** Editors whose private namespaces say which program (and often which user) made the file. */
export const EDITOR_NAMESPACES: ReadonlySet<string> = new Set([
  'http://www.inkscape.org/namespaces/inkscape',
  'http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd',
  'http://ns.adobe.com/AdobeIllustrator/10.0/',
  'http://ns.adobe.com/AdobeSVGViewerExtensions/3.0/',
  'http://ns.adobe.com/Extensibility/1.0/',
  'http://ns.adobe.com/Graphs/1.0/',
  'http://ns.adobe.com/SaveForWeb/1.0/',
  'http://ns.adobe.com/Variables/1.0/',
  'http://ns.adobe.com/ImageReplacement/1.0/',
  'http://ns.adobe.com/Flows/1.0/',
  'http://www.bohemiancoding.com/sketch/ns',
  'http://www.serif.com/',
]);

/** A reference inside the picture itself (`#id`); anything else points outside it. */
export function isLocalReference(value: string): boolean {
  return /^\s*#/.test(value);
}

/** `url(...)` targets in CSS or a paint attribute, quotes removed. */
export function cssUrls(css: string): string[] {
  const out: string[] = [];
  const re = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)]*))\s*\)/gi;
  for (let m = re.exec(css); m; m = re.exec(css)) out.push((m[1] ?? m[2] ?? m[3] ?? '').trim());
  return out;
}

/**
 * What in a piece of CSS reaches outside the picture (an import, a URL that is
 * not `#id`, including `data:`), or `undefined` when nothing does. Escapes are
 * refused too: `\75rl(` would hide a URL from the search.
 */
export function cssOutsideReference(css: string): string | undefined {
  if (/@import/i.test(css)) return '@import';
  if (css.includes('\\')) return 'a CSS escape';
  if (/\bimage-set\s*\(|\bsrc\s*\(/i.test(css)) return 'image-set() or src()';
  const outside = cssUrls(css).find((u) => !u.startsWith('#'));
  if (outside !== undefined) return `url(${outside.slice(0, 80)})`;
  // "url(" with no closing parenthesis: unmatched above, read by a browser to the end.
  if ((css.match(/url\(/gi) ?? []).length !== cssUrls(css).length) return 'an unclosed url(';
  return undefined;
}

/** CSS comments, which can hide any text. */
export const CSS_COMMENT = /\/\*[\s\S]*?(?:\*\/|$)/g;

/** Attributes whose value is numbers, lengths, angles or transforms. */
const NUMERIC = words(`
  x y width height rx ry cx cy r fx fy fr x1 y1 x2 y2 dx dy rotate textLength startOffset
  pathLength offset refX refY markerWidth markerHeight k1 k2 k3 k4 slope intercept amplitude
  exponent divisor bias targetX targetY surfaceScale diffuseConstant specularConstant
  specularExponent scale stdDeviation azimuth elevation z pointsAtX pointsAtY pointsAtZ
  limitingConeAngle baseFrequency numOctaves seed radius order kernelMatrix values tableValues
  viewBox points stroke-width stroke-dasharray stroke-dashoffset stroke-miterlimit opacity
  fill-opacity stroke-opacity stop-opacity flood-opacity font-size letter-spacing word-spacing
  kernelUnitLength orient transform gradientTransform patternTransform baseline-shift
  font-size-adjust inline-size kerning glyph-orientation-horizontal glyph-orientation-vertical
  transform-origin`);

/** The words numeric values may hold: units, transform functions and a few keywords. */
const NUMERIC_WORDS =
  /\b(?:px|pt|pc|cm|mm|in|em|ex|rem|ch|vw|vh|deg|rad|grad|turn|matrix|translate|translateX|translateY|scale|rotate|skewX|skewY|auto|auto-start-reverse|none|inherit|normal|xx-small|x-small|small|medium|large|x-large|xx-large|larger|smaller|sub|super|baseline|left|center|right|top|bottom)\b/g;

const PAINT = words('fill stroke color stop-color flood-color lighting-color');
const REFERENCE = words('clip-path mask filter marker marker-start marker-mid marker-end');
/** Values that are free text by nature (font names), or checked elsewhere (ids, CSS, links). */
const FREE = words(`
  font-family font id class style href lang systemLanguage requiredFeatures requiredExtensions
  media type`);

const PAINT_VALUE =
  /^\s*(?:#[0-9a-fA-F]{3,8}|(?:rgba?|hsla?)\([\d\s.,%+-]*\)|[a-zA-Z]{1,24}|url\(\s*['"]?#[\w.:-]+['"]?\s*\)(?:\s+(?:#[0-9a-fA-F]{3,8}|[a-zA-Z]{1,24}))?)\s*$/;
const REFERENCE_VALUE = /^\s*(?:none|inherit|url\(\s*['"]?#[\w.:-]+['"]?\s*\))\s*$/;

/**
 * Why a drawing attribute's (or CSS property's) value is not one that draws,
 * or undefined when it is. A value no renderer accepts draws nothing but can
 * carry any words (`height="/home/maria/notes"`): it is removed. Font names
 * and other free text are kept as they are.
 */
export function valueFault(name: string, value: string): string | undefined {
  if (FREE.has(name)) return undefined;
  if (name === 'd')
    return /^[\d\s.,+\-eEMmZzLlHhVvCcSsQqTtAa]*$/.test(value) ? undefined : 'not path data';
  if (NUMERIC.has(name))
    return /^[\d\s.,+\-%()eE]*$/.test(value.replace(NUMERIC_WORDS, ' '))
      ? undefined
      : 'not a number, length or transform';
  if (PAINT.has(name)) return PAINT_VALUE.test(value) ? undefined : 'not a colour or paint';
  if (REFERENCE.has(name))
    return REFERENCE_VALUE.test(value) ? undefined : 'not a reference inside the picture';
  // Keywords (userSpaceOnUse, xMidYMid meet, optimizeSpeed) and filter result names.
  return /^[\w\s.,-]{0,200}$/.test(value) ? undefined : 'not a keyword';
}

/**
 * Class names Microsoft Office gives its icons to recolour them with the
 * document's theme (`MsftOfcThm_Accent1_Fill_v2`): Office's own vocabulary,
 * the same in every copy, kept so the icons still follow the theme.
 */
export const OFFICE_THEME_CLASS = /^MsftOfc(?:Thm|Responsive)_[A-Za-z0-9_]{1,60}$/;
