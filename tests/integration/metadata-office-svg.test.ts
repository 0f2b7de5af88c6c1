import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVigilInProcess } from '../helpers/cli';
import { LibreOffice } from '../helpers/libreoffice';
import {
  addSvgPicture,
  SVG_DOCUMENT_TEXT,
  SVG_OFFICE_KINDS,
  writeSvgSources,
  type SvgOfficeKind,
} from '../helpers/officeSvg';
import { hasTool } from '../helpers/peers';
import { plantedSvg, SVG_CANARIES } from '../helpers/svgSources';

// Office documents holding an SVG picture with a planted string in every place an SVG can
// hide one (tests/helpers/svgSources.ts), and a JPEG with EXIF inside it. LibreOffice makes
// them; the oracles are exiftool, python3's zipfile (which inflates every member, and the
// base64 pictures inside the SVG) and LibreOffice's own text of each document.
const ready =
  hasTool('exiftool', 'libimage-exiftool-perl libarchive-zip-perl') &&
  hasTool('python3', 'python3') &&
  hasTool('soffice', 'libreoffice-writer-nogui libreoffice-impress-nogui') &&
  hasTool('pdftotext', 'poppler-utils');

let dir = '';
const original = (t: SvgOfficeKind) => join(dir, `o-${t}.${t}`);
const stripped = (t: SvgOfficeKind) => join(dir, `s-${t}.${t}`);
const isText = (t: SvgOfficeKind) => t === 'docx' || t === 'odt';
const textFile = (t: SvgOfficeKind, which: 'o' | 's') =>
  join(dir, `text-${which}-${t}.${isText(t) ? 'txt' : 'pdf'}`);

// Every planted string in the raw bytes, in any inflated member, and in any base64 run
// inside one (the JPEG inside the SVG); the SVG members and what refers to them.
const PY_SCAN = String.raw`
import base64, json, re, sys, zipfile
raw = open(sys.argv[1], 'rb').read()
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None, 'bad CRC'
found = set()
datas = [raw] + [z.read(n) for n in z.namelist()]
for data in list(datas):
    for run in re.findall(rb'base64,([A-Za-z0-9+/=]+)', data):
        datas.append(base64.b64decode(run))
for data in datas:
    found.update(m.decode() for m in re.findall(rb'CANARY[-\w]*', data))
    found.update(re.findall(r'CANARY[-\w]*', data.decode('utf-16-le', 'ignore')))
svgs = [n for n in z.namelist() if n.endswith('.svg')]
in_svg = sorted(set(m.decode() for n in svgs for m in re.findall(rb'CANARY[-\w]*', z.read(n))))
print(json.dumps({'found': sorted(found), 'svgs': svgs, 'inSvg': in_svg,
  'svgBlip': any(b'svgBlip' in z.read(n) for n in z.namelist() if n.endswith('.xml')),
  'svgRef': any(b'image/svg+xml' in z.read(n) for n in z.namelist() if n.endswith('.xml'))}))
`;
const scan = (file: string) => {
  const r = spawnSync('python3', ['-c', PY_SCAN, file], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as {
    found: string[];
    svgs: string[];
    inSvg: string[];
    svgBlip: boolean;
    svgRef: boolean;
  };
};

async function textOf(t: SvgOfficeKind, which: 'o' | 's'): Promise<string> {
  if (isText(t)) return readFile(textFile(t, which), 'utf8');
  const r = spawnSync('pdftotext', ['-layout', textFile(t, which), '-'], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  return r.stdout;
}

describe.skipIf(!ready)('office documents with SVG pictures', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigil-office-svg-'));
    const photo = join(dir, 'photo.jpg');
    writeFileSync(photo, readFileSync(new URL('../fixtures/metadata/camera.jpg', import.meta.url)));
    const svg = Buffer.from(plantedSvg(readFileSync(photo)));
    const svgFile = join(dir, 'planted.svg');
    writeFileSync(svgFile, svg);
    const lo = new LibreOffice(dir);
    const made = (t: SvgOfficeKind) => join(dir, `lo-${t}.${t}`);
    lo.convert(writeSvgSources(dir, svg, made));
    for (const t of SVG_OFFICE_KINDS) {
      if (t === 'docx' || t === 'pptx') addSvgPicture(t, made(t), original(t), svgFile);
      else writeFileSync(original(t), readFileSync(made(t)));
      const r = await runVigilInProcess(['strip', original(t), '--out', stripped(t), '--json']);
      expect(r.code, `${t}: ${r.stderr}`).toBe(0);
    }
    lo.convert(
      SVG_OFFICE_KINDS.flatMap((t) =>
        (['o', 's'] as const).map((w) => ({
          from: w === 'o' ? original(t) : stripped(t),
          to: textFile(t, w),
          filter: isText(t) ? 'Text' : 'impress_pdf_Export',
        })),
      ),
    );
  }, 600_000);

  afterAll(async () => {
    if (dir && !process.env.KEEP) await rm(dir, { recursive: true, force: true });
  });

  for (const t of SVG_OFFICE_KINDS) {
    it(`${t}: every planted string is in the original's SVG; none is in the copy, which keeps its SVG picture`, () => {
      const before = scan(original(t));
      expect(before.svgs).toHaveLength(1);
      expect(before.found).toEqual(expect.arrayContaining(Object.values(SVG_CANARIES)));
      // The JPEG inside the SVG carries the fixture's EXIF canaries.
      expect(before.found).toEqual(expect.arrayContaining(['CANARY-ARTIST-7f3a']));
      expect(before.inSvg).toEqual(expect.arrayContaining(Object.values(SVG_CANARIES)));
      const after = scan(stripped(t));
      expect(after.inSvg).toEqual([]);
      // LibreOffice copies the SVG's title and description into the picture's alt text when
      // it inserts the picture: the document's own words then, which Vigil keeps (as it keeps
      // any alt text). Nothing else planted is left anywhere.
      const altText: string[] = [SVG_CANARIES.title, SVG_CANARIES.desc];
      expect(after.found.filter((f) => !altText.includes(f))).toEqual([]);
      expect(after.svgs).toHaveLength(1);
      if (t === 'docx' || t === 'pptx') expect(after.svgBlip).toBe(true);
      else expect(after.svgRef).toBe(true);
    });

    it(`${t}: exiftool (-ee3 -a -G1 -u) finds no planted string in the copy`, () => {
      const run = (file: string) =>
        spawnSync('exiftool', ['-j', '-ee3', '-a', '-G1', '-u', file], { encoding: 'utf8' }).stdout;
      expect(run(stripped(t))).not.toMatch(/CANARY/);
      // exiftool reads the SVG picture standalone too: before, it lists the planted words.
      const svgOut = join(dir, `s-${t}.svg`);
      const r = spawnSync('python3', [
        '-c',
        'import sys,zipfile;z=zipfile.ZipFile(sys.argv[1]);n=[m for m in z.namelist() if m.endswith(".svg")][0];open(sys.argv[2],"wb").write(z.read(n))',
        stripped(t),
        svgOut,
      ]);
      expect(r.status).toBe(0);
      expect(run(svgOut)).not.toMatch(/CANARY/);
      expect(run(join(dir, 'planted.svg'))).toMatch(/CANARY-SVG-DC-CREATOR/);
    });

    it(`${t}: LibreOffice opens the copy and finds the same text`, async () => {
      const before = await textOf(t, 'o');
      expect(before).toContain(SVG_DOCUMENT_TEXT);
      expect(await textOf(t, 's')).toBe(before);
    });
  }

  it('inspection of the document lists what its SVG picture carries', async () => {
    const r = await runVigilInProcess(['inspect', original('docx'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    for (const planted of [SVG_CANARIES.creator, SVG_CANARIES.exportFilename, 'CANARY-ARTIST-7f3a'])
      expect(r.stdout).toContain(planted);
  });
});
