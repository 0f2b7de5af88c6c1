import { randomBytes } from 'node:crypto';
import { open, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeStaleSealedFiles, SealedTempFile } from '../../../electron/core/pgp/sealedTemp';
import { isVigilError } from '../../../electron/core/errors';
import { tempDir } from '../../helpers/tmp';

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

describe('sealed temporary plaintext', () => {
  it.each([0, 1, (1 << 20) - 1, 1 << 20, (1 << 20) + 1, 3 * (1 << 20) + 17])(
    'holds %i bytes, read whole and at any offset',
    async (size) => {
      const dir = await tempDir();
      const data = randomBytes(size);
      const file = await SealedTempFile.create(dir);
      try {
        for (let i = 0; i < size; i += 300_000) await file.write(data.subarray(i, i + 300_000));
        await file.finish();
        expect(file.size).toBe(size);
        expect((await collect(file.stream())).equals(data)).toBe(true);
        for (const [start, end] of [
          [0, 0],
          [0, 10],
          [Math.max(0, size - 10), size],
          [Math.floor(size / 3), Math.floor((2 * size) / 3)],
          [(1 << 20) - 5, (1 << 20) + 5],
        ] as const) {
          const s = Math.min(start, size);
          const e = Math.min(end, size);
          expect((await collect(file.stream(s, e))).equals(data.subarray(s, e))).toBe(true);
          expect((await file.read(s, e - s)).equals(data.subarray(s, e))).toBe(true);
        }
      } finally {
        await file.dispose();
      }
    },
  );

  it('never holds the plaintext in the clear, and is deleted on dispose', async () => {
    const dir = await tempDir();
    const marker = Buffer.from('canary-plaintext-marker-'.repeat(1000));
    const file = await SealedTempFile.create(dir);
    await file.write(marker);
    await file.finish();
    const raw = await readFile(file.path);
    expect(raw.includes(Buffer.from('canary-plaintext-marker-'))).toBe(false);
    await file.dispose();
    expect(await readdir(dir)).toEqual([]);
  });

  it('detects a byte changed on disk while in use', async () => {
    const dir = await tempDir();
    const file = await SealedTempFile.create(dir);
    await file.write(randomBytes(2 << 20));
    await file.finish();
    const handle = await open(file.path, 'r+');
    const byte = Buffer.alloc(1);
    await handle.read(byte, 0, 1, (1 << 20) + 100);
    byte[0]! ^= 1;
    await handle.write(byte, 0, 1, (1 << 20) + 100);
    await handle.close();
    await expect(file.read(0, 10)).resolves.toHaveLength(10);
    const error = await file.read(2 << 19, 10).catch((e: unknown) => e);
    expect(isVigilError(error, 'INTEGRITY_FAILED')).toBe(true);
    await file.dispose();
  });

  it('removes leftovers of a crashed run, not files in use', async () => {
    const dir = await tempDir();
    const inUse = await SealedTempFile.create(dir);
    const stale = join(dir, '.pgp-plaintext.vigil-tmp-0123456789abcdef');
    await writeFile(stale, 'noise');
    await writeFile(join(dir, 'vault.db'), 'not ours');
    await removeStaleSealedFiles(dir);
    const left = await readdir(dir);
    expect(left).toContain('vault.db');
    expect(left).not.toContain('.pgp-plaintext.vigil-tmp-0123456789abcdef');
    expect(left.some((name) => join(dir, name) === inUse.path)).toBe(true);
    await inUse.dispose();
  });
});
