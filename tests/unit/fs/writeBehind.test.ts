import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { WriteBehind } from '../../../electron/core/fs/writeBehind';
import { tempDir } from '../../helpers/tmp';

describe('WriteBehind', () => {
  it('flushes in the background as bytes pile up, one flush at a time, without changing the bytes', async () => {
    const path = join(await tempDir(), 'file');
    const handle = await open(path, 'wx', 0o600);
    const datasync = vi.spyOn(handle, 'datasync');
    const behind = new WriteBehind(handle, 4096);
    const expected: Buffer[] = [];
    for (let i = 0; i < 64; i += 1) {
      const piece = Buffer.alloc(1024, i);
      await handle.write(piece);
      behind.wrote(piece.length);
      expected.push(piece);
      if (i % 8 === 7) await behind.settle();
    }
    await behind.settle();
    await handle.sync();
    await handle.close();
    // 64 KiB in 4 KiB steps, but never two flushes at once: between 1 and 16.
    expect(datasync.mock.calls.length).toBeGreaterThan(0);
    expect(datasync.mock.calls.length).toBeLessThanOrEqual(16);
    expect(await readFile(path)).toEqual(Buffer.concat(expected));
  });

  it('reports a failed flush at the next write and at settle', async () => {
    const path = join(await tempDir(), 'file');
    const handle = await open(path, 'wx', 0o600);
    const behind = new WriteBehind(handle, 1);
    await handle.close();
    behind.wrote(10); // starts a flush on a closed file
    await expect(behind.settle()).rejects.toThrow();
    expect(() => behind.wrote(10)).toThrow();
    await expect(behind.drain()).resolves.toBeUndefined();
  });
});
