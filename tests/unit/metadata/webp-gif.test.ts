import { describe, expect, it } from 'vitest';
import { inspectBuffer, stripBuffer } from '../../../electron/core/metadata';
import { parseGif } from '../../../electron/core/metadata/formats/gif';
import { parseWebp } from '../../../electron/core/metadata/formats/webp';
import { EXIF_CANARIES, expectClean, expectFinds, expectVigilError, fixture } from './helpers';

/** The coded image chunks (VP8, VP8L, ALPH, frames), which must not change. */
function webpImage(buf: Buffer): Buffer {
  const { chunks } = parseWebp(buf);
  return Buffer.concat(
    chunks
      .filter((c) => ['VP8 ', 'VP8L', 'ALPH', 'ANMF'].includes(c.type))
      .map((c) => buf.subarray(c.data, c.data + c.size)),
  );
}

function gifImages(buf: Buffer): Buffer {
  const parsed = parseGif(buf);
  return Buffer.concat([
    buf.subarray(0, parsed.headerEnd),
    ...parsed.blocks.filter((b) => b.kind === 'image').map((b) => buf.subarray(b.start, b.end)),
  ]);
}

describe('WebP', () => {
  it('inspection reads the EXIF and XMP chunks exifr cannot see, and trailing data', async () => {
    const report = await inspectBuffer(fixture('meta.webp'));
    expectFinds(report, [
      ...EXIF_CANARIES,
      { value: 'CANARY-TRAILER-0f9c', risky: true, group: 'hidden' },
    ]);
    expect(report.capture.longitude).toBeCloseTo(2.2945, 4);
  });

  for (const name of ['meta.webp', 'alpha.webp']) {
    it(`strips ${name}: EXIF/XMP chunks and VP8X flags gone, RIFF size fixed, image chunks unchanged`, async () => {
      const input = fixture(name);
      const { output, report } = await stripBuffer(input);
      await expectClean(output, report.kept, inspectBuffer);
      expect(webpImage(output).equals(webpImage(input))).toBe(true);
      expect(output.readUInt32LE(4)).toBe(output.length - 8);
      const { chunks } = parseWebp(output);
      expect(chunks.map((c) => c.type).filter((t) => ['EXIF', 'XMP ', 'ICCP'].includes(t))).toEqual(
        [],
      );
      const vp8x = chunks.find((c) => c.type === 'VP8X');
      if (vp8x) expect(output[vp8x.data]! & 0x2c).toBe(0);
    });
  }

  it('refuses a WebP whose RIFF size exceeds the file', async () => {
    const input = Buffer.from(fixture('meta.webp'));
    input.writeUInt32LE(input.length * 2, 4);
    await expectVigilError(stripBuffer(input), 'INVALID_INPUT', /WebP image is truncated/);
  });
});

describe('GIF', () => {
  it('inspection reads comments, the XMP application extension and trailing data', async () => {
    const report = await inspectBuffer(fixture('anim.gif'));
    expectFinds(report, [
      { value: 'CANARY-XMP-CREATOR-2b6e', risky: true, group: 'people' },
      { value: 'CANARY-COM-e17d', risky: true, group: 'document' },
      { value: 'CANARY-TRAILER-0f9c', risky: true, group: 'hidden' },
      { value: '3 frame(s)', group: 'structure' },
    ]);
  });

  it('strips comments, XMP and trailing data; frames, timing and looping stay', async () => {
    const input = fixture('anim.gif');
    const { output, report } = await stripBuffer(input);
    await expectClean(output, report.kept, inspectBuffer);
    expect(gifImages(output).equals(gifImages(input))).toBe(true);
    const parsed = parseGif(output);
    expect(parsed.trailerEnd).toBe(output.length);
    expect(parsed.blocks.filter((b) => b.kind === 'extension' && b.label === 0xf9)).toHaveLength(3);
    expect(report.kept).toEqual([expect.objectContaining({ key: 'gif.loop', value: '0' })]);
    expect(output.includes('NETSCAPE2.0')).toBe(true);
  });

  it('refuses a GIF without its trailer', async () => {
    const input = fixture('anim.gif');
    const parsed = parseGif(input);
    await expectVigilError(
      stripBuffer(input.subarray(0, parsed.trailerEnd - 1)),
      'INVALID_INPUT',
      /GIF image is truncated: it ends before its trailer/,
    );
  });
});
