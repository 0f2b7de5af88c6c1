import { describe, expect, it } from 'vitest';
import { inspectBuffer, stripBuffer } from '../../../electron/core/metadata';
import { jpegScanData, parseJpeg } from '../../../electron/core/metadata/formats/jpeg';
import { exifOrientation } from '../../../electron/core/metadata/formats/ifd';
import { EXIF_CANARIES, expectClean, expectFinds, expectVigilError, fixture } from './helpers';

describe('JPEG', () => {
  it('inspection finds every planted field, flags the risky ones and reads the capture facts', async () => {
    const report = await inspectBuffer(fixture('camera.jpg'));
    expect(report.type).toBe('jpeg');
    expectFinds(report, [
      ...EXIF_CANARIES,
      { value: 'CANARY-IPTC-BYLINE-33c1', risky: true, group: 'people' },
      { value: 'CANARY-COM-e17d', risky: true },
      { value: 'CANARY-TRAILER-0f9c', risky: true, group: 'hidden' },
    ]);
    expect(report.fields.find((f) => f.key === 'exif.thumbnail')).toMatchObject({
      group: 'hidden',
      risky: true,
    });
    const gps = report.fields.filter((f) => f.group === 'location');
    expect(gps.length).toBeGreaterThan(0);
    expect(gps.every((f) => f.risky)).toBe(true);
    expect(report.capture.time).toBe('2024-03-05T14:22:10+02:00');
    expect(report.capture.latitude).toBeCloseTo(48.8584, 4);
    expect(report.capture.longitude).toBeCloseTo(2.2945, 4);
    expect(report.capture.altitude).toBe(35);
    expect(report.risky).toBe(report.fields.filter((f) => f.risky).length);
    expect(report.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.size).toBe(fixture('camera.jpg').length);
  });

  it('strips every canary losslessly, keeps JFIF and Orientation, and truncates after EOI', async () => {
    const input = fixture('camera.jpg');
    const { output, report } = await stripBuffer(input);
    await expectClean(output, report.kept, inspectBuffer);
    expect(jpegScanData(output).equals(jpegScanData(input))).toBe(true);
    expect(report.kept.map((k) => k.key)).toEqual(['jpeg.JFIF', 'exif.ifd0.Orientation']);
    const segments = parseJpeg(output).segments.map((s) => s.marker);
    expect(segments).not.toContain(0xfe);
    expect(segments.filter((m) => m >= 0xe0 && m <= 0xef)).toEqual([0xe0, 0xe1]);
    const app1 = parseJpeg(output).segments.find((s) => s.marker === 0xe1)!;
    expect(exifOrientation(output.subarray(app1.payload + 6, app1.end))).toBe(6);
    expect(output.subarray(-2).equals(Buffer.from([0xff, 0xd9]))).toBe(true);
    expect(report.removed.some((f) => f.value.includes('CANARY-TRAILER-0f9c'))).toBe(true);
    expect(report.removed.some((f) => f.group === 'location')).toBe(true);
    expect(report.inputSize).toBe(input.length);
    expect(report.outputSize).toBe(output.length);
    expect(report.outputSha256).not.toBe(report.inputSha256);
  });

  it('keeps the Adobe marker a CMYK JPEG needs, rebuilt without extra bytes', async () => {
    const input = fixture('cmyk.jpg');
    const { output, report } = await stripBuffer(input);
    await expectClean(output, report.kept, inspectBuffer);
    expect(jpegScanData(output).equals(jpegScanData(input))).toBe(true);
    const adobe = parseJpeg(output).segments.find((s) => s.marker === 0xee)!;
    expect(adobe.end - adobe.payload).toBe(12);
    expect(report.kept.map((k) => k.key)).toContain('jpeg.Adobe');
  });

  it('strips a progressive JPEG with restart markers losslessly', async () => {
    const input = fixture('progressive.jpg');
    const { output, report } = await stripBuffer(input);
    await expectClean(output, report.kept, inspectBuffer);
    expect(jpegScanData(output).equals(jpegScanData(input))).toBe(true);
    expect(parseJpeg(output).segments.filter((s) => s.marker === 0xda).length).toBeGreaterThan(1);
  });

  it('refuses JPEGs that are truncated or carry data between segments', async () => {
    const input = fixture('camera.jpg');
    const eoi = input.lastIndexOf(Buffer.from([0xff, 0xd9]));
    await expectVigilError(
      stripBuffer(input.subarray(0, eoi)),
      'INVALID_INPUT',
      /JPEG image is truncated/,
    );
    const first = parseJpeg(input).segments[0]!.end;
    const junk = Buffer.concat([
      input.subarray(0, first),
      Buffer.from('xx'),
      input.subarray(first),
    ]);
    await expectVigilError(
      stripBuffer(junk),
      'INVALID_INPUT',
      new RegExp(`unexpected data between segments at byte ${first}`),
    );
    const hugeLength = Buffer.from(input);
    hugeLength.writeUInt16BE(0xffff, 4);
    await expectVigilError(stripBuffer(hugeLength), 'INVALID_INPUT', /JPEG image/);
  });

  it('refuses a table segment with hidden bytes after its tables', async () => {
    const input = fixture('progressive.jpg');
    const dqt = parseJpeg(input).segments.find((s) => s.marker === 0xdb)!;
    const padded = Buffer.concat([
      input.subarray(0, dqt.start + 2),
      Buffer.from([
        ((dqt.end - dqt.start - 2 + 4) >> 8) & 255,
        (dqt.end - dqt.start - 2 + 4) & 255,
      ]),
      input.subarray(dqt.start + 4, dqt.end),
      Buffer.from('HIDE'),
      input.subarray(dqt.end),
    ]);
    await expectVigilError(
      stripBuffer(padded),
      'INVALID_INPUT',
      /quantisation table segment .* wrong length/,
    );
  });

  it('removes a JFIF thumbnail but keeps the JFIF header', async () => {
    const input = fixture('progressive.jpg');
    const app0 = parseJpeg(input).segments.find((seg) => seg.marker === 0xe0)!;
    const thumb = Buffer.from([255, 0, 0, 0, 0, 255]); // 2 x 1 pixels, RGB
    const jfif = Buffer.from(input.subarray(app0.payload, app0.payload + 14));
    jfif[12] = 2;
    jfif[13] = 1;
    const seg = Buffer.concat([Buffer.from([0xff, 0xe0, 0, 2 + 14 + thumb.length]), jfif, thumb]);
    const withThumb = Buffer.concat([input.subarray(0, app0.start), seg, input.subarray(app0.end)]);
    const report = await inspectBuffer(withThumb);
    expect(report.fields.find((f) => f.key === 'jpeg.JFIF.thumbnail')).toMatchObject({
      value: '2 × 1 pixels',
      risky: true,
    });
    const { output } = await stripBuffer(withThumb);
    const kept = parseJpeg(output).segments.find((x) => x.marker === 0xe0)!;
    expect(kept.end - kept.payload).toBe(14);
    expect(output[kept.payload + 12]).toBe(0);
    expect(jpegScanData(output).equals(jpegScanData(input))).toBe(true);
  });

  it('names a second picture hidden after the end of the image, and drops it', async () => {
    const input = Buffer.concat([fixture('progressive.jpg'), fixture('cmyk.jpg')]);
    const report = await inspectBuffer(input);
    expect(report.fields.find((f) => f.key === 'jpeg.trailing')?.value).toMatch(
      /another JPEG image/,
    );
    const { output } = await stripBuffer(input);
    expect(output.length).toBeLessThan(fixture('progressive.jpg').length);
    expect(output.includes('Adobe')).toBe(false);
  });
});
