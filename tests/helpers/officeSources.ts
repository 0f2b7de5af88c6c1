import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Conversion } from './libreoffice';

/**
 * Office documents made when the test runs, the way defenders' files are
 * made: flat OpenDocument sources written here, with a planted string in
 * every place the metadata issue lists, a JPEG whose EXIF (GPS, serial,
 * artist) exiftool writes, then LibreOffice converts each source to the
 * OpenDocument and OOXML formats. Every planted string starts with CANARY.
 * What LibreOffice never writes (OOXML custom XML, people lists, printer
 * settings, slide tags, a zip comment) is planted afterwards by
 * `postPlant` with python3's zipfile.
 */

export const OFFICE_KINDS = ['docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp', 'ott', 'ots'] as const;
export type OfficeKind = (typeof OFFICE_KINDS)[number];

type Source = 'text' | 'sheet' | 'slides';
const SOURCE: Record<OfficeKind, Source> = {
  docx: 'text',
  odt: 'text',
  ott: 'text',
  xlsx: 'sheet',
  ods: 'sheet',
  ots: 'sheet',
  pptx: 'slides',
  odp: 'slides',
};
const EXT: Record<Source, string> = { text: 'fodt', sheet: 'fods', slides: 'fodp' };
const FILTER: Record<OfficeKind, string> = {
  docx: 'MS Word 2007 XML',
  xlsx: 'Calc MS Excel 2007 XML',
  pptx: 'Impress MS PowerPoint 2007 XML',
  odt: 'writer8',
  ods: 'calc8',
  odp: 'impress8',
  ott: 'writer8_template',
  ots: 'calc8_template',
};

/** Which documents hold tracked changes (strip refuses them unless the user accepts them): text edits, a changed cell (an XLSX revision log). */
export const TRACKED: Record<OfficeKind, boolean> = {
  docx: true,
  odt: true,
  ott: true,
  xlsx: true,
  ods: true,
  ots: true,
  pptx: false,
  odp: false,
};

/** The text of the tracked deletion: LibreOffice's text shows it, and it is gone once accepted. */
export const DELETION = 'CANARY-LO-DELETED-WORDS ';

const NS = [
  'office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"',
  'svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
  'presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0"',
  'style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'dc="http://purl.org/dc/elements/1.1/"',
  'meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"',
  'config="urn:oasis:names:tc:opendocument:xmlns:config:1.0"',
  'xlink="http://www.w3.org/1999/xlink"',
  'officeooo="http://openoffice.org/2009/office"',
]
  .map((n) => `xmlns:${n}`)
  .join(' ');

/** Document properties: core, app (Company, Manager, HyperlinkBase) and custom ones. */
function meta(t: string): string {
  return ` <office:meta>
  <meta:initial-creator>CANARY-LO-AUTHOR-${t}</meta:initial-creator>
  <dc:creator>CANARY-LO-EDITOR-${t}</dc:creator>
  <dc:title>CANARY-LO-TITLE-${t}</dc:title>
  <dc:subject>CANARY-LO-SUBJECT-${t}</dc:subject>
  <dc:description>CANARY-LO-DESCRIPTION-${t}</dc:description>
  <meta:keyword>CANARY-LO-KEYWORD-${t}</meta:keyword>
  <meta:printed-by>CANARY-LO-PRINTED-BY-${t}</meta:printed-by>
  <meta:creation-date>2023-11-14T08:41:07</meta:creation-date>
  <meta:template xlink:type="simple" xlink:href="file:///home/CANARY-LO-TEMPLATE-${t}/memo.ott" xlink:title="memo"/>
  <meta:user-defined meta:name="Company">CANARY-LO-COMPANY-${t}</meta:user-defined>
  <meta:user-defined meta:name="Manager">CANARY-LO-MANAGER-${t}</meta:user-defined>
  <meta:user-defined meta:name="HyperlinkBase">file:///home/CANARY-LO-LINKBASE-${t}/</meta:user-defined>
  <meta:user-defined meta:name="Witness ref">CANARY-LO-CUSTOM-${t}</meta:user-defined>
 </office:meta>
 <office:settings>
  <config:config-item-set config:name="ooo:configuration-settings">
   <config:config-item config:name="PrinterName" config:type="string">CANARY-LO-PRINTER-${t}</config:config-item>
  </config:config-item-set>
 </office:settings>`;
}

function doc(mimetype: string, t: string, body: string, styles = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document ${NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.${mimetype}">
${meta(t)}
${styles}
 <office:body>
${body}
 </office:body>
</office:document>
`;
}

// Named after its file, with the file's path as its description, as editors fill them in.
const photo = (jpeg: string, attrs: string): string =>
  `<draw:frame draw:name="CANARY-LO-PICFILE-IMG_0042.jpg" svg:width="2cm" svg:height="1.5cm"${attrs}><draw:image><office:binary-data>${jpeg}</office:binary-data></draw:image><svg:desc>C:\\Users\\CANARY-LO-ALTPATH\\Pictures\\IMG_0042.jpg</svg:desc></draw:frame>`;

const comment = (who: string, what: string, el = 'office:annotation', attrs = ''): string =>
  `<${el}${attrs}><dc:creator>${who}</dc:creator><dc:date>2023-11-15T09:12:00</dc:date><text:p>${what}</text:p></${el}>`;

function text(jpeg: string): string {
  // An rsid on a paragraph style: LibreOffice keeps it and writes w:rsid session ids into DOCX.
  const styles = `<office:automatic-styles><style:style style:name="P1" style:family="paragraph"><style:text-properties officeooo:rsid="00c1a5e1" officeooo:paragraph-rsid="00c1a5e2"/></style:style></office:automatic-styles>`;
  return doc(
    'text',
    'T',
    `  <office:text>
   <text:tracked-changes>
    <text:changed-region text:id="c1"><text:deletion><office:change-info><dc:creator>CANARY-LO-DELETER</dc:creator><dc:date>2023-11-16T10:00:00</dc:date></office:change-info><text:p>${DELETION}</text:p></text:deletion></text:changed-region>
    <text:changed-region text:id="c2"><text:insertion><office:change-info><dc:creator>CANARY-LO-INSERTER</dc:creator><dc:date>2023-11-16T11:00:00</dc:date></office:change-info></text:insertion></text:changed-region>
   </text:tracked-changes>
   <text:p text:style-name="P1">Statement of the second witness.${comment('CANARY-LO-COMMENTER-T', 'CANARY-LO-COMMENT-T')} Recorded in the district office.</text:p>
   <text:p>The convoy left <text:change text:change-id="c1"/>before dawn, <text:change-start text:change-id="c2"/>with four vehicles, <text:change-end text:change-id="c2"/>towards the border. See <text:a xlink:type="simple" xlink:href="file:///home/CANARY-LO-LOCAL-LINK/draft.odt">the draft</text:a>.</text:p>
   <text:p>Picture: ${photo(jpeg, ' text:anchor-type="as-char"')}</text:p>
   <text:p>End of the statement.</text:p>
  </office:text>`,
    styles,
  );
}

function sheet(jpeg: string): string {
  const cell = (v: string, extra = '') =>
    `<table:table-cell office:value-type="string"><text:p>${v}</text:p>${extra}</table:table-cell>`;
  const num = (n: number) =>
    `<table:table-cell office:value-type="float" office:value="${n}"><text:p>${n}</text:p></table:table-cell>`;
  return doc(
    'spreadsheet',
    'S',
    `  <office:spreadsheet>
   <table:tracked-changes>
    <table:cell-content-change table:id="ct1">
     <table:cell-address table:column="1" table:row="1" table:table="0"/>
     <office:change-info><dc:creator>CANARY-LO-SHEET-EDITOR</dc:creator><dc:date>2023-11-16T10:00:00</dc:date></office:change-info>
     <table:previous table:id="ct1"><table:change-track-table-cell office:value-type="float" office:value="9"><text:p>9</text:p></table:change-track-table-cell></table:previous>
    </table:cell-content-change>
   </table:tracked-changes>
   <table:table table:name="Incidents">
    <table:table-row>${cell('Village')}${cell('Count')}${cell('Source')}</table:table-row>
    <table:table-row>${cell('North ridge', comment('CANARY-LO-COMMENTER-S', 'CANARY-LO-COMMENT-S'))}${num(12)}${cell('Clinic', photo(jpeg, ' table:end-cell-address="Incidents.D4" svg:x="0cm" svg:y="0cm"'))}</table:table-row>
    <table:table-row>${cell('River bend')}${num(7)}${cell('Radio')}</table:table-row>
   </table:table>
  </office:spreadsheet>`,
  );
}

function slides(jpeg: string): string {
  return doc(
    'presentation',
    'P',
    `  <office:presentation>
   <draw:page draw:name="Summary">
    <draw:frame svg:width="20cm" svg:height="3cm" svg:x="2cm" svg:y="2cm"><draw:text-box><text:p>Summary of the field visit</text:p><text:p>Two sites, nine interviews.</text:p></draw:text-box></draw:frame>
    ${photo(jpeg, ' svg:x="2cm" svg:y="8cm"')}
    ${comment('CANARY-LO-COMMENTER-P', 'CANARY-LO-COMMENT-P', 'officeooo:annotation', ' svg:x="1cm" svg:y="1cm" svg:width="1cm" svg:height="1cm"')}
   </draw:page>
  </office:presentation>`,
  );
}

/** The planted EXIF: a serial number, a GPS position and an artist, written by exiftool. */
export const PHOTO_TAGS = ['CANARY-LO-SERIAL', 'CANARY-LO-ARTIST'];

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
}

/** A small JPEG from ImageMagick, its EXIF written by exiftool. */
function makePhoto(dir: string): Buffer {
  const file = join(dir, 'photo.jpg');
  const convert =
    spawnSync('/usr/bin/convert', ['-version']).status === 0 ? '/usr/bin/convert' : 'convert';
  run(convert, ['-size', '48x32', 'gradient:navy-orange', file]);
  run('exiftool', [
    '-q',
    '-overwrite_original',
    '-Make=CanaryPhone',
    `-SerialNumber=${PHOTO_TAGS[0]}`,
    `-Artist=${PHOTO_TAGS[1]}`,
    '-GPSLatitude=33.5138',
    '-GPSLatitudeRef=N',
    '-GPSLongitude=36.2765',
    '-GPSLongitudeRef=E',
    file,
  ]);
  return readFileSync(file);
}

/** Writes the three flat sources; returns the conversions that make every kind. */
export function writeSources(dir: string, out: (k: OfficeKind) => string): Conversion[] {
  const jpeg = makePhoto(dir).toString('base64');
  const made: Record<Source, string> = {
    text: text(jpeg),
    sheet: sheet(jpeg),
    slides: slides(jpeg),
  };
  for (const [s, xml] of Object.entries(made))
    writeFileSync(join(dir, `src-${s}.${EXT[s as Source]}`), xml);
  return OFFICE_KINDS.map((k) => ({
    from: join(dir, `src-${SOURCE[k]}.${EXT[SOURCE[k]]}`),
    to: out(k),
    filter: FILTER[k],
  }));
}

// What LibreOffice does not write from a flat source, planted into its output with
// python3's zipfile: a printer name in ODF settings (LibreOffice drops a printer it
// does not know), OOXML custom XML, a thumbnail carrying the photo's EXIF, Word's
// people list and session ids (rsid), an Excel printer-settings blob (a DEVMODE whose
// device name is UTF-16), PowerPoint tags, and a zip comment on every archive.
const PY_PLANT = String.raw`
import sys, zipfile
kind, src, dst, photo = sys.argv[1:5]
P = 'http://schemas.openxmlformats.org/package/2006/relationships'
R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
CT = 'application/vnd.openxmlformats-officedocument.'
def sub(data, old, new):
    text = data.decode('utf-8')
    assert old in text, (kind, old)
    return text.replace(old, new, 1).encode('utf-8')
def rel(data, rid, typ, target):
    return sub(data, '</Relationships>', f'<Relationship Id="{rid}" Type="{typ}" Target="{target}"/></Relationships>')
def rels(entries):
    return ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="%s">%s</Relationships>' % (P, ''.join(f'<Relationship Id="{i}" Type="{t}" Target="{g}"/>' for i, t, g in entries))).encode()
main = {'docx': 'word/document.xml', 'xlsx': 'xl/workbook.xml', 'pptx': 'ppt/presentation.xml'}.get(kind)
main_rels = main and main.rsplit('/', 1)[0] + '/_rels/' + main.rsplit('/', 1)[1] + '.rels'
added = {}
def edit(name, data):
    if kind.startswith('o'):
        if name == 'settings.xml':
            return sub(data, '<config:config-item config:name="PrinterName" config:type="string"/>', f'<config:config-item config:name="PrinterName" config:type="string">CANARY-LO-PRINTER-{kind}</config:config-item>')
        return data
    if name == '_rels/.rels':
        return rel(data, 'rIdThumb', P + '/metadata/thumbnail', 'docProps/thumbnail.jpeg')
    if name == main_rels:
        data = rel(data, 'rIdCustomXml', R + '/customXml', '../customXml/item1.xml')
        if kind == 'docx':
            data = rel(data, 'rIdPeople', 'http://schemas.microsoft.com/office/2011/relationships/people', 'people.xml')
        return data
    if name == '[Content_Types].xml':
        extra = f'<Override PartName="/customXml/itemProps1.xml" ContentType="{CT}customXmlProperties+xml"/>'
        if kind == 'docx':
            extra += f'<Override PartName="/word/people.xml" ContentType="{CT}wordprocessingml.people+xml"/>'
        if kind == 'xlsx':
            extra += f'<Default Extension="bin" ContentType="{CT}spreadsheetml.printerSettings"/>'
        if kind == 'pptx':
            extra += f'<Override PartName="/ppt/tags/tag1.xml" ContentType="{CT}presentationml.tags+xml"/>'
        return sub(data, '</Types>', extra + '</Types>')
    if kind == 'docx' and name == 'word/settings.xml':
        return sub(data, '</w:settings>', '<w:rsids><w:rsidRoot w:val="00C1A5E1"/><w:rsid w:val="00C1A5E2"/></w:rsids></w:settings>')
    if kind == 'docx' and name == 'word/document.xml':
        return sub(data, '<w:body><w:p>', '<w:body><w:p w:rsidR="00C1A5E1" w:rsidRDefault="00C1A5E2">')
    if kind == 'xlsx' and name == 'xl/worksheets/sheet1.xml':
        return sub(data, '<pageSetup ', '<pageSetup r:id="rIdPrinter" ')
    if kind == 'xlsx' and name == 'xl/worksheets/_rels/sheet1.xml.rels':
        return rel(data, 'rIdPrinter', R + '/printerSettings', '../printerSettings/printerSettings1.bin')
    if kind == 'pptx' and name == 'ppt/slides/slide1.xml':
        return sub(data, '<p:cSld>', '<p:cSld><p:custDataLst><p:tags r:id="rIdTags"/></p:custDataLst>')
    if kind == 'pptx' and name == 'ppt/slides/_rels/slide1.xml.rels':
        return rel(data, 'rIdTags', R + '/tags', '../tags/tag1.xml')
    return data
if not kind.startswith('o'):
    added['docProps/thumbnail.jpeg'] = open(photo, 'rb').read()
    added['customXml/item1.xml'] = f'<?xml version="1.0" encoding="UTF-8"?><intake xmlns="urn:example:intake"><source>CANARY-LO-CUSTOM-XML-{kind}</source></intake>'.encode()
    added['customXml/itemProps1.xml'] = b'<?xml version="1.0" encoding="UTF-8"?><ds:datastoreItem ds:itemID="{0C1A5E10-0000-4000-8000-000000000001}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>'
    added['customXml/_rels/item1.xml.rels'] = rels([('rId1', R + '/customXmlProps', 'itemProps1.xml')])
if kind == 'docx':
    added['word/people.xml'] = b'<?xml version="1.0" encoding="UTF-8"?><w15:people xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"><w15:person w15:author="CANARY-LO-PERSON"><w15:presenceInfo w15:providerId="AD" w15:userId="S::CANARY-LO-PERSON-ID@example.org"/></w15:person></w15:people>'
if kind == 'xlsx':
    added['xl/printerSettings/printerSettings1.bin'] = 'CANARY-LO-PRINTER-xlsx'.encode('utf-16-le').ljust(64, b'\0') + bytes(156)
if kind == 'pptx':
    added['ppt/tags/tag1.xml'] = b'<?xml version="1.0" encoding="UTF-8"?><p:tagLst xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"><p:tag name="SOURCE" val="CANARY-LO-TAG"/></p:tagLst>'
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as zout:
    for info in zin.infolist():
        zout.writestr(info, edit(info.filename, zin.read(info.filename)), compress_type=info.compress_type)
    for name, data in added.items():
        zout.writestr(zipfile.ZipInfo(name, (2023, 11, 14, 8, 41, 6)), data, zipfile.ZIP_DEFLATED)
    zout.comment = f'CANARY-LO-ZIP-COMMENT-{kind}'.encode()
`;

/** Plants what LibreOffice does not write (see PY_PLANT) into `from`, writing `to`. */
export function postPlant(kind: OfficeKind, from: string, to: string, dir: string): void {
  run('python3', ['-c', PY_PLANT, kind, from, to, join(dir, 'photo.jpg')]);
}

/** Every planted string the made document must carry (checked in the original before stripping). */
export function plantedIn(kind: OfficeKind): string[] {
  const t = { text: 'T', sheet: 'S', slides: 'P' }[SOURCE[kind]];
  const odf = kind.startsWith('o');
  const list = [
    ...PHOTO_TAGS,
    ...[
      'AUTHOR',
      'EDITOR',
      'TITLE',
      'SUBJECT',
      'DESCRIPTION',
      'KEYWORD',
      'COMPANY',
      'MANAGER',
      'LINKBASE',
      'CUSTOM',
    ].map((p) => `CANARY-LO-${p}-${t}`),
    `CANARY-LO-COMMENTER-${t}`,
    `CANARY-LO-COMMENT-${t}`,
    `CANARY-LO-ZIP-COMMENT-${kind}`,
    'CANARY-LO-PICFILE-IMG_0042',
    'CANARY-LO-ALTPATH',
  ];
  if (odf)
    list.push(`CANARY-LO-PRINTED-BY-${t}`, `CANARY-LO-TEMPLATE-${t}`, `CANARY-LO-PRINTER-${kind}`);
  else list.push(`CANARY-LO-CUSTOM-XML-${kind}`);
  if (SOURCE[kind] === 'text')
    list.push('CANARY-LO-DELETER', 'CANARY-LO-INSERTER', DELETION.trim(), 'CANARY-LO-LOCAL-LINK');
  if (SOURCE[kind] === 'sheet') list.push('CANARY-LO-SHEET-EDITOR');
  if (kind === 'docx') list.push('CANARY-LO-PERSON');
  if (kind === 'xlsx') list.push('CANARY-LO-PRINTER-xlsx');
  if (kind === 'pptx') list.push('CANARY-LO-TAG');
  return list;
}
