import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stripFile } from '../../electron/core/metadata';
import { tempDir } from '../helpers/tmp';
import { FIXTURES, has, imagemagickCompare } from '../unit/metadata/helpers';

// Losslessness, as other programs see it: decoded pixels (ImageMagick), decoded
// HEIF pictures (libheif), PDF structure (qpdf) and text (poppler).

const COMPARE = imagemagickCompare();
const NO_HEIF = !has('heif-convert') || !COMPARE;
if (!COMPARE)
  console.warn(
    'ImageMagick is not installed (Debian: imagemagick): pixel comparisons are skipped.',
  );
if (NO_HEIF)
  console.warn(
    'heif-convert or ImageMagick is missing (Debian: libheif-examples imagemagick): HEIF pixel comparisons are skipped.',
  );
if (!has('qpdf')) console.warn('qpdf is not installed: qpdf --check of stripped PDFs is skipped.');
if (!has('pdftotext'))
  console.warn(
    'pdftotext is not installed (Debian: poppler-utils): PDF text comparisons are skipped.',
  );

function run(cmd: string, args: string[]): { status: number | null; out: string } {
  const r = spawnSync(cmd, args);
  return { status: r.status, out: `${r.stdout.toString()}${r.stderr.toString()}` };
}

/** compare -metric AE prints the count of differing pixels first (other warnings may follow). */
function differingPixels(out: string): number {
  const m = /^\s*(\d+(?:\.\d+)?(?:e[+-]?\d+)?)/.exec(out);
  return m ? Number(m[1]) : Number.NaN;
}

function frames(path: string): number {
  // stdout only: ImageMagick warns on stderr about odd XMP in the originals.
  const r = spawnSync(COMPARE!.replace(/compare$/, 'identify'), ['-format', '%p\n', path]);
  return r.status === 0 ? r.stdout.toString().trim().split('\n').length : 1;
}

async function stripped(name: string): Promise<{ input: string; output: string; dir: string }> {
  const dir = await tempDir();
  const output = join(dir, `clean-${name}`);
  await stripFile(join(FIXTURES, name), output);
  return { input: join(FIXTURES, name), output, dir };
}

describe('decoded pixels are identical (ImageMagick compare -metric AE)', () => {
  for (const name of [
    'camera.jpg',
    'cmyk.jpg',
    'progressive.jpg',
    'meta.png',
    'meta.webp',
    'alpha.webp',
    'anim.gif',
    'multipage.tif',
    'bigendian.tif',
  ]) {
    it.skipIf(!COMPARE)(name, async () => {
      const { input, output } = await stripped(name);
      const n = frames(input);
      expect(frames(output)).toBe(n);
      // compare looks at one frame at a time; every frame and page is checked.
      for (let i = 0; i < n; i += 1) {
        const r = run(COMPARE!, ['-metric', 'AE', `${input}[${i}]`, `${output}[${i}]`, 'null:']);
        expect(differingPixels(r.out), `${name} frame ${i}: ${r.out}`).toBe(0);
      }
    });
  }
});

describe('HEIF pictures decode identically (heif-convert)', () => {
  for (const name of ['meta.heic', 'meta.avif']) {
    it.skipIf(NO_HEIF)(name, async () => {
      const { input, output, dir } = await stripped(name);
      expect(run('heif-convert', [input, join(dir, 'before.png')]).status).toBe(0);
      expect(run('heif-convert', [output, join(dir, 'after.png')]).status).toBe(0);
      const r = run(COMPARE!, [
        '-metric',
        'AE',
        join(dir, 'before.png'),
        join(dir, 'after.png'),
        'null:',
      ]);
      expect(differingPixels(r.out), r.out).toBe(0);
      expect(run('heif-info', [output]).out).toMatch(/metadata:\s*\n\s*none/);
    });
  }
});

describe('stripped PDFs are valid and read the same', () => {
  for (const name of ['classic.pdf', 'updated.pdf', 'ghostscript.pdf']) {
    it.skipIf(!has('qpdf'))(`${name}: qpdf --check passes`, async () => {
      const { output } = await stripped(name);
      const r = run('qpdf', ['--check', output]);
      expect(r.status, r.out).toBe(0);
      expect(r.out).toMatch(/No syntax or stream encoding errors/);
    });
    it.skipIf(!has('pdftotext'))(`${name}: pdftotext gives the same text`, async () => {
      const { input, output } = await stripped(name);
      const before = run('pdftotext', [input, '-']);
      const after = run('pdftotext', [output, '-']);
      expect(after.status).toBe(0);
      expect(after.out).toBe(before.out);
      expect(after.out.trim().length).toBeGreaterThan(0);
    });
  }
});
