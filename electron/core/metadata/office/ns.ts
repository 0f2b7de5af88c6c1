/** XML namespaces of the office formats, matched by URI (a prefix proves nothing). */
export const NS = {
  ct: 'http://schemas.openxmlformats.org/package/2006/content-types',
  pkgRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  cp: 'http://schemas.openxmlformats.org/package/2006/metadata/core-properties',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  ep: 'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties',
  custom: 'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  w14: 'http://schemas.microsoft.com/office/word/2010/wordml',
  w15: 'http://schemas.microsoft.com/office/word/2012/wordml',
  m: 'http://schemas.openxmlformats.org/officeDocument/2006/math',
  s: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  x15ac: 'http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac',
  p: 'http://schemas.openxmlformats.org/presentationml/2006/main',
  p14: 'http://schemas.microsoft.com/office/powerpoint/2010/main',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  a16: 'http://schemas.microsoft.com/office/drawing/2014/main',
  // OpenDocument
  office: 'urn:oasis:names:tc:opendocument:xmlns:office:1.0',
  meta: 'urn:oasis:names:tc:opendocument:xmlns:meta:1.0',
  text: 'urn:oasis:names:tc:opendocument:xmlns:text:1.0',
  table: 'urn:oasis:names:tc:opendocument:xmlns:table:1.0',
  draw: 'urn:oasis:names:tc:opendocument:xmlns:drawing:1.0',
  svg: 'urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0',
  manifest: 'urn:oasis:names:tc:opendocument:xmlns:manifest:1.0',
  xlink: 'http://www.w3.org/1999/xlink',
  officeooo: 'http://openoffice.org/2009/office',
  loext: 'urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0',
  script: 'urn:oasis:names:tc:opendocument:xmlns:script:1.0',
  presentation: 'urn:oasis:names:tc:opendocument:xmlns:presentation:1.0',
} as const;

/** Namespaces whose attributes are revision or document ids (`xr:uid`, `xr:revisionPtr`…). */
export const REVISION_NAMESPACES = new Set([
  'http://schemas.microsoft.com/office/spreadsheetml/2014/revision',
  'http://schemas.microsoft.com/office/spreadsheetml/2015/revision2',
  'http://schemas.microsoft.com/office/spreadsheetml/2016/revision3',
  'http://schemas.microsoft.com/office/spreadsheetml/2016/revision5',
  'http://schemas.microsoft.com/office/spreadsheetml/2016/revision6',
  'http://schemas.microsoft.com/office/spreadsheetml/2016/revision9',
  'http://schemas.microsoft.com/office/spreadsheetml/2016/revision10',
  NS.a16,
]);

/**
 * Links to the web or to an e-mail address are content and stay; any other
 * target (a file on the user's disk, a network share, a relative path) names
 * people, machines and folders, and goes.
 */
export function isWebLink(target: string): boolean {
  return /^(https?:\/\/|mailto:)[^\\]*$/i.test(target.trim());
}
