import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  inspectBuffer,
  inspectFile,
  stripBuffer,
  stripFile,
} from '../../../electron/core/metadata';
import { tempDir } from '../../helpers/tmp';
import { expectVigilError, fixture, FIXTURES, plainZip } from './helpers';

describe('unsupported, encrypted, malformed and ambiguous files', () => {
  for (const [name, what] of [['video.webm', 'WebM/Matroska video']] as const) {
    it(`${name}: "not supported yet", and inspection says so`, async () => {
      await expectVigilError(
        stripBuffer(fixture(name)),
        'UNSUPPORTED',
        new RegExp(`${what}.*not supported yet`),
      );
      const report = await inspectBuffer(fixture(name));
      expect(report.fields).toEqual([]);
      // Never "nothing found" about what could not be read.
      expect(report.readable).toBe(false);
      expect(report.unreadableReason).toMatch(
        new RegExp(`cannot read this kind of file's metadata \\(${what}`),
      );
    });
  }

  it('a DOCX whose structure is broken is unreadable, yet inspection shows the author its core.xml names (the reproducer), and stripping refuses it', async () => {
    const report = await inspectBuffer(fixture('document.docx'));
    expect(report.type).toBe('docx');
    expect(report.readable).toBe(false);
    expect(report.unreadableReason).toMatch(/no main document part/);
    const author = report.fields.find((f) => f.value === 'CANARY-DOCX-AUTHOR');
    expect(author).toMatchObject({ group: 'people', risky: true });
    await expectVigilError(
      stripBuffer(fixture('document.docx')),
      'INVALID_INPUT',
      /no main document part/,
    );
  });

  it('an unknown type, a plain ZIP and damaged images are unreadable, never "clean"', async () => {
    const zip = await plainZip();
    const cases: [Buffer, RegExp][] = [
      [Buffer.from('just some text'), /does not recognise the type/],
      [Buffer.alloc(0), /does not recognise the type/],
      [zip, /cannot read this kind of file's metadata \(ZIP archive\)/],
      [fixture('progressive.jpg').subarray(0, 200), /JPEG/],
      [fixture('meta.png').subarray(0, 60), /PNG/],
      [fixture('anim.gif').subarray(0, 30), /GIF/],
      [fixture('meta.webp').subarray(0, 40), /WebP/],
      [fixture('multipage.tif').subarray(0, 12), /TIFF/],
      [fixture('meta.heic').subarray(0, 64), /HEIC/],
      [fixture('encrypted.pdf'), /encrypted/],
    ];
    for (const [bytes, reason] of cases) {
      const report = await inspectBuffer(bytes);
      expect(report.readable, reason.source).toBe(false);
      expect(report.unreadableReason).toMatch(reason);
    }
    for (const name of ['camera.jpg', 'meta.png', 'classic.pdf', 'meta.heic', 'anim.gif']) {
      const report = await inspectBuffer(fixture(name));
      expect(report.readable, name).toBe(true);
      expect(report.unreadableReason).toBeUndefined();
    }
  });

  it('an MP4 without a movie header is refused as damaged, and inspection says why', async () => {
    await expectVigilError(
      stripBuffer(fixture('video.mp4')),
      'INVALID_INPUT',
      /MP4 video is damaged: it has no movie header/,
    );
    const report = await inspectBuffer(fixture('video.mp4'));
    expect(report.warnings.join(' ')).toMatch(/no movie header/);
  });

  it('a minimal MP3 (an ID3 tag and one frame) keeps its one frame', async () => {
    const input = fixture('audio.mp3');
    const { output, report } = await stripBuffer(input);
    expect(output.equals(input.subarray(input.indexOf(Buffer.from([0xff, 0xfb]))))).toBe(true);
    expect(report.removed.map((f) => f.value)).toContain('Title!');
  });

  it('an unknown type is refused', async () => {
    await expectVigilError(
      stripBuffer(Buffer.from('just some text')),
      'UNSUPPORTED',
      /does not recognise the type/,
    );
    await expectVigilError(
      stripBuffer(new Uint8Array(0)),
      'UNSUPPORTED',
      /does not recognise the type/,
    );
  });

  it('a JPEG that is also a PDF is ambiguous', async () => {
    const jpeg = fixture('progressive.jpg');
    const comment = Buffer.from('%PDF-1.4 hidden');
    const com = Buffer.concat([Buffer.from([0xff, 0xfe, 0, comment.length + 2]), comment]);
    const polyglot = Buffer.concat([jpeg.subarray(0, 2), com, jpeg.subarray(2)]);
    await expectVigilError(
      stripBuffer(polyglot),
      'INVALID_INPUT',
      /ambiguous: it is a JPEG image, but it is also a PDF document/,
    );
    expect((await inspectBuffer(polyglot)).warnings.join(' ')).toMatch(/ambiguous/);
  });

  it('a JPEG with a ZIP archive appended is ambiguous', async () => {
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    const polyglot = Buffer.concat([
      fixture('camera.jpg'),
      Buffer.from('PK\x03\x04 member data'),
      eocd,
    ]);
    await expectVigilError(stripBuffer(polyglot), 'INVALID_INPUT', /also holds a ZIP archive/);
  });

  const truncatable = [
    'camera.jpg',
    'meta.png',
    'meta.webp',
    'anim.gif',
    'multipage.tif',
    'meta.heic',
    'meta.avif',
    'ghostscript.pdf',
  ];
  for (const name of truncatable) {
    it(`${name} truncated to half is refused as damaged, and inspection does not throw`, async () => {
      const input = fixture(name);
      const half = input.subarray(0, Math.floor(input.length / 2));
      await expectVigilError(stripBuffer(half), 'INVALID_INPUT', /truncated|damaged/);
      const report = await inspectBuffer(half);
      expect(report.size).toBe(half.length);
    });
  }
});

describe('stripFile and inspectFile', () => {
  it('writes the stripped copy and leaves the original untouched', async () => {
    const dir = await tempDir();
    const out = join(dir, 'clean.jpg');
    const input = join(FIXTURES, 'camera.jpg');
    const before = await readFile(input);
    const report = await stripFile(input, out);
    expect((await readFile(out)).length).toBe(report.outputSize);
    expect((await readFile(input)).equals(before)).toBe(true);
    expect(await readdir(dir)).toEqual(['clean.jpg']);
    expect((await inspectFile(out)).risky).toBe(0);
  });

  for (const name of ['encrypted.pdf', 'trailing.png', 'document.docx']) {
    it(`leaves no output (and no temp file) when ${name} is refused`, async () => {
      const dir = await tempDir();
      await expect(stripFile(join(FIXTURES, name), join(dir, 'out'))).rejects.toMatchObject({
        name: 'VigilError',
      });
      expect(await readdir(dir)).toEqual([]);
    });
  }

  it('refuses to overwrite an existing output unless forced', async () => {
    const dir = await tempDir();
    const out = join(dir, 'clean.jpg');
    await writeFile(out, 'precious');
    await expectVigilError(
      stripFile(join(FIXTURES, 'camera.jpg'), out),
      'CONFLICT',
      /clean\.jpg already exists; use --force/,
    );
    expect(await readFile(out, 'utf8')).toBe('precious');
    await stripFile(join(FIXTURES, 'camera.jpg'), out, { force: true });
    expect((await readFile(out)).subarray(0, 2).equals(Buffer.from([0xff, 0xd8]))).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(['clean.jpg']);
  });

  it('refuses to write over its own input, even with force', async () => {
    const dir = await tempDir();
    const path = join(dir, 'photo.jpg');
    await writeFile(path, fixture('camera.jpg'));
    await expectVigilError(
      stripFile(path, join(dir, '.', 'photo.jpg'), { force: true }),
      'INVALID_INPUT',
      /must not be the input file/,
    );
    expect((await readFile(path)).equals(fixture('camera.jpg'))).toBe(true);
  });

  it('reports a missing input plainly', async () => {
    const dir = await tempDir();
    await expectVigilError(
      inspectFile(join(dir, 'nope.jpg')),
      'NOT_FOUND',
      /nope\.jpg: no such file/,
    );
    await expectVigilError(
      stripFile(join(dir, 'nope.jpg'), join(dir, 'out.jpg')),
      'NOT_FOUND',
      /no such file/,
    );
    await expectVigilError(inspectFile(dir), 'INVALID_INPUT', /not a regular file/);
  });
});
