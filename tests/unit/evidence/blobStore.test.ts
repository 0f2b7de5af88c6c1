import { createHash, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BLOB_CHUNK,
  blobPath,
  listBlobFiles,
  readBlob,
  checkBlob,
  verifyBlob,
  writeBlob as writeBlobInProgress,
} from '../../../electron/core/evidence/blobStore';
import { isVigilError } from '../../../electron/core/errors';
import { trackedLabels } from '../../../electron/core/fs/tempRegistry';
import { tempDir } from '../../helpers/tmp';

const ABYTES = 17;
const PREFIX = 8 + 24;

async function vaultDir(): Promise<string> {
  const dir = await tempDir();
  await mkdir(join(dir, 'blobs'));
  return dir;
}

async function* pieces(data: Buffer, size = 65_536): AsyncGenerator<Buffer> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

async function readAll(dir: string, blobId: string, key: Uint8Array): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of readBlob(dir, blobId, key)) parts.push(part);
  return Buffer.concat(parts);
}

async function failure(dir: string, blobId: string, key: Uint8Array): Promise<string> {
  try {
    await readAll(dir, blobId, key);
  } catch (error) {
    expect(isVigilError(error, 'INTEGRITY_FAILED')).toBe(true);
    return (error as Error).message;
  }
  throw new Error('the damaged blob was accepted');
}

/**
 * A written blob stays listed as unfinished until its vault row is committed
 * (the caller settles it then); these tests keep blobs without rows, so they
 * settle them at once and leave nothing listed for a later test to trip on.
 */
async function writeBlob(...args: Parameters<typeof writeBlobInProgress>) {
  const written = await writeBlobInProgress(...args);
  written.tracked.done();
  return written;
}

describe('evidence blob store', () => {
  it('round-trips files of every boundary size, with the SHA-256 that sha256sum computes', async () => {
    const dir = await vaultDir();
    for (const size of [
      0,
      1,
      4096,
      BLOB_CHUNK - 1,
      BLOB_CHUNK,
      BLOB_CHUNK + 1,
      3 * BLOB_CHUNK + 5,
    ]) {
      const data = randomBytes(size);
      const written = await writeBlob(dir, pieces(data, 100_003));
      expect(written.size).toBe(size);
      expect(written.sha256).toBe(createHash('sha256').update(data).digest('hex'));
      expect((await readAll(dir, written.blobId, written.key)).equals(data)).toBe(true);
      expect(
        await verifyBlob(dir, written.blobId, written.key, { sha256: written.sha256, size }),
      ).toBeNull();
      const onDisk = await readFile(blobPath(dir, written.blobId));
      expect(onDisk.length).toBe(
        PREFIX +
          size +
          Math.max(1, Math.ceil(size / BLOB_CHUNK) + (size % BLOB_CHUNK === 0 ? 1 : 0)) * ABYTES,
      );
    }
    const file = join(dir, 'sample.bin');
    const data = randomBytes(2 * BLOB_CHUNK + 77);
    await writeFile(file, data);
    const written = await writeBlob(dir, pieces(data));
    expect(written.sha256).toBe(
      execFileSync('sha256sum', [file], { encoding: 'utf8' }).split(' ')[0],
    );
    expect(trackedLabels()).toEqual([]);
  });

  it('detects truncation, reordered chunks, flipped bits, appended bytes, a swapped file and the wrong key', async () => {
    const dir = await vaultDir();
    const data = randomBytes(3 * BLOB_CHUNK + 1000);
    const written = await writeBlob(dir, pieces(data));
    const path = blobPath(dir, written.blobId);
    const good = await readFile(path);
    const chunk = BLOB_CHUNK + ABYTES;

    const cases: [string, Buffer][] = [
      ['truncated inside the last chunk', good.subarray(0, good.length - 5)],
      ['last chunk removed', good.subarray(0, PREFIX + 3 * chunk)],
      ['truncated at a chunk boundary', good.subarray(0, PREFIX + chunk)],
      ['only the header', good.subarray(0, PREFIX)],
      ['empty', Buffer.alloc(0)],
      ['appended bytes', Buffer.concat([good, Buffer.from('extra')])],
      [
        'chunks 1 and 2 swapped',
        Buffer.concat([
          good.subarray(0, PREFIX),
          good.subarray(PREFIX + chunk, PREFIX + 2 * chunk),
          good.subarray(PREFIX, PREFIX + chunk),
          good.subarray(PREFIX + 2 * chunk),
        ]),
      ],
      [
        'a chunk repeated',
        Buffer.concat([
          good.subarray(0, PREFIX + chunk),
          good.subarray(PREFIX, PREFIX + chunk),
          good.subarray(PREFIX + chunk),
        ]),
      ],
    ];
    for (const offset of [
      0,
      9,
      PREFIX,
      PREFIX + 1000,
      PREFIX + chunk - 1,
      PREFIX + 2 * chunk + 17,
      good.length - 1,
    ]) {
      const flipped = Buffer.from(good);
      flipped[offset]! ^= 0x04;
      cases.push([`bit flipped at ${offset}`, flipped]);
    }
    for (const [name, bytes] of cases) {
      await writeFile(path, bytes);
      expect(await failure(dir, written.blobId, written.key), name).toMatch(/is damaged/);
      expect(
        await verifyBlob(dir, written.blobId, written.key, {
          sha256: written.sha256,
          size: data.length,
        }),
        name,
      ).toMatch(/damaged/);
      // The code the UI words: damaged, whatever the damage.
      expect(
        (
          await checkBlob(dir, written.blobId, written.key, {
            sha256: written.sha256,
            size: data.length,
          })
        )?.code,
        name,
      ).toBe('damaged');
    }
    await writeFile(path, good);
    const expected = { sha256: written.sha256, size: data.length };
    expect(await checkBlob(dir, written.blobId, written.key, expected)).toBeNull();
    // Intact bytes that are not what intake recorded: by size, then by hash.
    expect(
      (await checkBlob(dir, written.blobId, written.key, { ...expected, size: data.length + 1 }))
        ?.code,
    ).toBe('size');
    expect(
      (await checkBlob(dir, written.blobId, written.key, { ...expected, sha256: '0'.repeat(64) }))
        ?.code,
    ).toBe('hash');
    expect(await failure(dir, written.blobId, randomBytes(32))).toMatch(/failed authentication/);

    // Another blob's file renamed into place: its own key does not open it, nor does it pass as this one.
    const other = await writeBlob(dir, pieces(randomBytes(10)));
    await rename(blobPath(dir, other.blobId), path);
    expect(await failure(dir, written.blobId, other.key)).toMatch(/failed authentication/);
    await unlink(path);
    expect((await checkBlob(dir, written.blobId, written.key, expected))?.code).toBe('missing');
  });

  it('yields nothing from a chunk before it is authenticated', async () => {
    const dir = await vaultDir();
    const data = randomBytes(2 * BLOB_CHUNK + 10);
    const written = await writeBlob(dir, pieces(data));
    const path = blobPath(dir, written.blobId);
    const bytes = await readFile(path);
    bytes[PREFIX + BLOB_CHUNK + ABYTES + 100]! ^= 1; // inside the second chunk
    await writeFile(path, bytes);
    const released: Buffer[] = [];
    await expect(
      (async () => {
        for await (const part of readBlob(dir, written.blobId, written.key)) released.push(part);
      })(),
    ).rejects.toThrow(/damaged/);
    expect(released).toHaveLength(1);
    expect(released[0]!.equals(data.subarray(0, BLOB_CHUNK))).toBe(true);
  });

  it('a cancelled or failed write leaves no file behind', async () => {
    const dir = await vaultDir();
    const controller = new AbortController();
    async function* slow(): AsyncGenerator<Buffer> {
      for (let i = 0; i < 10; i += 1) {
        if (i === 3) controller.abort();
        yield randomBytes(BLOB_CHUNK);
      }
    }
    await expect(writeBlob(dir, slow(), { signal: controller.signal })).rejects.toThrow(
      /Cancelled/,
    );
    async function* broken(): AsyncGenerator<Buffer> {
      yield randomBytes(BLOB_CHUNK * 2);
      throw new Error('the source disappeared');
    }
    await expect(writeBlob(dir, broken())).rejects.toThrow();
    expect(await readdir(join(dir, 'blobs'))).toEqual([]);
    expect(await listBlobFiles(dir)).toEqual({ blobIds: [], tempFiles: [] });
  });
});
