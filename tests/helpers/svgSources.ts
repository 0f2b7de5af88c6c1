/**
 * SVG pictures with a planted string in every place an SVG can hide words
 * (issue 15): comment, processing instruction, RDF/Dublin Core metadata,
 * title and description, editors' private namespaces (Inkscape, Sodipodi,
 * Illustrator, Sketch), script, event and unknown attributes, xml:base, a
 * link, an outside reference, CSS comments, an editor's CSS property, a value
 * that draws nothing, text that is never drawn, an
 * element name (id) nothing uses and a
 * JPEG with EXIF as a data: URI. Every planted string starts with CANARY;
 * the drawing itself (shapes, a gradient, CSS, text, the picture) has none.
 */

/** Words the drawing shows: they must survive the strip. */
export const SVG_DRAWN_TEXT = 'Drawn words';

/** What each hiding place plants, as inspection must list it. */
export const SVG_CANARIES = {
  comment: 'CANARY-SVG-COMMENT',
  instruction: 'CANARY-SVG-PI',
  title: 'CANARY-SVG-TITLE',
  desc: 'CANARY-SVG-DESC',
  creator: 'CANARY-SVG-DC-CREATOR',
  date: 'CANARY-SVG-DC-DATE',
  rights: 'CANARY-SVG-DC-RIGHTS',
  docname: 'CANARY-SVG-DOCNAME',
  exportFilename: 'CANARY-SVG-EXPORT-PATH',
  namedview: 'CANARY-SVG-LAYER',
  illustrator: 'CANARY-SVG-AI-PGF',
  sketch: 'CANARY-SVG-SKETCH',
  script: 'CANARY-SVG-SCRIPT',
  onload: 'CANARY-SVG-ONLOAD',
  dataAttribute: 'CANARY-SVG-DATA-ATTR',
  base: 'CANARY-SVG-XML-BASE',
  link: 'CANARY-SVG-LINK',
  outside: 'CANARY-SVG-OUTSIDE-FILE',
  styleComment: 'CANARY-SVG-STYLE-COMMENT',
  attributeComment: 'CANARY-SVG-ATTR-COMMENT',
  hiddenText: 'CANARY-SVG-HIDDEN-TEXT',
  layerId: 'CANARY-SVG-LAYER-ID',
  inkscapeFont: 'CANARY-SVG-INKSCAPE-FONT',
  badValue: 'CANARY-SVG-BAD-VALUE',
} as const;

export function plantedSvg(picture?: Buffer): string {
  const k = SVG_CANARIES;
  const image = picture
    ? `<image x="8" y="56" width="32" height="32" preserveAspectRatio="none" xlink:href="data:image/jpeg;base64,${picture.toString('base64')}"/>`
    : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- ${k.comment} -->
<?${k.instruction} made-by="someone"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
  xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
  xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
  xmlns:i="http://ns.adobe.com/AdobeIllustrator/10.0/"
  xmlns:sketch="http://www.bohemiancoding.com/sketch/ns"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:cc="http://creativecommons.org/ns#"
  xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
  width="96" height="96" viewBox="0 0 96 96" version="1.1"
  sodipodi:docname="${k.docname}.svg" inkscape:export-filename="/home/${k.exportFilename}/icon.png"
  onload="alert('${k.onload}')" data-origin="${k.dataAttribute}" xml:base="file:///${k.base}/">
  <title>${k.title}</title>
  <desc>${k.desc}</desc>
  <metadata>
    <rdf:RDF><cc:Work rdf:about="">
      <dc:creator><cc:Agent><dc:title>${k.creator}</dc:title></cc:Agent></dc:creator>
      <dc:date>${k.date}</dc:date>
      <dc:rights><cc:Agent><dc:title>${k.rights}</dc:title></cc:Agent></dc:rights>
    </cc:Work></rdf:RDF>
  </metadata>
  <sodipodi:namedview id="base" inkscape:current-layer="${k.namedview}"/>
  <i:pgf id="adobe_illustrator_pgf">${k.illustrator}</i:pgf>
  <script type="text/javascript">console.log('${k.script}')</script>
  <style>/* ${k.styleComment} */ .dot { fill: #1060c0; }</style>
  <defs>
    <linearGradient id="fade" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#20a040"/><stop offset="1" stop-color="#e0c020"/>
    </linearGradient>
  </defs>
  <g id="${k.layerId}" inkscape:label="Layer" inkscape:groupmode="layer" sketch:type="${k.sketch}">${k.hiddenText}
    <rect x="4" y="4" width="40" height="40" fill="url(#fade)" style="stroke:#000;stroke-width:2 /* ${k.attributeComment} */"/>
    <circle class="dot" cx="70" cy="24" r="18" opacity="${k.badValue}"/>
    <a xlink:href="https://${k.link}.example/"><rect x="52" y="52" width="36" height="36" fill="#c02080"/></a>
    ${image}
    <image x="44" y="88" width="8" height="8" xlink:href="file:///home/${k.outside}/photo.jpg"/>
    <text x="4" y="94" font-family="sans-serif" font-size="9" fill="#000" style="font-weight:bold;-inkscape-font-specification:'${k.inkscapeFont}'">${SVG_DRAWN_TEXT}</text>
  </g>
</svg>
`;
}

/** A plain SVG with nothing to remove: its strip changes only the way it is written. */
export const PLAIN_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="red"/></svg>';

/** The same picture with one construct added inside the <svg> element. */
export function svgWith(inner: string, declarations = ''): Buffer {
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ${declarations} width="10" height="10"><rect width="10" height="10" fill="red"/>${inner}</svg>`,
  );
}
