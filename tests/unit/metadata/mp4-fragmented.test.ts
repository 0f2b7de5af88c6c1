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
});
