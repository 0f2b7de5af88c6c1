import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Conversion } from './libreoffice';

/**
 * Office documents holding an SVG picture, made when the test runs.
 * LibreOffice 7.4 keeps an SVG picture as SVG (with a PNG fallback) in ODT
 * and ODP, but writes only the PNG to DOCX and PPTX; there the SVG is added
 * the way Word and PowerPoint write it (python3 zipfile): a media part, its
 * relationship, the content type and an `asvg:svgBlip` extension in the
 * picture's `a:blip`, the PNG staying as the fallback.
 */

export const SVG_OFFICE_KINDS = ['docx', 'pptx', 'odt', 'odp'] as const;
export type SvgOfficeKind = (typeof SVG_OFFICE_KINDS)[number];

export const SVG_DOCUMENT_TEXT = 'The icon of the second site, as the witness drew it.';

const NS = [
  'office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"',
  'svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
  'presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0"',
  'xlink="http://www.w3.org/1999/xlink"',
]
  .map((n) => `xmlns:${n}`)
  .join(' ');

const picture = (svg: Buffer, attrs: string): string =>
  `<draw:frame draw:name="Icon" svg:width="3cm" svg:height="3cm"${attrs}><draw:image><office:binary-data>${svg.toString('base64')}</office:binary-data></draw:image></draw:frame>`;

function source(kind: 'text' | 'presentation', svg: Buffer): string {
  const body =
    kind === 'text'
      ? `<office:text><text:p>${SVG_DOCUMENT_TEXT}</text:p><text:p>${picture(svg, ' text:anchor-type="as-char"')}</text:p><text:p>End of the statement.</text:p></office:text>`
      : `<office:presentation><draw:page draw:name="Sites"><draw:frame svg:width="20cm" svg:height="3cm" svg:x="2cm" svg:y="2cm"><draw:text-box><text:p>${SVG_DOCUMENT_TEXT}</text:p></draw:text-box></draw:frame>${picture(svg, ' svg:x="2cm" svg:y="8cm"')}</draw:page></office:presentation>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document ${NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.${kind}"><office:body>${body}</office:body></office:document>
`;
}

const FILTER: Record<SvgOfficeKind, string> = {
  docx: 'MS Word 2007 XML',
  pptx: 'Impress MS PowerPoint 2007 XML',
  odt: 'writer8',
  odp: 'impress8',
};

/** Writes the two flat sources; returns the conversions LibreOffice makes of them. */
export function writeSvgSources(
  dir: string,
  svg: Buffer,
  out: (k: SvgOfficeKind) => string,
): Conversion[] {
  writeFileSync(join(dir, 'svg-text.fodt'), source('text', svg));
  writeFileSync(join(dir, 'svg-slides.fodp'), source('presentation', svg));
  return SVG_OFFICE_KINDS.map((k) => ({
    from: join(dir, k === 'docx' || k === 'odt' ? 'svg-text.fodt' : 'svg-slides.fodp'),
    to: out(k),
    filter: FILTER[k],
  }));
}

const PY_ADD_SVG = String.raw`
import sys, zipfile
kind, src, dst, svg = sys.argv[1:5]
svg = open(svg, 'rb').read()
root = {'docx': 'word', 'pptx': 'ppt'}[kind]
part = {'docx': 'word/document.xml', 'pptx': 'ppt/slides/slide1.xml'}[kind]
rels = part.rsplit('/', 1)[0] + '/_rels/' + part.rsplit('/', 1)[1] + '.rels'
R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image'
EXT = ('<a:extLst><a:ext uri="{96DAC541-7B7A-43D3-8B79-37D633B846F1}">'
       '<asvg:svgBlip xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main" r:embed="rIdSvg1"/>'
       '</a:ext></a:extLst>')
def sub(data, old, new):
    text = data.decode('utf-8')
    assert old in text, (kind, old)
    return text.replace(old, new, 1).encode('utf-8')
zin = zipfile.ZipFile(src)
with zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as zout:
    for info in zin.infolist():
        data = zin.read(info.filename)
        if info.filename == part:
            text = data.decode('utf-8')
            start = text.index('<a:blip ')
            end = text.index('>', start)
            if text[end - 1] == '/':
                text = text[:end - 1] + '>' + EXT + '</a:blip>' + text[end + 1:]
            else:
                text = text[:end + 1] + EXT + text[end + 1:]
            data = text.encode('utf-8')
        elif info.filename == rels:
            target = 'media/image-svg1.svg' if kind == 'docx' else '../media/image-svg1.svg'
            data = sub(data, '</Relationships>', f'<Relationship Id="rIdSvg1" Type="{R}" Target="{target}"/></Relationships>')
        elif info.filename == '[Content_Types].xml':
            data = sub(data, '<Default ', '<Default Extension="svg" ContentType="image/svg+xml"/><Default ')
        zout.writestr(info, data)
    zout.writestr(root + '/media/image-svg1.svg', svg)
`;

/** Adds the SVG picture to LibreOffice's DOCX or PPTX, as Word and PowerPoint write it. */
export function addSvgPicture(kind: 'docx' | 'pptx', from: string, to: string, svg: string): void {
  const r = spawnSync('python3', ['-c', PY_ADD_SVG, kind, from, to, svg], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`adding the SVG picture failed: ${r.stderr}`);
}
