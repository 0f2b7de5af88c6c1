import { describe, expect, it } from 'vitest';
import { inspectBuffer, stripBuffer } from '../../../electron/core/metadata';
import { expectVigilError, mediaFixture, plantedIn } from './helpers';

// Fragmented MP4 (moof boxes, as ffmpeg -movflags frag_keyframe writes it):
// stripped with every offset rewritten, or refused — naming why — when a
// fragment holds something Vigil cannot rewrite. The ffmpeg-made variants
// (sidx, mfra, moov samples, data tracks, per-fragment metadata) are in
// tests/integration/metadata-variants.test.ts.

const FRAGMENTED = mediaFixture('fragmented.mp4');

/** Every top-level box and the children of moof/traf, with their offsets in `buf`. */
function boxes(
  buf: Buffer,
  from = 0,
  to = buf.length,
): { type: string; at: number; size: number }[] {
  const out: { type: string; at: number; size: number }[] = [];
  for (let at = from; at + 8 <= to;) {
    const size = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    out.push({ type, at, size });
    if (type === 'moof' || type === 'traf') out.push(...boxes(buf, at + 8, at + size));
    if (size < 8) break;
    at += size;
  }
  return out;
}

function renamed(type: string, to: string, nth = 0): Buffer {
  const buf = Buffer.from(FRAGMENTED);
  const found = boxes(buf).filter((b) => b.type === type)[nth];
  if (!found) throw new Error(`no ${type} box in the fixture`);
  buf.write(to, found.at + 4, 'latin1');
  return buf;
}

describe('fragmented MP4', () => {
  it('is stripped: the planted title gone, the fragments and their indexes kept and valid', async () => {
    expect(plantedIn(FRAGMENTED).length).toBeGreaterThan(0);
    const { output, report } = await stripBuffer(FRAGMENTED);
    expect(plantedIn(output)).toEqual([]);
    expect(report.removed.length).toBeGreaterThan(0);
    const types = boxes(output).map((b) => b.type);
    expect(types.filter((t) => t === 'moof').length).toBe(
      boxes(FRAGMENTED).filter((b) => b.type === 'moof').length,
    );
    expect(types).toContain('mfra');
    expect(types).not.toContain('udta');
    const again = await stripBuffer(output);
    expect(again.output.equals(output), 'stripping twice changes nothing').toBe(true);
    expect((await inspectBuffer(output)).risky).toBe(0);
  });

  it('refuses an unknown box inside a track fragment (it may hold offsets)', async () => {
    await expectVigilError(
      stripBuffer(renamed('tfdt', 'zqxj')),
      'UNSUPPORTED',
      /MP4 video has a "zqxj" box in a track fragment, which Vigil cannot rewrite/,
    );
    await expectVigilError(
      stripBuffer(renamed('traf', 'zqxk', 1)),
      'UNSUPPORTED',
      /MP4 video has a "zqxk" box in a movie fragment, which Vigil cannot rewrite/,
    );
  });

  it('refuses encrypted fragments', async () => {
    await expectVigilError(stripBuffer(renamed('tfdt', 'senc')), 'UNSUPPORTED', /encrypted/);
  });

  it('refuses samples stored out of order and samples outside the media data', async () => {
    const all = boxes(FRAGMENTED);
    const moof = all.find((b) => b.type === 'moof')!;
    const mfra = all.find((b) => b.type === 'mfra')!;
    const tfhd = all.find((b) => b.type === 'tfhd')!;
    expect(FRAGMENTED.readUInt32BE(tfhd.at + 8) & 1, 'the fixture has explicit base offsets').toBe(
      1,
    );
    // A second fragment whose tracks claim the first fragment's samples again.
    const twice = Buffer.concat([
      FRAGMENTED.subarray(0, mfra.at),
      FRAGMENTED.subarray(moof.at, mfra.at),
      FRAGMENTED.subarray(mfra.at),
    ]);
    await expectVigilError(stripBuffer(twice), 'UNSUPPORTED', /out of file order/);
    const outside = Buffer.from(FRAGMENTED);
    outside.writeBigUInt64BE(BigInt(outside.length - 4), tfhd.at + 16);
    await expectVigilError(stripBuffer(outside), 'INVALID_INPUT', /outside its media data/);
  });

  it('refuses a random-access index that points at no fragment', async () => {
    const buf = Buffer.from(FRAGMENTED);
    const tfra = boxes(buf).find((b) => b.type === 'mfra')!;
    const entry = tfra.at + 8 + 8 + 24; // first tfra, first entry
    const v = buf[tfra.at + 16]!;
    if (v === 1) buf.writeBigUInt64BE(3n, entry + 8);
    else buf.writeUInt32BE(3, entry + 4);
    await expectVigilError(stripBuffer(buf), 'UNSUPPORTED', /random-access index/);
  });

  describe('duration', () => {
    const duration = async (buf: Buffer) =>
      (await inspectBuffer(buf)).fields
        .filter((f) => f.key.startsWith('mp4.duration'))
        .map((f) => `${f.key} ${f.value}`);

    it('is the longest track summed over the fragments when the movie header says 0', async () => {
      const mvhd = boxes(FRAGMENTED).find((b) => b.type === 'moov')!.at + 8;
      expect(FRAGMENTED.toString('latin1', mvhd + 4, mvhd + 8)).toBe('mvhd');
      expect(FRAGMENTED.readUInt32BE(mvhd + 24), 'the movie header says 0').toBe(0);
      // ffprobe reads 1.046 s: 10 video frames at 10/s plus the AAC priming the audio carries.
      expect(await duration(FRAGMENTED)).toEqual(['mp4.duration 1.05 s']);
    });

    it('comes from the movie-extends header (mehd) when the file has one', async () => {
      // A 16-byte mehd saying 7.5 s (movie timescale 1000) appended to mvex, taken from the
      // user-data box right after it (renamed free space), so no offset moves.
      const mvex = findIn(FRAGMENTED, 'mvex');
      const udta = findIn(FRAGMENTED, 'udta');
      expect(udta.at).toBe(mvex.at + mvex.size);
      const buf = Buffer.from(FRAGMENTED);
      const mehd = Buffer.alloc(16);
      mehd.writeUInt32BE(16, 0);
      mehd.write('mehd', 4, 'latin1');
      mehd.writeUInt32BE(7500, 12);
      mehd.copy(buf, udta.at);
      buf.writeUInt32BE(mvex.size + 16, mvex.at);
      buf.writeUInt32BE(udta.size - 16, udta.at + 16);
      buf.write('free', udta.at + 20, 'latin1');
      expect(await duration(buf)).toEqual(['mp4.duration 7.50 s']);
    });

    it("is the track fragment header's default when a run carries no durations", async () => {
      // The video run rewritten without its duration column (flags 0x305 → 0x205, the sizes
      // kept, the rest of the box zero) and the header's default set to 2048 ticks: 10 samples
      // at the media timescale of 10240 are 2 s, longer than the audio track.
      const mdhd = findIn(FRAGMENTED, 'mdhd');
      expect(FRAGMENTED.readUInt32BE(mdhd.at + 20)).toBe(10240);
      const buf = Buffer.from(FRAGMENTED);
      const tfhd = boxes(buf).find((b) => b.type === 'tfhd')!;
      const trun = boxes(buf).find((b) => b.type === 'trun')!;
      expect(buf.readUInt32BE(tfhd.at + 8) & 0xffffff).toBe(0x39);
      expect(buf.readUInt32BE(trun.at + 8) & 0xffffff).toBe(0x305);
      const count = buf.readUInt32BE(trun.at + 12);
      const sizes = Array.from({ length: count }, (_, i) => buf.readUInt32BE(trun.at + 28 + i * 8));
      buf.fill(0, trun.at + 24, trun.at + trun.size);
      sizes.forEach((size, i) => buf.writeUInt32BE(size, trun.at + 24 + i * 4));
      buf.writeUInt32BE(0x205, trun.at + 8);
      buf.writeUInt32BE(2048, tfhd.at + 24); // after track id and the 8-byte base offset
      expect(await duration(buf)).toEqual(['mp4.duration 2.00 s']);
      // and the stripped copy is the same movie
      expect(await duration((await stripBuffer(buf)).output)).toEqual(['mp4.duration 2.00 s']);
    });

    it('says it is not recorded, never 0, when a fragment cannot be read', async () => {
      expect(await duration(renamed('tfdt', 'zqxj'))).toEqual(['mp4.durationUnknown —']);
    });
  });
});

/** A box anywhere in the movie box's tree (boxes() only walks moof and traf). */
function findIn(buf: Buffer, type: string): { at: number; size: number } {
  const at = buf.indexOf(type, 0, 'latin1') - 4;
  if (at < 0) throw new Error(`no ${type}`);
  return { at, size: buf.readUInt32BE(at) };
}
