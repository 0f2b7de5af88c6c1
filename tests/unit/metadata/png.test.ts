import { describe, expect, it } from 'vitest';
import { inflateSync } from 'node:zlib';
import { inspectBuffer, stripBuffer } from '../../../electron/core/metadata';
import { parsePng, pngImageData } from '../../../electron/core/metadata/formats/png';
import { EXIF_CANARIES, expectClean, expectFinds, expectVigilError, fixture } from './helpers';

describe('PNG', () => {
  it('inspection reads tEXt, zTXt, iTXt, tIME, eXIf, XMP and unknown chunks', async () => {
    const report = await inspectBuffer(fixture('meta.png'));
    expectFinds(report, [
      ...EXIF_CANARIES,
      { value: 'CANARY-PNG-TEXT-4c0a', risky: true },
      { value: 'CANARY-PNG-ZTXT-77e2', risky: true },
      { value: 'CANARY-PNG-ITXT-19f5 été', risky: true },
      { value: '2024-03-05T14:22:10Z', group: 'time' },
    ]);
    expect(report.fields.some((f) => f.key === 'png.prVt' && f.risky)).toBe(true);
    expect(report.fields.some((f) => f.key === 'png.eXIf' && f.risky)).toBe(true);
    expect(report.capture.latitude).toBeCloseTo(48.8584, 4);
    expect(report.capture.time).toBe('2024-03-05T14:22:10+02:00');
  });

  it('strips every text, time, EXIF and unknown chunk; the pixels are unchanged', async () => {
    const input = fixture('meta.png');
    const { output, report } = await stripBuffer(input);
    await expectClean(output, report.kept, inspectBuffer);
    expect(pngImageData(output).equals(pngImageData(input))).toBe(true);
    const types = parsePng(output).chunks.map((c) => c.type);
    for (const t of types)
      expect(['IHDR', 'gAMA', 'cHRM', 'IDAT', 'IEND', 'pHYs', 'sRGB']).toContain(t);
    for (const t of ['tEXt', 'zTXt', 'iTXt', 'tIME', 'eXIf', 'prVt', 'bKGD'])
      expect(types).not.toContain(t);
    // Compressed text is invisible to a byte search: inflate every chunk that inflates, too.
    for (const c of parsePng(output).chunks) {
      try {
        expect(inflateSync(output.subarray(c.data, c.data + c.length)).includes('CANARY')).toBe(
          false,
        );
      } catch {
        // not deflated
      }
    }
    expect(report.removed.some((f) => f.value.includes('CANARY-PNG-ZTXT-77e2'))).toBe(true);
  });

  it('refuses a PNG with data after IEND, but lists that data', async () => {
    const input = fixture('trailing.png');
    const report = await inspectBuffer(input);
    expectFinds(report, [{ value: 'CANARY-TRAILER-0f9c', risky: true, group: 'hidden' }]);
    await expectVigilError(
      stripBuffer(input),
      'INVALID_INPUT',
      /40 bytes of data after its end \(IEND\)/,
    );
  });

  it('refuses a PNG whose image data fails its checksum', async () => {
    const input = Buffer.from(fixture('meta.png'));
    const idat = parsePng(input).chunks.find((c) => c.type === 'IDAT')!;
    input[idat.data + 10] = input[idat.data + 10]! ^ 0xff;
    await expectVigilError(stripBuffer(input), 'INVALID_INPUT', /checksum of its IDAT chunk/);
  });

  it('refuses a chunk whose length runs past the end', async () => {
    const input = Buffer.from(fixture('meta.png'));
    const idat = parsePng(input).chunks.find((c) => c.type === 'IDAT')!;
    input.writeUInt32BE(0x7ffffff0, idat.start);
    await expectVigilError(
      stripBuffer(input),
      'INVALID_INPUT',
      /PNG image is truncated or damaged: the IDAT chunk/,
    );
  });
});
