import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DurableBatch } from '../../../electron/core/fs/durableBatch';
import { trackedLabels } from '../../../electron/core/fs/tempRegistry';
import { tempDir } from '../../helpers/tmp';

const content = (i: number): Buffer => Buffer.alloc(1000 + 37 * i, `file ${i};`);

describe('DurableBatch', () => {
  it('puts nothing in place before commit, then every file whole, in two folders, and leaves no temp', async () => {
    const root = await tempDir();
    const dirs = [join(root, 'a'), join(root, 'b')];
    for (const d of dirs) await mkdir(d);
    const batch = new DurableBatch();
    const paths = Array.from({ length: 9 }, (_, i) => join(dirs[i % 2]!, `f${i}.bin`));
    for (const [i, p] of paths.entries()) await batch.stage(p, content(i), { overwrite: false });
    expect(batch.pendingFiles).toBe(9);
    for (const d of dirs) {
      const names = await readdir(d);
      expect(names.every((n) => n.includes('.vigil-tmp-'))).toBe(true);
    }
    const placed = await batch.commit();
    expect(placed.map((p) => p.path)).toEqual(paths);
    expect(placed.every((p) => !p.error)).toBe(true);
    for (const [i, p] of paths.entries()) expect(await readFile(p)).toEqual(content(i));
    for (const d of dirs)
      expect((await readdir(d)).some((n) => n.includes('.vigil-tmp-'))).toBe(false);
    expect(trackedLabels()).toEqual([]);
    expect(batch.pendingFiles).toBe(0);
  });

  it('refuses one target that appeared meanwhile (kept as it was) and still places the others; replaces it with overwrite', async () => {
    const dir = await tempDir();
    const batch = new DurableBatch();
    const paths = ['x', 'y', 'z'].map((n) => join(dir, n));
    for (const [i, p] of paths.entries()) await batch.stage(p, content(i), { overwrite: false });
    await writeFile(paths[1]!, 'someone else');
    const placed = await batch.commit();
    expect(placed[1]!.error?.code).toBe('CONFLICT');
    expect(await readFile(paths[1]!, 'utf8')).toBe('someone else');
    expect(await readFile(paths[0]!)).toEqual(content(0));
    expect(await readFile(paths[2]!)).toEqual(content(2));
    expect((await readdir(dir)).sort()).toEqual(['x', 'y', 'z']);

    await batch.stage(paths[1]!, content(7), { overwrite: true });
    expect((await batch.commit())[0]!.error).toBeUndefined();
    expect(await readFile(paths[1]!)).toEqual(content(7));
  });

  it('discard removes every temp and places nothing; a temp that cannot be written is refused at once', async () => {
    const dir = await tempDir();
    const batch = new DurableBatch();
    await batch.stage(join(dir, 'one'), content(1), { overwrite: false });
    await batch.stage(join(dir, 'two'), content(2), { overwrite: false });
    await batch.discard();
    expect(await readdir(dir)).toEqual([]);
    expect(trackedLabels()).toEqual([]);
    await expect(
      batch.stage(join(dir, 'missing', 'three'), content(3), { overwrite: false }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await readdir(dir)).toEqual([]);
    expect(await batch.commit()).toEqual([]);
  });
});
