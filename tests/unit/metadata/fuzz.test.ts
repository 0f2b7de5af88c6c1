import { describe, expect, it } from 'vitest';
import { isVigilError } from '../../../electron/core/errors';
import { inspectBuffer, stripBuffer } from '../../../electron/core/metadata';
import { Bytes } from '../../../electron/core/metadata/bytes';
import { parseJpeg } from '../../../electron/core/metadata/formats/jpeg';
import { parsePng } from '../../../electron/core/metadata/formats/png';
import { parseWebp } from '../../../electron/core/metadata/formats/webp';
import { readBoxes } from '../../../electron/core/metadata/formats/heif';
import { fixture } from './helpers';

// Deterministic: the same mutations on every run and every machine, so a failure reproduces.
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Offsets of length and offset fields, where a mutation does the most damage. */
function interesting(name: string, buf: Buffer): number[] {
  try {
    if (name.endsWith('.jpg')) return parseJpeg(buf).segments.map((s) => s.start + 2);
    if (name.endsWith('.png')) return parsePng(buf).chunks.map((c) => c.start);
    if (name.endsWith('.webp')) return [4, ...parseWebp(buf).chunks.map((c) => c.data - 4)];
    if (name.endsWith('.heic') || name.endsWith('.avif')) {
      const b = new Bytes(buf, 'fuzz');
      const top = readBoxes(b, 0, buf.length);
      const meta = top.find((x) => x.type === 'meta');
      const inner = meta ? readBoxes(b, meta.body + 4, meta.end) : [];
      return [...top, ...inner].map((x) => x.start);
    }
    if (name.endsWith('.pdf')) {
      const out: number[] = [];
      const text = buf.toString('latin1');
      for (const re of [
        /\/Length (\d)/g,
        /startxref\s+(\d)/g,
        /\/(?:Prev|First|N|Size) (\d)/g,
        /\n(\d{10}) \d{5} n/g,
      ]) {
        let m: RegExpExecArray | null;
        while ((m = re.exec(text)) !== null) out.push(m.index + m[0].length - 1);
      }
      return out;
    }
    if (name.endsWith('.tif'))
      return [4, buf.readUInt32LE(4) % buf.length, buf.readUInt32BE(4) % buf.length];
  } catch {
    // fall back to random offsets
  }
  return [];
}

function mutate(buf: Buffer, rand: () => number, spots: number[]): Buffer {
  const pick = (n: number): number => Math.floor(rand() * n);
  const at = (): number =>
    spots.length > 0 && rand() < 0.5 ? spots[pick(spots.length)]! : pick(buf.length);
  const out = Buffer.from(buf);
  switch (pick(6)) {
    case 0: {
      const flips = 1 + pick(8);
      for (let i = 0; i < flips; i += 1) out[pick(out.length)] = pick(256);
      return out;
    }
    case 1:
      return out.subarray(0, pick(out.length));
    case 2: {
      const p = at();
      const junk = Buffer.from(Array.from({ length: 1 + pick(64) }, () => pick(256)));
      return Buffer.concat([out.subarray(0, p), junk, out.subarray(p)]);
    }
    case 3: {
      const p = Math.min(at(), out.length - 4);
      if (p >= 0) out.writeUInt32BE([0xffffffff, 0x7fffffff, 0x80000000, 0x00010000][pick(4)]!, p);
      return out;
    }
    case 4: {
      const p = Math.min(at(), out.length - 2);
      if (p >= 0) out.writeUInt16BE([0xffff, 0, 1, 0x8000][pick(4)]!, p);
      return out;
    }
    default: {
      const p = at();
      const text = Buffer.from(
        [' 99999999999 ', '9999999', '-1', '0 0 R', '<<', '[[[[[[', '(', ')'][pick(8)]!,
        'latin1',
      );
      return Buffer.concat([out.subarray(0, p), text, out.subarray(p + text.length)]);
    }
  }
}

const FIXTURES = [
  'camera.jpg',
  'cmyk.jpg',
  'progressive.jpg',
  'meta.png',
  'trailing.png',
  'meta.webp',
  'alpha.webp',
  'anim.gif',
  'multipage.tif',
  'bigendian.tif',
  'meta.heic',
  'meta.avif',
  'classic.pdf',
  'updated.pdf',
  'ghostscript.pdf',
  'encrypted.pdf',
];
// VIGIL_FUZZ_RUNS=5000 explores further locally; the default keeps the suite fast.
const RUNS = Number(process.env.VIGIL_FUZZ_RUNS ?? 120);

describe('fuzzing: hostile variants of every fixture', () => {
  for (const [index, name] of FIXTURES.entries()) {
    it(`${name}: ${RUNS} mutations each give a clean output or a VigilError, never another exception`, async () => {
      const original = fixture(name);
      const rand = mulberry32(0x5eed + index);
      const spots = interesting(name, original);
      let stripped = 0;
      let refused = 0;
      for (let run = 0; run < RUNS; run += 1) {
        const input = mutate(original, rand, spots);
        const label = `${name} mutation ${run}`;
        const report = await inspectBuffer(input);
        expect(report.size, label).toBe(input.length);
        try {
          const { output } = await stripBuffer(input);
          stripped += 1;
          const again = await inspectBuffer(output);
          expect(again.risky, `${label}: risky fields after stripping`).toBe(0);
        } catch (error) {
          if (!isVigilError(error))
            throw new Error(`${label}: ${String((error as Error)?.stack ?? error)}`, {
              cause: error,
            });
          expect(['INVALID_INPUT', 'UNSUPPORTED'], label).toContain(error.code);
          expect(error.message, label).toMatch(/\.$/);
          refused += 1;
        }
      }
      expect(stripped + refused).toBe(RUNS);
      if (process.env.VIGIL_FUZZ_RUNS)
        console.log(`${name}: ${stripped} stripped, ${refused} refused`);
    });
  }
});
