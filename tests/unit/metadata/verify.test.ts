import { describe, expect, it } from 'vitest';
import { stripBuffer } from '../../../electron/core/metadata';
import { verifyGif } from '../../../electron/core/metadata/formats/gif';
import { verifyHeif } from '../../../electron/core/metadata/formats/heif';
import { verifyJpeg } from '../../../electron/core/metadata/formats/jpeg';
import { verifyPng } from '../../../electron/core/metadata/formats/png';
import { verifyTiff } from '../../../electron/core/metadata/formats/tiff';
import { verifyWebp } from '../../../electron/core/metadata/formats/webp';
import { verifyPdf } from '../../../electron/core/metadata/pdf/verify';
import { fixture } from './helpers';

// The re-inspection that gates every output must itself be able to fail: each
// verifier rejects the original (metadata-laden) file and accepts the stripped one.
const CASES: [string, (b: Buffer) => void | Promise<void>, RegExp][] = [
  [
    'camera.jpg',
    verifyJpeg,
    /segment 0x[0-9a-f]+ at byte \d+ is not allowed|data remains after the end/,
  ],
  ['meta.png', verifyPng, /chunk is not allowed/],
  [
    'meta.webp',
    verifyWebp,
    /data remains after the RIFF container|announces metadata|is not allowed/,
  ],
  ['anim.gif', verifyGif, /data remains after the trailer|is not allowed/],
  ['multipage.tif', verifyTiff, /tag \d+ is not allowed/],
  ['meta.heic', verifyHeif, /is left|not allowed/],
  ['meta.avif', verifyHeif, /is left|not allowed/],
  ['classic.pdf', verifyPdf, /check of the stripped PDF failed/],
  ['ghostscript.pdf', verifyPdf, /check of the stripped PDF failed/],
];

describe('the verifiers that gate every output', () => {
  for (const [name, verify, message] of CASES) {
    it(`${name}: rejects the original, accepts the stripped copy`, async () => {
      const original = fixture(name);
      // Some verifiers are asynchronous (the PDF one inspects every image it finds).
      await expect(Promise.resolve().then(() => verify(original))).rejects.toThrow(message);
      const { output } = await stripBuffer(original);
      await expect(Promise.resolve().then(() => verify(output))).resolves.toBeUndefined();
    });
  }

  it('rejects a stripped JPEG with one byte of hidden trailing data', async () => {
    const { output } = await stripBuffer(fixture('camera.jpg'));
    expect(() => verifyJpeg(Buffer.concat([output, Buffer.from('x')]))).toThrow(
      /data remains after the end of the image/,
    );
  });

  it('rejects a stripped TIFF with bytes that belong to no structure', async () => {
    const { output } = await stripBuffer(fixture('bigendian.tif'));
    expect(() => verifyTiff(Buffer.concat([output, Buffer.from('hidden!')]))).toThrow(
      /data remains after the last structure/,
    );
  });

  it('rejects a stripped HEIF whose media data holds bytes no image uses', async () => {
    const input = fixture('meta.heic');
    const { output } = await stripBuffer(input);
    // A byte the stripper zeroed (it held the Exif item, the XMP or the thumbnail), set again.
    let at = -1;
    for (let i = output.length - 1; i >= 0 && at < 0; i -= 1)
      if (output[i] === 0 && input[i] !== 0) at = i;
    expect(at).toBeGreaterThan(0);
    const tampered = Buffer.from(output);
    tampered[at] = input[at]!;
    expect(() => verifyHeif(tampered)).toThrow(/holds bytes no image uses|holds data/);
  });

  it('rejects a stripped PDF with a second end-of-file marker or a trailer /Info', async () => {
    const { output } = await stripBuffer(fixture('ghostscript.pdf'));
    const text = output.toString('latin1');
    await expect(verifyPdf(Buffer.from(`${text}%%EOF\n`, 'latin1'))).rejects.toThrow(
      /data remains|more than one end-of-file/,
    );
    await expect(
      verifyPdf(Buffer.from(text.replace('/Root 1 0 R>>', '/Root 1 0 R/Info 1 0 R>>'), 'latin1')),
    ).rejects.toThrow(/expected/);
  });
});
