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

/** Attributes without a namespace that change how a picture is drawn. */
export const DRAWING_ATTRIBUTES = words(`
  id class style lang version baseProfile
  requiredFeatures requiredExtensions systemLanguage
  x y width height rx ry cx cy r fx fy fr x1 y1 x2 y2 points d pathLength transform
  viewBox preserveAspectRatio zoomAndPan dx dy rotate textLength lengthAdjust startOffset
  method spacing side path href type media
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
  transform-origin transform-box white-space inline-size
  gradientUnits gradientTransform spreadMethod offset patternUnits patternContentUnits
  patternTransform clipPathUnits maskUnits maskContentUnits markerUnits markerWidth
  markerHeight refX refY orient filterUnits primitiveUnits filterRes
  in in2 result mode values tableValues slope intercept amplitude exponent operator
  k1 k2 k3 k4 order kernelMatrix divisor bias targetX targetY edgeMode kernelUnitLength
  preserveAlpha surfaceScale diffuseConstant specularConstant specularExponent scale
  xChannelSelector yChannelSelector stdDeviation azimuth elevation z pointsAtX pointsAtY
  pointsAtZ limitingConeAngle baseFrequency numOctaves seed stitchTiles radius`);

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
