import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VigilError } from '../../electron/core/errors';
import {
  applyMutations,
  onlyVigilErrors,
  runTarget,
  selected,
  type FuzzTarget,
} from '../fuzz/harness';

const failing = (seen: number[]): FuzzTarget<number> => ({
  name: 'demo-target',
  about: 'fails on large numbers',
  runs: 200,
  arbitrary: () => fc.integer({ min: 0, max: 10_000 }),
  property: (n) => {
    seen.push(n);
    if (n > 5000) throw new Error(`too large: ${n}`);
  },
  describe: (n) => `the number ${n}`,
});

describe('fuzz harness', () => {
  it('names the seed, the failing input and a replay command that reproduces it', async () => {
    const seen: number[] = [];
    const error = await runTarget(failing(seen), { runs: 200, seed: 42, hangSeconds: 60 }).catch(
      (e: Error) => e,
    );
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toMatch(/^fuzz target demo-target failed on input [\d:]+ of seed 42/);
    // Shrinking brings the counterexample down to the boundary.
    expect(message).toContain('too large: 5001');
    expect(message).toContain('input: the number 5001');
    const path = /--path ([\d:]+)/.exec(message)![1]!;
    expect(message).toContain(`Replay: npm run fuzz -- demo-target --seed 42 --path ${path}`);

    // The replay runs that one input (and fails the same way).
    const replayed: number[] = [];
    const again = await runTarget(failing(replayed), {
      runs: 1,
      seed: 42,
      path,
      hangSeconds: 60,
    }).catch((e: Error) => e);
    expect((again as Error).message).toContain('too large: 5001');
    expect(replayed[0]).toBe(5001);
  });

  it('is reproducible: the same seed tries the same inputs', async () => {
    const a: number[] = [];
    const b: number[] = [];
    const ok = (seen: number[]): FuzzTarget<number> => ({
      ...failing(seen),
      property: (n) => void seen.push(n),
    });
    await runTarget(ok(a), { runs: 50, seed: 7, hangSeconds: 60 });
    await runTarget(ok(b), { runs: 50, seed: 7, hangSeconds: 60 });
    expect(a).toEqual(b);
    expect(new Set(a).size).toBeGreaterThan(10);
  });

  it('accepts only VigilErrors with a sentence as an ending', () => {
    expect(() => onlyVigilErrors(new VigilError('INVALID_INPUT', 'Bad.'), 'x')).not.toThrow();
    expect(() => onlyVigilErrors(new TypeError('boom'), 'x')).toThrow(/other than a VigilError/);
    expect(() => onlyVigilErrors(new VigilError('INVALID_INPUT', 'no stop'), 'x')).toThrow(
      /not a sentence/,
    );
  });

  it('selects targets by name or prefix', () => {
    expect(selected('pdf-mutate', 'pdf')).toBe(true);
    expect(selected('pdf-mutate', 'pdf-mutate')).toBe(true);
    expect(selected('pdfx-mutate', 'pdf')).toBe(false);
    expect(selected('zip-read', 'pdf,zip')).toBe(true);
    expect(selected('anything', undefined)).toBe(true);
  });

  it('applies edits within bounds, whatever their positions', () => {
    const base = Buffer.from('0123456789');
    expect(applyMutations(base, [{ kind: 'flip', at: 13, value: 65 }]).toString()).toBe(
      '01A3456789',
    );
    expect(applyMutations(base, [{ kind: 'cut', at: 3 }]).toString()).toBe('012');
    expect(
      applyMutations(base, [{ kind: 'insert', at: 2, bytes: Buffer.from('xy') }]).toString(),
    ).toBe('01xy23456789');
    expect(applyMutations(Buffer.alloc(0), [{ kind: 'flip', at: 5, value: 1 }])).toHaveLength(0);
  });
});
