import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVigilInProcess } from '../helpers/cli';
import { LibreOffice, type Conversion } from '../helpers/libreoffice';
import {
  OBJECT_CANARIES,
  OBJECT_DOCS,
  plantObjectDoc,
  writeObjectSources,
  type ObjectDoc,
} from '../helpers/officeObjects';
import { scanPackage } from '../helpers/officeScan';
import { hasTool } from '../helpers/peers';
import {
  bitmapInfo,
  emfColorSpaceW,
  emfFile,
  emfHeader,
  emfIcmProfileW,
  emfPolyline16,
  emfPrivateComment,
  emfRectangle,
  emfSetTextColor,
  emfStretchDibits,
  emfText,
  plantedWmf,
  rgbBitmap,
} from '../helpers/metafiles';

// Issue 15: an embedded object (a spreadsheet inside a text or a slide) comes out of
// LibreOffice as a nested package and an EMF preview; clip art as EMF and WMF pictures.
// Vigil used to refuse all of them. Oracles: python3's zipfile (down into the nested
// package), exiftool, and LibreOffice's own text of the document.
const ready =
  hasTool('exiftool', 'libimage-exiftool-perl libarchive-zip-perl') &&
  hasTool('python3', 'python3') &&
  hasTool('soffice', 'libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui') &&
  hasTool('pdftotext', 'poppler-utils') &&
  hasTool('compare', 'imagemagick');

/** Pictures on their own, drawn by LibreOffice before and after stripping. */
const PICTURES = ['planted.emf', 'planted.wmf'] as const;
async function writePictures(): Promise<void> {
  const fixtures = new URL('../fixtures/metadata/', import.meta.url);
  const jpeg = await readFile(new URL('camera.jpg', fixtures));
  const png = await readFile(new URL('meta.png', fixtures));
  const emf = emfFile(emfHeader('CANARY-PIC-APP\0CANARY-PIC-TITLE\0\0'), [
    emfSetTextColor(),
    emfRectangle(),
    emfPrivateComment('CANARY-PIC-COMMENT'),
    emfIcmProfileW('C:\\Users\\CANARY-PIC-ICM\\sRGB.icc'),
    emfColorSpaceW('CANARY-PIC-CS.icc', 'CANARY-PIC-CSDATA'),
    emfPolyline16(),
    rgbBitmap(),
    emfStretchDibits(bitmapInfo(40, 30, 4, jpeg.length), jpeg),
    emfStretchDibits(bitmapInfo(40, 30, 5, png.length), png),
    emfText('Witness statement'),
  ]);
  await writeFile(join(dir, 'o-planted.emf'), emf);
  await writeFile(join(dir, 'o-planted.wmf'), plantedWmf());
}

let dir = '';
const original = (d: ObjectDoc) => join(dir, `o-${d}`);
const stripped = (d: ObjectDoc) => join(dir, `s-${d}`);
const slides = (d: ObjectDoc) => /\.(pptx|odp)$/.test(d);
const sheet = (d: ObjectDoc) => d.endsWith('.ods');
// LibreOffice's own text of each document: plain text, the first sheet as CSV, or the slides as PDF.
const textFile = (d: ObjectDoc, which: 'o' | 's') =>
  join(dir, `text-${which}-${d}.${slides(d) ? 'pdf' : sheet(d) ? 'csv' : 'txt'}`);
const textFilter = (d: ObjectDoc) =>
  slides(d) ? 'impress_pdf_Export' : sheet(d) ? 'Text - txt - csv (StarCalc)' : 'Text';

async function textOf(d: ObjectDoc, which: 'o' | 's'): Promise<string> {
  if (!slides(d)) return readFile(textFile(d, which), 'utf8');
  const r = spawnSync('pdftotext', ['-layout', textFile(d, which), '-'], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  return r.stdout;
}

describe.skipIf(!ready)('office documents with embedded objects and metafile pictures', () => {
  const results = new Map<ObjectDoc, { code: number; stderr: string }>();

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigil-objects-'));
    const lo = new LibreOffice(dir);
    const made = (d: ObjectDoc) => join(dir, `lo-${d}`);
    lo.convert(writeObjectSources(dir, made));
    for (const d of OBJECT_DOCS) plantObjectDoc(d, made(d), original(d));
    for (const d of OBJECT_DOCS) {
      const r = await runVigilInProcess(['strip', original(d), '--out', stripped(d), '--json']);
      results.set(d, r);
    }
    await writePictures();
    for (const p of PICTURES) {
      const r = await runVigilInProcess([
        'strip',
        join(dir, `o-${p}`),
        '--out',
        join(dir, `s-${p}`),
      ]);
      expect(r.code, `${p}: ${r.stderr}`).toBe(0);
    }
    const drawings: Conversion[] = PICTURES.flatMap((p) =>
      (['o', 's'] as const).map((w) => ({
        from: join(dir, `${w}-${p}`),
        to: join(dir, `${w}-${p}.png`),
        filter: 'draw_png_Export',
      })),
    );
    const texts: Conversion[] = OBJECT_DOCS.filter((d) => results.get(d)?.code === 0).flatMap((d) =>
      (['o', 's'] as const).map((w) => ({
        from: w === 'o' ? original(d) : stripped(d),
        to: textFile(d, w),
        filter: textFilter(d),
      })),
    );
    lo.convert([...texts, ...drawings]);
  }, 600_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  for (const p of PICTURES) {
    it(`${p}: LibreOffice draws the stripped picture exactly as the original`, async () => {
      const before = await readFile(join(dir, `o-${p}`));
      const after = await readFile(join(dir, `s-${p}`));
      expect(before.includes('CANARY')).toBe(true);
      expect(after.includes('CANARY') || after.includes(Buffer.from('CANARY', 'utf16le'))).toBe(
        false,
      );
      const r = spawnSync(
        'compare',
        ['-metric', 'AE', join(dir, `o-${p}.png`), join(dir, `s-${p}.png`), 'null:'],
        { encoding: 'utf8' },
      );
      expect(r.stderr.trim(), r.stderr).toBe('0');
    });
  }

  for (const d of OBJECT_DOCS) {
    it(`${d}: Vigil strips it; python3 inflates every member, nested packages too, and finds no planted string`, () => {
      const r = results.get(d)!;
      expect(r.code, r.stderr).toBe(0);
      const before = scanPackage(original(d));
      expect(before.found).toEqual(expect.arrayContaining(OBJECT_CANARIES[d]));
      const after = scanPackage(stripped(d));
      expect(after.found).toEqual([]);
      // The object and its preview are still there (stripped, not dropped).
      if (d.startsWith('object.') && d.endsWith('x')) {
        expect(after.names.some((n) => /\/embeddings\/.+\.xlsx$/.test(n))).toBe(true);
        expect(after.nested.some((n) => n.endsWith('xl/worksheets/sheet1.xml'))).toBe(true);
        expect(after.names.some((n) => /\/media\/.+\.emf$/.test(n))).toBe(true);
      }
      if (d === 'object.odt' || d === 'object.odp' || d === 'object.ods')
        expect(after.names).toEqual(expect.arrayContaining(['Object 1/content.xml']));
      if (d.startsWith('clip.'))
        expect(after.names.filter((n) => /media|Pictures/.test(n)).length).toBeGreaterThanOrEqual(
          2,
        );
    });

    it(`${d}: exiftool (-ee3 -a -G1 -u) finds no planted string in the copy`, () => {
      const out = spawnSync('exiftool', ['-j', '-ee3', '-a', '-G1', '-u', stripped(d)], {
        encoding: 'utf8',
      }).stdout;
      expect(out).toMatch(/"SourceFile"/);
      expect(out).not.toMatch(/CANARY/);
      expect(out).not.toMatch(/"(ExifTool:)?Error"/);
    });

    it(`${d}: LibreOffice opens the copy and finds the same text`, async () => {
      const before = await textOf(d, 'o');
      expect(before).toMatch(/Report of the visit|Letter from the organisation/);
      expect(await textOf(d, 's')).toBe(before);
    });
  }
});
