import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Conversion } from './libreoffice';
import {
  bitmapInfo,
  emfFile,
  emfHeader,
  emfPolyline16,
  emfPrivateComment,
  emfRectangle,
  emfSetTextColor,
  emfStretchDibits,
  wmfComment,
  wmfFile,
  wmfRectangle,
  wmfSetWindowExt,
} from './metafiles';

/**
 * Office documents with what LibreOffice writes for an embedded object (a
 * spreadsheet inside a text or a slide): the object as a nested package and
 * its preview as an EMF picture; and a letter with EMF and WMF clip art.
 * The sources are OpenDocument packages built here with python3's zipfile
 * (LibreOffice 7.4 refuses a flat document whose embedded document has
 * metadata), with planted strings in the embedded document's own
 * properties; LibreOffice converts them. What LibreOffice does not write
 * into the preview (a description, a comment) is planted afterwards.
 */

export type ObjectDoc =
  | 'object.docx'
  | 'object.odt'
  | 'object.pptx'
  | 'object.odp'
  | 'object.ods'
  | 'clip.docx'
  | 'clip.odt';
export const OBJECT_DOCS: ObjectDoc[] = [
  'object.docx',
  'object.odt',
  'object.pptx',
  'object.odp',
  // LibreOffice 7.4 writes no embedded object into an XLSX (its drawing comes out empty): ODS only.
  'object.ods',
  'clip.docx',
  'clip.odt',
];

/** The planted strings each document carries before stripping. */
export const OBJECT_CANARIES: Record<ObjectDoc, string[]> = {
  'object.docx': [
    'CANARY-INNER-CREATOR',
    'CANARY-INNER-PROPVALUE',
    'CANARY-LO-EMF-APP',
    'CANARY-LO-EMF-COMMENT',
  ],
  'object.pptx': [
    'CANARY-INNER-CREATOR',
    'CANARY-INNER-PROPVALUE',
    'CANARY-LO-EMF-APP',
    'CANARY-LO-EMF-COMMENT',
  ],
  'object.odt': ['CANARY-INNER-CREATOR', 'CANARY-INNER-PROPVALUE', 'CANARY-OUTER-TITLE'],
  'object.odp': ['CANARY-INNER-CREATOR', 'CANARY-INNER-PROPVALUE', 'CANARY-OUTER-TITLE'],
  'object.ods': ['CANARY-INNER-CREATOR', 'CANARY-INNER-PROPVALUE', 'CANARY-OUTER-TITLE'],
  'clip.docx': [
    'CANARY-CLIP-EMF-APP',
    'CANARY-CLIP-EMF-COMMENT',
    'CANARY-CLIP-WMF-COMMENT',
    'CANARY-ARTIST-7f3a',
  ],
  'clip.odt': [
    'CANARY-CLIP-EMF-APP',
    'CANARY-CLIP-EMF-COMMENT',
    'CANARY-CLIP-WMF-COMMENT',
    'CANARY-ARTIST-7f3a',
  ],
};

const PY_PACKAGE = `
import sys, zipfile
NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
  'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
  'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
  'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.3"')
FRAME = ('<draw:frame draw:name="Object1" %s svg:width="8cm" svg:height="3cm" svg:x="2cm" svg:y="3cm">'
  '<draw:object xlink:href="./Object 1" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/></draw:frame>')
kind, out = sys.argv[1], sys.argv[2]
if kind == 'text':
    mime = 'application/vnd.oasis.opendocument.text'
    body = ('<office:text><text:p>Report of the visit to the detention centre.</text:p><text:p>%s</text:p>'
      '<text:p>The table above counts the people seen.</text:p></office:text>') % (FRAME % 'text:anchor-type="as-char"')
elif kind == 'sheet':
    mime = 'application/vnd.oasis.opendocument.spreadsheet'
    body = ('<office:spreadsheet><table:table table:name="Cases"><table:table-row><table:table-cell '
      'office:value-type="string"><text:p>Report of the visit to the detention centre.</text:p></table:table-cell>'
      '<table:table-cell>%s</table:table-cell></table:table-row></table:table></office:spreadsheet>') % (
      FRAME % 'table:end-cell-address="Cases.D5" table:end-x="1cm" table:end-y="1cm"')
else:
    mime = 'application/vnd.oasis.opendocument.presentation'
    body = ('<office:presentation><draw:page draw:name="p1"><draw:frame svg:x="1cm" svg:y="0.5cm" svg:width="20cm" '
      'svg:height="1.5cm"><draw:text-box><text:p>Report of the visit to the detention centre.</text:p></draw:text-box>'
      '</draw:frame>%s</draw:page></office:presentation>') % (FRAME % '')
def doc(root, inner):
    return '<?xml version="1.0" encoding="UTF-8"?><office:%s %s>%s</office:%s>' % (root, NS, inner, root)
members = [
  ('content.xml', doc('document-content', '<office:body>%s</office:body>' % body)),
  ('meta.xml', doc('document-meta', '<office:meta><dc:title>CANARY-OUTER-TITLE</dc:title></office:meta>')),
  ('Object 1/content.xml', doc('document-content', '<office:body><office:spreadsheet><table:table table:name="Seen">'
    '<table:table-row><table:table-cell office:value-type="string"><text:p>Detained</text:p></table:table-cell>'
    '<table:table-cell office:value-type="float" office:value="12"><text:p>12</text:p></table:table-cell>'
    '</table:table-row></table:table></office:spreadsheet></office:body>')),
  ('Object 1/meta.xml', doc('document-meta', '<office:meta><dc:title>CANARY-INNER-TITLE</dc:title>'
    '<meta:initial-creator>CANARY-INNER-CREATOR</meta:initial-creator><dc:creator>CANARY-INNER-AUTHOR</dc:creator>'
    '<dc:description>CANARY-INNER-COMMENTS</dc:description>'
    '<meta:user-defined meta:name="CANARY-INNER-PROPNAME">CANARY-INNER-PROPVALUE</meta:user-defined></office:meta>')),
]
entries = [('/', mime), ('content.xml', 'text/xml'), ('meta.xml', 'text/xml'),
  ('Object 1/', 'application/vnd.oasis.opendocument.spreadsheet'),
  ('Object 1/content.xml', 'text/xml'), ('Object 1/meta.xml', 'text/xml')]
manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
  'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">' +
  ''.join('<manifest:file-entry manifest:full-path="%s" manifest:media-type="%s"/>' % e for e in entries) +
  '</manifest:manifest>')
z = zipfile.ZipFile(out, 'w')
z.writestr(zipfile.ZipInfo('mimetype'), mime)
for name, data in members + [('META-INF/manifest.xml', manifest)]:
    z.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
z.close()
`;

// Gives each EMF member a description and a private comment, as Word and other writers do.
const PY_PLANT_EMF = `
import struct, sys, zipfile
src, out = sys.argv[1], sys.argv[2]
def plant(emf):
    size = struct.unpack_from('<I', emf, 4)[0]
    desc = 'CANARY-LO-EMF-APP\\0CANARY-LO-EMF-TITLE\\0\\0'.encode('utf-16-le')
    header = bytearray(emf[:size]) + desc + bytes(-len(desc) % 4)
    struct.pack_into('<III', header, 60, len(desc) // 2, size, 0)
    struct.pack_into('<I', header, 4, len(header))
    text = b'CANARY-LO-EMF-COMMENT\\0\\0\\0'
    comment = struct.pack('<III', 70, 12 + len(text), len(text)) + text
    whole = bytearray(header + comment + emf[size:])
    struct.pack_into('<II', whole, 48, len(whole), struct.unpack_from('<I', emf, 52)[0] + 1)
    return bytes(whole)
zin = zipfile.ZipFile(src)
zout = zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED)
planted = 0
for info in zin.infolist():
    data = zin.read(info.filename)
    if data[40:44] == b' EMF':
        data = plant(data)
        planted += 1
    zout.writestr(info, data)
zout.close()
assert planted > 0, 'no EMF member in ' + src
`;

// LibreOffice Calc drops an embedded object's meta.xml when it saves: it is put back, with its
// planted strings and its manifest entry, as another writer would leave it.
const PY_PLANT_OBJECT_META = `
import sys, zipfile
src, out = sys.argv[1], sys.argv[2]
meta = ('<?xml version="1.0" encoding="UTF-8"?><office:document-meta '
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
  'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" '
  'office:version="1.3"><office:meta><meta:initial-creator>CANARY-INNER-CREATOR</meta:initial-creator>'
  '<meta:user-defined meta:name="CANARY-INNER-PROPNAME">CANARY-INNER-PROPVALUE</meta:user-defined>'
  '</office:meta></office:document-meta>')
zin = zipfile.ZipFile(src)
zout = zipfile.ZipFile(out, 'w')
for info in zin.infolist():
    data = zin.read(info.filename)
    if info.filename == 'META-INF/manifest.xml':
        data = data.replace(b'</manifest:manifest>', b'<manifest:file-entry manifest:full-path="Object 1/meta.xml" '
          b'manifest:media-type="text/xml"/></manifest:manifest>')
    zout.writestr(info, data)
    if info.filename == 'Object 1/content.xml':
        zout.writestr('Object 1/meta.xml', meta, compress_type=zipfile.ZIP_DEFLATED)
zout.close()
`;

function python(script: string, args: string[]): void {
  const r = spawnSync('python3', ['-c', script, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`python3: ${r.stderr}`);
}

/** Writes the sources; returns LibreOffice's conversions to `made(doc)`. */
export function writeObjectSources(dir: string, made: (doc: ObjectDoc) => string): Conversion[] {
  const photo = readFileSync(new URL('../fixtures/metadata/camera.jpg', import.meta.url));
  python(PY_PACKAGE, ['text', join(dir, 'object-src.odt')]);
  python(PY_PACKAGE, ['slides', join(dir, 'object-src.odp')]);
  python(PY_PACKAGE, ['sheet', join(dir, 'object-src.ods')]);
  const emf = emfFile(emfHeader('CANARY-CLIP-EMF-APP\0CANARY-CLIP-EMF-TITLE\0\0'), [
    emfSetTextColor(),
    emfRectangle(),
    emfPrivateComment('CANARY-CLIP-EMF-COMMENT'),
    emfPolyline16(),
    // A photo drawn as a JPEG bitmap: the whole file, with its EXIF.
    emfStretchDibits(bitmapInfo(40, 30, 4, photo.length), photo),
  ]);
  const wmf = wmfFile([wmfSetWindowExt(), wmfComment('CANARY-CLIP-WMF-COMMENT'), wmfRectangle()]);
  const image = (name: string, bytes: Buffer) =>
    `<text:p><draw:frame draw:name="${name}" text:anchor-type="as-char" svg:width="3cm" svg:height="3cm"><draw:image><office:binary-data>${bytes.toString('base64')}</office:binary-data></draw:image></draw:frame></text:p>`;
  writeFileSync(
    join(dir, 'clip-src.fodt'),
    `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:body><office:text><text:p>Letter from the organisation, with its logos.</text:p>${image('Logo', emf)}${image('Seal', wmf)}<text:p>Signed by the coordinator.</text:p></office:text></office:body>
</office:document>
`,
  );
  return [
    { from: join(dir, 'object-src.odt'), to: `${made('object.docx')}`, filter: 'MS Word 2007 XML' },
    { from: join(dir, 'object-src.odt'), to: made('object.odt'), filter: 'writer8' },
    {
      from: join(dir, 'object-src.odp'),
      to: `${made('object.pptx')}`,
      filter: 'Impress MS PowerPoint 2007 XML',
    },
    { from: join(dir, 'object-src.odp'), to: made('object.odp'), filter: 'impress8' },
    { from: join(dir, 'object-src.ods'), to: made('object.ods'), filter: 'calc8' },
    { from: join(dir, 'clip-src.fodt'), to: made('clip.docx'), filter: 'MS Word 2007 XML' },
    { from: join(dir, 'clip-src.fodt'), to: made('clip.odt'), filter: 'writer8' },
  ];
}

/** The document as tested: LibreOffice's, with the preview's description and comment planted where it has none. */
export function plantObjectDoc(doc: ObjectDoc, made: string, out: string): void {
  if (doc === 'object.docx' || doc === 'object.pptx') python(PY_PLANT_EMF, [made, out]);
  else if (doc === 'object.ods') python(PY_PLANT_OBJECT_META, [made, out]);
  else python('import shutil, sys; shutil.copyfile(sys.argv[1], sys.argv[2])', [made, out]);
}
