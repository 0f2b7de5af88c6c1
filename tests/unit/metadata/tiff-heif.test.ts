import { describe, expect, it } from 'vitest';
import { inspectBuffer, stripBuffer } from '../../../electron/core/metadata';
import { Bytes } from '../../../electron/core/metadata/bytes';
import { IfdReader, readTiffHeader } from '../../../electron/core/metadata/formats/ifd';
import { heifImageData, readBoxes } from '../../../electron/core/metadata/formats/heif';
import { EXIF_CANARIES, expectClean, expectFinds, expectVigilError, fixture } from './helpers';

/** Each page's strips, concatenated: the compressed pixels, which must not change. */
function tiffPages(buf: Buffer): { strips: Buffer; tags: number[] }[] {
  const b = new Bytes(buf, 'test');
  const h = readTiffHeader(b, 0);
  const r = new IfdReader(b, h.little, 0);
  const pages: { strips: Buffer; tags: number[] }[] = [];
  for (let next = h.firstIfd; next !== 0;) {
    const ifd = r.read(next);
    const off = r.ints(ifd.entries.find((e) => e.tag === 273)!);
    const cnt = r.ints(ifd.entries.find((e) => e.tag === 279)!);
    pages.push({
      strips: Buffer.concat(off.map((o, i) => buf.subarray(o, o + cnt[i]!))),
      tags: ifd.entries.map((e) => e.tag),
    });
    next = ifd.next;
  }
  return pages;
}

describe('TIFF', () => {
  it('inspection reads EXIF, GPS, XMP, IPTC and the text tags of every page', async () => {
    const report = await inspectBuffer(fixture('multipage.tif'));
    expectFinds(report, [
      ...EXIF_CANARIES,
      { value: 'CANARY-IPTC-BYLINE-33c1', risky: true },
      { value: 'CANARY-PAGE2-ARTIST-3e3e', risky: true, group: 'people' },
      { value: 'CANARY-PAGE2-DESC-d00d' },
    ]);
    expect(report.fields.find((f) => f.key === 'tiff.pages')?.value).toBe('2');
    expect(report.capture.latitude).toBeCloseTo(48.8584, 4);
  });

  it('rebuilds a multi-page TIFF from structural tags; every page and its pixels stay', async () => {
    const input = fixture('multipage.tif');
    const { output, report } = await stripBuffer(input);
    await expectClean(output, report.kept, inspectBuffer);
    const before = tiffPages(input);
    const after = tiffPages(output);
    expect(after).toHaveLength(2);
    after.forEach((page, i) => {
      expect(page.strips.equals(before[i]!.strips)).toBe(true);
      for (const tag of [270, 271, 272, 305, 315, 33432, 34665, 34853, 700, 33723])
        expect(page.tags).not.toContain(tag);
    });
    expect(report.kept.map((k) => k.key)).toContain('tiff.pages');
  });

  it('keeps a big-endian TIFF big-endian and reads its southern GPS position', async () => {
    const input = fixture('bigendian.tif');
    const report = await inspectBuffer(input);
    expect(report.capture.latitude).toBeCloseTo(-33.8568, 4);
    expect(report.capture.longitude).toBeCloseTo(151.2153, 4);
    const { output, report: strip } = await stripBuffer(input);
    await expectClean(output, strip.kept, inspectBuffer);
    expect(output.subarray(0, 4).toString('latin1')).toBe('MM\0*');
    expect(tiffPages(output)[0]!.strips.equals(tiffPages(input)[0]!.strips)).toBe(true);
  });

  it('refuses a directory chain that loops', async () => {
    const input = Buffer.from(fixture('bigendian.tif'));
    const b = new Bytes(input, 'test');
    const h = readTiffHeader(b, 0);
    const ifd = new IfdReader(b, h.little, 0).read(h.firstIfd);
    input.writeUInt32BE(h.firstIfd, ifd.end - 4);
    await expectVigilError(stripBuffer(input), 'INVALID_INPUT', /chain of image directories loops/);
  });

  it('refuses TIFF compression it cannot clean safely', async () => {
    const input = Buffer.from(fixture('bigendian.tif'));
    const b = new Bytes(input, 'test');
    const h = readTiffHeader(b, 0);
    const e = new IfdReader(b, h.little, 0).read(h.firstIfd).entries.find((x) => x.tag === 259)!;
    input.writeUInt16BE(7, e.valueOffset);
    await expectVigilError(stripBuffer(input), 'UNSUPPORTED', /compression 7/);
  });
});

describe('HEIC and AVIF', () => {
  for (const name of ['meta.heic', 'meta.avif']) {
    it(`${name}: inspection finds the Exif item, the XMP item and the thumbnail`, async () => {
      const report = await inspectBuffer(fixture(name));
      expectFinds(report, EXIF_CANARIES);
      expect(report.fields.some((f) => f.key.startsWith('heif.thumbnail') && f.risky)).toBe(true);
      expect(report.capture.time).toBe('2024-03-05T14:22:10+02:00');
    });

    it(`${name}: strips the Exif and XMP items and the thumbnail; image data and offsets unchanged`, async () => {
      const input = fixture(name);
      const { output, report } = await stripBuffer(input);
      await expectClean(output, report.kept, inspectBuffer);
      expect(output.length).toBe(input.length);
      expect(heifImageData(output).equals(heifImageData(input))).toBe(true);
      // The rebuilt metadata box is smaller; a zeroed free box fills the gap so that no offset moves.
      const top = (buf: Buffer): string[] =>
        readBoxes(new Bytes(buf, 'test'), 0, buf.length)
          .filter((x) => x.type !== 'free')
          .map((x) => `${x.type}@${x.start}`);
      expect(top(output)).toEqual(top(input));
      expect(output.includes('Exif')).toBe(false);
      expect(output.includes('application/rdf+xml')).toBe(false);
      expect(report.removed.some((f) => f.key.startsWith('heif.thumbnail'))).toBe(true);
    });
  }

  it('refuses a HEIF image sequence', async () => {
    const input = fixture('meta.heic');
    const moov = Buffer.from([0, 0, 0, 8, 0x6d, 0x6f, 0x6f, 0x76]);
    await expectVigilError(
      stripBuffer(Buffer.concat([input, moov])),
      'UNSUPPORTED',
      /image sequence or a motion photo/,
    );
  });

  it('refuses a box whose size runs past the end', async () => {
    const input = Buffer.from(fixture('meta.heic'));
    const meta = readBoxes(new Bytes(input, 'test'), 0, input.length).find(
      (x) => x.type === 'meta',
    )!;
    input.writeUInt32BE(input.length, meta.start);
    await expectVigilError(
      stripBuffer(input),
      'INVALID_INPUT',
      /HEIC image is damaged: the "meta" box at byte \d+ has an impossible size/,
    );
  });
});
