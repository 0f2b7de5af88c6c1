import { createHash } from 'node:crypto';
import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BufferSource,
  copyPlanToFile,
  FileSource,
  planToBuffer,
  type CopyExtent,
} from '../../../electron/core/metadata/media';
import type { MediaPlan, Piece } from '../../../electron/core/metadata/media/plan';
import { checkMediaOutput, prepareMediaStrip } from '../../../electron/core/metadata/mediaStrip';
import { expectVigilError, MEDIA_CANARIES, mediaFixture } from './helpers';

// The one-pass writer and the proof that a stripped video's samples are the
// input's: the writer must produce exactly what the plan says (whatever its
// block size), record where each run of input bytes went, and the check must
// refuse any output whose samples, or their timing, are not the input's —
// even when the output is otherwise a well-formed, fully stripped file.

// Every strippable media fixture (the canary list names them all); the video and M4A ones by extension.
const ALL = Object.keys(MEDIA_CANARIES);
const BMFF = ALL.filter((name) => /\.(mp4|mov|m4a|m4v|3gp)$/.test(name));

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vigil-media-samples-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function copyToFile(
  name: string,
  input: Buffer,
  plan: MediaPlan,
  blockSize: number,
  threads: boolean,
  signal?: AbortSignal,
) {
  const inPath = join(dir, `in-${name}`);
  const outPath = join(dir, `out-${blockSize}-${threads}-${name}`);
  await writeFile(inPath, input);
  const inHandle = await open(inPath, 'r');
  const outHandle = await open(outPath, 'w+');
  try {
    const copied = await copyPlanToFile(plan, new FileSource(inHandle, input.length), outHandle, {
      blockSize,
      threads,
      signal,
    });
    await outHandle.close();
    return { copied, output: await readFile(outPath) };
  } finally {
    await inHandle.close();
    await outHandle.close().catch(() => undefined);
  }
}

describe('the one-pass writer', () => {
  for (const name of ALL) {
    it(`writes ${name} exactly as planned, with both digests, at any block size`, async () => {
      const input = mediaFixture(name);
      const src = new BufferSource(input);
      const { plan } = await prepareMediaStrip(src);
      const expectedCopies: CopyExtent[] = [];
      const expected = await planToBuffer(plan, src, expectedCopies);
      // Block sizes below, around and above the fixtures' runs (many turns of the buffer ring, and
      // one), hashed inline and on two threads.
      for (const [blockSize, threads] of [
        [1021, true],
        [4096, false],
        [65_536, true],
        [1 << 23, false],
      ] as const) {
        const { copied, output } = await copyToFile(name, input, plan, blockSize, threads);
        expect(output.equals(expected), `block ${blockSize}, threads ${threads}`).toBe(true);
        expect(copied.size).toBe(expected.length);
        expect(copied.sha256).toBe(sha256(expected));
        expect(copied.inputSha256).toBe(sha256(input));
        expect(copied.copies).toEqual(expectedCopies);
      }
    });
  }

  // camera.mp4 and clip.3gp keep their movie box last: their media data stays in place.
  for (const name of ['camera.mp4', 'clip.3gp']) {
    it(`${name}: the media data stays where it was, so the output begins with the input's bytes`, async () => {
      const input = mediaFixture(name);
      const { plan } = await prepareMediaStrip(new BufferSource(input));
      const output = await planToBuffer(plan, new BufferSource(input), []);
      const moov = output.indexOf('moov', 0, 'latin1') - 4;
      expect(output.toString('latin1', moov + 4, moov + 8)).toBe('moov');
      expect(moov).toBeGreaterThan(input.length / 2);
      expect(output.subarray(0, moov).equals(input.subarray(0, moov))).toBe(true);
      expect(output.subarray(moov).includes('mdat', 0, 'latin1')).toBe(false);
    });
  }

  // Only free space before the media data is replaced by an empty box: the size of anything else
  // (an XMP box) would still show. camera.mp4's 8-byte free box renamed: "skip" and "wide" are free
  // space, "XMP_" is not.
  for (const [type, inPlace] of [
    ['skip', true],
    ['wide', true],
    ['XMP_', false],
  ] as const) {
    it(`a "${type}" box before the media data ${inPlace ? 'keeps it in place' : 'packs the output, movie box first'}`, async () => {
      const input = Buffer.from(mediaFixture('camera.mp4'));
      expect(input.toString('latin1', 36, 40)).toBe('free');
      input.write(type, 36, 'latin1');
      const { plan } = await prepareMediaStrip(new BufferSource(input));
      const output = await planToBuffer(plan, new BufferSource(input), []);
      const types: string[] = [];
      for (let at = 0; at < output.length; at += output.readUInt32BE(at))
        types.push(output.toString('latin1', at + 4, at + 8));
      expect(types).toEqual(inPlace ? ['ftyp', 'free', 'mdat', 'moov'] : ['ftyp', 'moov', 'mdat']);
    });
  }

  // The output's digest is forked from the input's where they part; the plan is changed so that
  // they part inside the media data (a dropped run, as a data track's would be). At 30% too little
  // is shared to be worth it (two digests as usual); at 80% and 95% the fork is taken.
  for (const drop of [0.3, 0.8, 0.95]) {
    it(`both digests are right when the output parts from the input at ${drop * 100}% of its media data`, async () => {
      const input = mediaFixture('camera.mp4');
      const { plan } = await prepareMediaStrip(new BufferSource(input));
      const i = plan.pieces.findIndex((p) => p.kind === 'copy');
      const copy = plan.pieces[i] as Extract<Piece, { kind: 'copy' }>;
      const cut = Math.floor(copy.length * drop);
      plan.pieces.splice(
        i,
        1,
        { kind: 'copy', from: copy.from, length: cut },
        { kind: 'copy', from: copy.from + cut + 17, length: copy.length - cut - 17 },
      );
      const expected = await planToBuffer(plan, new BufferSource(input), []);
      for (const [blockSize, threads] of [
        [509, true],
        [4096, false],
        [1 << 20, true],
      ] as const) {
        const { copied, output } = await copyToFile(
          `part-${drop}.mp4`,
          input,
          plan,
          blockSize,
          threads,
        );
        expect(output.equals(expected), `block ${blockSize}, threads ${threads}`).toBe(true);
        expect(copied.sha256).toBe(sha256(expected));
        expect(copied.inputSha256).toBe(sha256(input));
      }
    });
  }

  it('stops when cancelled and leaves nothing reading or writing', async () => {
    const input = mediaFixture('camera.mp4');
    const { plan } = await prepareMediaStrip(new BufferSource(input));
    const controller = new AbortController();
    controller.abort();
    await expectVigilError(
      copyToFile('cancelled.mp4', input, plan, 1024, true, controller.signal),
      'CANCELLED',
      /Cancelled/,
    );
  });

  it('refuses an input that is shorter than it was when planned', async () => {
    const input = mediaFixture('faststart.mp4');
    const { plan } = await prepareMediaStrip(new BufferSource(input));
    const inPath = join(dir, 'short.mp4');
    await writeFile(inPath, input.subarray(0, input.length - 5000));
    const inHandle = await open(inPath, 'r');
    const outHandle = await open(join(dir, 'short-out.mp4'), 'w+');
    try {
      await expectVigilError(
        copyPlanToFile(plan, new FileSource(inHandle, input.length), outHandle, {
          blockSize: 2048,
        }),
        'INVALID_INPUT',
        /changed or shrank/,
      );
    } finally {
      await inHandle.close();
      await outHandle.close();
    }
  });
});

/** Runs a (possibly altered) plan and checks its output as a strip would. */
async function runAndCheck(
  name: string,
  alter: (plan: MediaPlan) => void,
  lie?: (c: CopyExtent[]) => void,
) {
  const src = new BufferSource(mediaFixture(name));
  const prepared = await prepareMediaStrip(src);
  alter(prepared.plan);
  const copies: CopyExtent[] = [];
  const output = await planToBuffer(prepared.plan, src, copies);
  lie?.(copies);
  return checkMediaOutput(prepared, new BufferSource(output), sha256(output), {
    input: src,
    copies,
  });
}

/** The largest copied run, cut in two and its halves swapped: a valid, stripped file whose samples are moved. */
function rotate(plan: MediaPlan): void {
  const copies = plan.pieces.filter(
    (p): p is Extract<Piece, { kind: 'copy' }> => p.kind === 'copy',
  );
  const big = copies.reduce((a, b) => (b.length > a.length ? b : a));
  const at = plan.pieces.indexOf(big);
  const half = Math.floor(big.length / 2) + 1;
  plan.pieces.splice(
    at,
    1,
    { kind: 'copy', from: big.from + half, length: big.length - half },
    { kind: 'copy', from: big.from, length: half },
  );
}

/** Changes one byte inside the first `type` table of the rebuilt structure (movie header or fragment). */
function alterTable(type: string, plan: MediaPlan): void {
  const i = plan.pieces.findIndex((p) => p.kind === 'bytes' && p.data.includes(type, 0, 'latin1'));
  const head = plan.pieces[i];
  if (head?.kind !== 'bytes') throw new Error(`no ${type} table`);
  const data = Buffer.from(head.data);
  const at = data.indexOf(type, 0, 'latin1');
  const size = data.readUInt32BE(at - 4);
  const last = at - 4 + size - 1; // the last byte of the table: an entry, not its header
  data.writeUInt8(data.readUInt8(last) ^ 0x01, last);
  plan.pieces[i] = { kind: 'bytes', data };
}

describe('the check of a video whose media data stayed in place', () => {
  /** camera.mp4's output with a shorter file-type box and a larger free box: the same offsets. */
  const refill = (content: Buffer) => (plan: MediaPlan) => {
    const head = plan.pieces[0];
    if (head?.kind !== 'bytes' || head.data.toString('latin1', 36, 40) !== 'free')
      throw new Error('not the in-place layout');
    const ftyp = Buffer.from(head.data.subarray(0, 24));
    ftyp.writeUInt32BE(24, 0);
    const free = Buffer.alloc(16);
    free.writeUInt32BE(16, 0);
    free.write('free', 4, 'latin1');
    content.copy(free, 8);
    plan.pieces[0] = { kind: 'bytes', data: Buffer.concat([ftyp, free, head.data.subarray(40)]) };
  };

  it('accepts an empty free box before the media data', async () => {
    const report = await runAndCheck('camera.mp4', refill(Buffer.alloc(8)));
    expect(report.outputSize).toBeGreaterThan(0);
  });

  it('refuses a free box that holds data', async () => {
    for (const content of ['CANARY!!', '\0\0\0\0\0\0\0x'])
      await expectVigilError(
        runAndCheck('camera.mp4', refill(Buffer.from(content, 'latin1'))),
        'INVALID_INPUT',
        /check of the stripped MP4 video failed: its free-space box holds data/,
      );
  });
});

describe('the check of a stripped video proves its samples are the input’s', () => {
  for (const name of BMFF) {
    it(`${name}: the unaltered plan passes`, async () => {
      const report = await runAndCheck(name, () => undefined);
      expect(report.outputSize).toBeGreaterThan(0);
    });

    it(`${name}: samples moved inside the media data are refused`, async () => {
      await expectVigilError(
        runAndCheck(name, rotate),
        'INVALID_INPUT',
        /check of the stripped .* failed: the samples of track \d+ are not the input's bytes/,
      );
    });

    it(`${name}: a writer's record that does not match the input is refused`, async () => {
      await expectVigilError(
        runAndCheck(
          name,
          () => undefined,
          (c) => {
            c[0]!.from += 1;
          },
        ),
        'INVALID_INPUT',
        /the samples of track \d+ are not the input's bytes/,
      );
      await expectVigilError(
        runAndCheck(
          name,
          () => undefined,
          (c) => c.splice(0, c.length),
        ),
        'INVALID_INPUT',
        /the samples of track \d+ are not the input's bytes/,
      );
    });

    // A fragmented file's timing is in its track runs; the movie header's tables are empty.
    const fragmented = name.startsWith('fragmented');
    it(`${name}: changed sample timing is refused`, async () => {
      await expectVigilError(
        runAndCheck(name, (plan) => alterTable(fragmented ? 'trun' : 'stts', plan)),
        'INVALID_INPUT',
        fragmented
          ? /a track run of track \d+ differs from the input's/
          : /the "stts" table of track \d+ differs from the input's/,
      );
    });
  }
});
