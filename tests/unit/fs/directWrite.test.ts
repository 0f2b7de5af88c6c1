import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  alignedOffset,
  createDirect,
  DIRECT_ALIGN,
  directLength,
} from '../../../electron/core/fs/directWrite';
import { DurableBatch } from '../../../electron/core/fs/durableBatch';
import { trackedLabels } from '../../../electron/core/fs/tempRegistry';
import { tempDir } from '../../helpers/tmp';

/** Fresh memory with room for `size` bytes from an aligned start, and that start. */
function alignedMemory(dir: string, size: number): { memory: ArrayBuffer; at: number } {
  const memory = new ArrayBuffer(size + 2 * DIRECT_ALIGN);
  const at = alignedOffset(memory, dir);
  expect(at, 'the test folder takes direct writes (Linux, ext4 or tmpfs)').toBeTypeOf('number');
  return { memory, at: at! };
}

describe('direct writes (past the page cache)', () => {
  it('finds where fresh memory is aligned, leaving no probe file behind', async () => {
    const dir = await tempDir();
    for (const size of [2 * DIRECT_ALIGN, 1 << 20, 5_000_001]) {
      const at = alignedOffset(new ArrayBuffer(size), dir);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(at).toBeLessThan(DIRECT_ALIGN);
      expect(at! % 8).toBe(0);
    }
    // Too small to hold a probe: none is made.
    expect(alignedOffset(new ArrayBuffer(100), dir)).toBeUndefined();
    expect(alignedOffset(new ArrayBuffer(1 << 16), join(dir, 'missing'))).toBeUndefined();
    expect(await readdir(dir)).toEqual([]);
    expect(trackedLabels()).toEqual([]);
  });

  it('writes exactly the bytes, whatever their length, and zeros the padding it wrote from', async () => {
    const dir = await tempDir();
    for (const length of [0, 1, 511, 4095, 4096, 4097, 100_003, 1 << 20]) {
      const { memory, at } = alignedMemory(dir, length);
      const view = Buffer.from(memory, at, length);
      randomBytes(length).copy(view);
      // Whatever an earlier file left after it must not reach the disk.
      new Uint8Array(memory, at + length).fill(0xee);
      const path = join(dir, `f${length}`);
      const handle = await createDirect(path, view, 0o600);
      expect(handle, `length ${length}`).toBeDefined();
      await handle!.datasync();
      await handle!.close();
      expect((await readFile(path)).equals(view), `length ${length}`).toBe(true);
      const padding = new Uint8Array(memory, at + length, directLength(length) - length);
      expect(padding.every((b) => b === 0)).toBe(true);
    }
  });

  it('declines memory that is not aligned, or has no room to pad, leaving no file', async () => {
    const dir = await tempDir();
    const { memory, at } = alignedMemory(dir, 10_000);
    const misaligned = Buffer.from(memory, at + 8, 10_000);
    expect(await createDirect(join(dir, 'a'), misaligned, 0o600)).toBeUndefined();
    const cramped = Buffer.from(new ArrayBuffer(10_000));
    expect(await createDirect(join(dir, 'b'), cramped, 0o600)).toBeUndefined();
    expect(await readdir(dir)).toEqual([]);
  });

  it('a durable batch writes aligned outputs directly and the others through the page cache, each exactly', async () => {
    const dir = await tempDir();
    const batch = new DurableBatch();
    const files: { path: string; data: Buffer }[] = [];
    for (const [i, length] of [5000, 4096, 123_457].entries()) {
      for (const shift of [0, 8]) {
        const { memory, at } = alignedMemory(dir, length + shift);
        const data = Buffer.from(memory, at + shift, length);
        randomBytes(length).copy(data);
        const path = join(dir, `${shift}-${i}`);
        files.push({ path, data: Buffer.from(data) });
        await batch.stage(path, data, { overwrite: false, direct: true });
      }
    }
    const placed = await batch.commit();
    expect(placed.every((p) => !p.error)).toBe(true);
    for (const f of files) expect((await readFile(f.path)).equals(f.data), f.path).toBe(true);
    expect((await readdir(dir)).filter((n) => n.includes('.vigil-'))).toEqual([]);
  });
});
