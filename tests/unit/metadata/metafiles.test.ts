import { describe, expect, it } from 'vitest';
import { inspectBuffer, stripBuffer } from '../../../electron/core/metadata';
import { parseEmf, verifyEmf } from '../../../electron/core/metadata/formats/emf';
import { jpegScanData } from '../../../electron/core/metadata/formats/jpeg';
import { pngImageData } from '../../../electron/core/metadata/formats/png';
import { parseWmf, verifyWmf } from '../../../electron/core/metadata/formats/wmf';
import {
  bitmapInfo,
  emfColorSpaceW,
  emfFile,
  emfHeader,
  emfIcmProfileW,
  plantedEmf,
  plantedWmf,
  emfPlusComment,
  emfPrivateComment,
  emfRecord,
  emfRectangle,
  emfStretchDibits,
  rgbBitmap,
  wmfComment,
  wmfFile,
  wmfRecord,
  wmfRectangle,
  wmfStretchDib,
} from '../../helpers/metafiles';
import { metadataFieldId } from '../../../shared/metadataFields';
import { CANARY, EXIF_CANARIES, expectFinds, expectVigilError, fixture } from './helpers';

/** A canary in either of the encodings metafiles use for text. */
function leaks(buf: Buffer): boolean {
  return buf.includes(CANARY, 0, 'latin1') || buf.includes(Buffer.from(CANARY, 'utf16le'));
}

const jpeg = fixture('camera.jpg');
const png = fixture('meta.png');

const loadedEmf = (): Buffer => plantedEmf(jpeg, png);

/** Records of these types must come out byte for byte. */
const DRAWN = new Set([24, 43, 84, 87]);
function drawn(buf: Buffer): Buffer[] {
  return parseEmf(buf)
    .records.filter((r) => DRAWN.has(r.type))
    .map((r) => buf.subarray(r.start, r.start + r.size));
}

describe('EMF pictures', () => {
  it('inspection lists the description, comments, profiles, escapes and the bitmaps’ own metadata', async () => {
    const report = await inspectBuffer(loadedEmf());
    expect(report.type).toBe('emf');
    expect(report.unreadableReason).toBeUndefined();
    expectFinds(report, [
      { value: 'CANARY-EMF-APP', risky: true, group: 'software' },
      { value: 'CANARY-EMF-TITLE', risky: true, group: 'document' },
      { value: 'CANARY-EMF-PRIVATE', risky: true, group: 'hidden' },
      { value: 'CANARY-EMF-GROUP', risky: true, group: 'document' },
      { value: 'CANARY-EMF-SPOOL', risky: true, group: 'hidden' },
      { value: 'CANARY-EMF-ICMW', risky: true, group: 'device' },
      { value: 'CANARY-EMF-ICMA', risky: true, group: 'device' },
      { value: 'CANARY-EMF-TARGET', risky: true, group: 'device' },
      { value: 'CANARY-EMF-CSW', risky: true, group: 'device' },
      { value: 'CANARY-EMF-CSA', risky: true, group: 'device' },
      { value: 'holding JPEG image data', risky: true, group: 'hidden' },
      { value: 'CANARY-EMFPLUS-TAIL', risky: true },
      ...EXIF_CANARIES,
    ]);
    // The UI names every field in the user's language.
    expect(report.fields.filter((f) => metadataFieldId(f.key) === null).map((f) => f.key)).toEqual(
      [],
    );
  });

  it('strips every planted string, keeps each drawing record byte for byte and the bitmaps’ pixels', async () => {
    const input = loadedEmf();
    const { output, report } = await stripBuffer(input);
    expect(leaks(output), 'a canary survived').toBe(false);
    expect(() => verifyEmf(output)).not.toThrow();
    const again = await inspectBuffer(output);
    const keptKeys = new Set(report.kept.map((k) => k.key));
    expect(again.fields.filter((f) => f.group !== 'structure' && !keptKeys.has(f.key))).toEqual([]);
    expect(drawn(output)).toEqual(drawn(input));
    const records = parseEmf(output).records;
    // header, text colour, rectangle, two colour spaces, polyline, three bitmaps, text, EOF
    expect(records.map((r) => r.type)).toEqual([1, 24, 43, 122, 99, 87, 81, 81, 81, 84, 14]);
    expect(output.readUInt32LE(48)).toBe(output.length);
    expect(output.readUInt32LE(52)).toBe(records.length);
    const bits = (i: number): Buffer => {
      const r = records.filter((x) => x.type === 81)[i]!;
      const off = output.readUInt32LE(r.start + 56);
      return output.subarray(r.start + off, r.start + off + output.readUInt32LE(r.start + 60));
    };
    expect(bits(0)).toEqual(
      parseEmf(input)
        .records.filter((x) => x.type === 81)
        .map((r) => input.subarray(r.start + 120, r.start + 136))[0],
    );
    expect(jpegScanData(bits(1)).equals(jpegScanData(jpeg))).toBe(true);
    expect(pngImageData(bits(2)).equals(pngImageData(png))).toBe(true);
    expect(report.removed.length).toBeGreaterThan(20);
  });

  it('a clean EMF comes out identical', async () => {
    const input = emfFile(emfHeader(), [emfRectangle(), rgbBitmap()]);
    const { output } = await stripBuffer(input);
    expect(output.equals(input)).toBe(true);
    expect((await inspectBuffer(input)).risky).toBe(0);
  });

  it('refuses an unknown record type, naming it, and an OpenGL record by its name', async () => {
    await expectVigilError(
      stripBuffer(emfFile(emfHeader(), [emfRectangle(), emfRecord(200, Buffer.alloc(4))])),
      'UNSUPPORTED',
      /record of type 200 \(0xc8, which is not an EMF record type\) at byte 132/,
    );
    await expectVigilError(
      stripBuffer(emfFile(emfHeader(), [emfRecord(102, Buffer.alloc(8))])),
      'UNSUPPORTED',
      /EMR_GLSRECORD/,
    );
    const report = await inspectBuffer(emfFile(emfHeader(), [emfRecord(200, Buffer.alloc(4))]));
    expect(report.readable).toBe(false);
    expect(report.unreadableReason).toMatch(/type 200/);
  });

  it('refuses an EMF+ only picture (no plain copy of the drawing to keep)', async () => {
    await expectVigilError(
      stripBuffer(emfFile(emfHeader(), [emfPlusComment(false, Buffer.from('x'))])),
      'UNSUPPORTED',
      /only with EMF\+ records/,
    );
  });

  it('refuses a damaged file with a message naming the fault', async () => {
    const truncated = loadedEmf().subarray(0, 300);
    await expectVigilError(stripBuffer(truncated), 'INVALID_INPUT', /EMF picture is truncated/);
    const badSize = emfFile(emfHeader(), [emfRectangle()]);
    badSize.writeUInt32LE(7, 108 + 4);
    await expectVigilError(stripBuffer(badSize), 'INVALID_INPUT', /record at byte 108 has size 7/);
  });

  it('reports and removes data after EMR_EOF, bytes hidden in the header and at the end of a drawing record', async () => {
    // A description shortened to one character: the rest of its text stays hidden in the header.
    const header = emfFile(emfHeader('CANARY-HIDDEN'), [emfRectangle()]);
    header.writeUInt32LE(1, 60);
    const trail = await inspectBuffer(
      Buffer.concat([emfFile(emfHeader(), [emfRectangle()]), Buffer.from('CANARY-EMF-TRAILER')]),
    );
    expectFinds(trail, [{ value: 'CANARY-EMF-TRAILER', risky: true, group: 'hidden' }]);
    const hidden = await inspectBuffer(header);
    expectFinds(hidden, [{ value: '136 bytes', risky: true, group: 'hidden' }]);
    // A rectangle record four bytes long… plus a planted string no renderer reads.
    const padded = emfFile(emfHeader(), [
      Buffer.concat([emfRectangle(), Buffer.from('CANARY-PADDING-12345')]),
    ]);
    padded.writeUInt32LE(24 + 20, 108 + 4);
    padded.writeUInt32LE(padded.length, 48);
    expectFinds(await inspectBuffer(padded), [
      { value: '1 record(s)', risky: true, group: 'hidden' },
    ]);
    expect((await stripBuffer(padded)).output).toEqual(emfFile(emfHeader(), [emfRectangle()]));
    // So is an EMR_EOF longer than its palette.
    const longEof = Buffer.concat([
      emfFile(emfHeader(), [emfRectangle()]),
      Buffer.from('CANARY-IN-EOF!!!'),
    ]);
    longEof.writeUInt32LE(20 + 16, longEof.length - 36 + 4);
    longEof.writeUInt32LE(longEof.length, 48);
    expectFinds(await inspectBuffer(longEof), [
      { value: '1 record(s)', risky: true, group: 'hidden' },
    ]);
    expect((await stripBuffer(longEof)).output).toEqual(emfFile(emfHeader(), [emfRectangle()]));
    for (const file of [
      header,
      Buffer.concat([emfFile(emfHeader(), [emfRectangle()]), Buffer.from('CANARY-EMF-TRAILER')]),
    ]) {
      const { output } = await stripBuffer(file);
      expect(leaks(output)).toBe(false);
    }
  });

  it('zeroes bytes a bitmap record holds beyond its header, colour table and rows', async () => {
    const pixels = Buffer.from([255, 0, 0, 0, 255, 0, 0, 0, 0, 0, 255, 0, 9, 9, 9, 0]);
    const clean = emfStretchDibits(bitmapInfo(2, 2, 0, 16), pixels);
    const info = Buffer.concat([bitmapInfo(2, 2, 0, 16), Buffer.from('CANARY-BMI')]);
    const hidden = emfStretchDibits(info, Buffer.concat([pixels, Buffer.from('CANARY-ROWS!')]));
    const input = emfFile(emfHeader(), [hidden]);
    expectFinds(await inspectBuffer(input), [
      { value: '1 record(s)', risky: true, group: 'hidden' },
    ]);
    const { output } = await stripBuffer(input);
    expect(leaks(output)).toBe(false);
    const r = parseEmf(output).records[1]!;
    const at = r.start + output.readUInt32LE(r.start + 56);
    expect(output.subarray(at, at + 16)).toEqual(pixels);
    expect(() => verifyEmf(emfFile(emfHeader(), [hidden]))).toThrow(/unused bytes/);
    expect(() => verifyEmf(emfFile(emfHeader(), [clean]))).not.toThrow();
  });

  it('the verifier refuses what the stripper must remove', () => {
    const clean = (records: Buffer[]): Buffer => emfFile(emfHeader(), records);
    expect(() => verifyEmf(clean([emfRectangle()]))).not.toThrow();
    for (const [bad, why] of [
      [clean([emfPrivateComment('x')]), /type 70/],
      [clean([emfIcmProfileW('x')]), /type 113/],
      [clean([emfColorSpaceW('x.icc', '')]), /keeps a profile/],
      [clean([emfStretchDibits(bitmapInfo(2, 2, 4, jpeg.length), jpeg)]), /JPEG|APP|EXIF|segment/i],
      [emfFile(emfHeader('x'), []), /description/],
      [Buffer.concat([clean([]), Buffer.alloc(8)]), /after EMR_EOF/],
    ] as const)
      expect(() => verifyEmf(bad), String(why)).toThrow(why);
  });
});

describe('WMF pictures', () => {
  const loaded = plantedWmf;

  it('inspection lists comments, escapes, the EMF copy’s description and the placeable header’s hidden bytes', async () => {
    const report = await inspectBuffer(loaded());
    expect(report.type).toBe('wmf');
    expectFinds(report, [
      { value: 'CANARY-WMF-COMMENT', risky: true, group: 'hidden' },
      { value: 'CANARY-WMF-EMF-APP', risky: true, group: 'software' },
      { value: '4 bytes', risky: true, group: 'hidden' },
    ]);
    expect(report.fields.some((f) => f.label.startsWith('Printer escape 0x1001'))).toBe(true);
    expect(report.fields.filter((f) => metadataFieldId(f.key) === null).map((f) => f.key)).toEqual(
      [],
    );
  });

  it('strips escapes and hidden bytes, cleans the EMF copy, keeps drawing records byte for byte, fixes the header', async () => {
    const input = loaded();
    const { output } = await stripBuffer(input);
    expect(leaks(output)).toBe(false);
    expect(output.includes('CANA', 0, 'latin1')).toBe(false);
    expect(() => verifyWmf(output)).not.toThrow();
    expect((await inspectBuffer(output)).risky).toBe(0);
    const records = (buf: Buffer): Buffer[] =>
      parseWmf(buf).records.map((r) => buf.subarray(r.start, r.start + r.size));
    const escapes = (r: Buffer): boolean => r.readUInt16LE(4) === 0x0626;
    expect(records(output).filter((r) => !escapes(r))).toEqual(
      records(input).filter((r) => !escapes(r)),
    );
    // The EMF copy (which renderers draw instead of the WMF records) stays, cleaned, in one record.
    const copy = records(output).filter(escapes);
    expect(copy).toHaveLength(1);
    expect(copy[0]!.readUInt32LE(10)).toBe(0x43464d57);
    const emf = copy[0]!.subarray(44);
    expect(() => verifyEmf(emf)).not.toThrow();
    expect(drawn(emf)).toEqual([emfRectangle()]);
  });

  it('cuts bytes hidden at the end of a fixed-size record', async () => {
    const rectangle = wmfRectangle();
    const padded = wmfFile([
      wmfRecord(0x041b, rectangle.subarray(6), Buffer.from('CANARY-WMF-PAD!!')),
    ]);
    expectFinds(await inspectBuffer(padded), [{ value: '16 bytes', risky: true, group: 'hidden' }]);
    expect((await stripBuffer(padded)).output).toEqual(wmfFile([rectangle]));
    // META_EOF is three words: one that runs on (found by the fuzz target) hides what follows.
    const longEof = Buffer.concat([wmfFile([rectangle]), Buffer.from('CANARY-IN-EOF!')]);
    longEof.writeUInt32LE(3 + 7, longEof.length - 20);
    longEof.writeUInt16LE(longEof.readUInt16LE(22 + 6) + 7, 22 + 6);
    expect((await stripBuffer(longEof)).output).toEqual(wmfFile([rectangle]));
  });

  it('refuses an unknown function and a bitmap that is a JPEG, naming them', async () => {
    await expectVigilError(
      stripBuffer(wmfFile([wmfRectangle(), wmfRecord(0x0999, Buffer.alloc(2))])),
      'UNSUPPORTED',
      /function 0x0999 at byte 54/,
    );
    await expectVigilError(
      stripBuffer(wmfFile([wmfStretchDib(bitmapInfo(2, 2, 4, jpeg.length), jpeg)])),
      'UNSUPPORTED',
      /JPEG or PNG file/,
    );
  });

  it('the verifier refuses an escape, trailing data and a wrong size', () => {
    expect(() => verifyWmf(wmfFile([wmfRectangle()]))).not.toThrow();
    expect(() => verifyWmf(wmfFile([wmfComment('x')]))).toThrow(/0x626/);
    expect(() => verifyWmf(Buffer.concat([wmfFile([]), Buffer.alloc(2)]))).toThrow(
      /after META_EOF/,
    );
    expect(() => verifyWmf(wmfFile([], 1))).toThrow(/placeable/);
  });
});
