import { randomUUID } from 'node:crypto';
import { createHash } from 'node:crypto';
import { open, readdir, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import sodium from 'sodium-native';
import { VigilError, fsError } from '../errors';
import { fsyncDir, TEMP_MARKER } from '../fs/atomic';
import { WriteBehind } from '../fs/writeBehind';
import { crashPoint } from '../fs/crashPoints';
import { isTracked, trackTemp, type TrackedTemp } from '../fs/tempRegistry';
import { allocSecret, randomSecret, wipe, type SecretBytes } from '../crypto/secrets';
import { blobDir } from '../vault/layout';
import type { IntegrityProblem } from '../../../shared/evidence';

/**
 * Evidence blobs: each file encrypted under its own random key with
 * libsodium's secretstream (XChaCha20-Poly1305), in 1 MiB chunks.
 *
 *   "VGLBLOB1" | secretstream header (24 bytes) | chunk… (1 MiB + 17 bytes each, the last shorter)
 *
 * Every chunk is authenticated and bound to its position; the last carries
 * the FINAL tag, so truncation, reordering, splicing and appended data are all
 * detected. The blob id is the associated data of every chunk, so a blob
 * cannot be passed off as another. Keys live only in the encrypted database:
 * deleting a row crypto-erases its file.
 */
export const BLOB_CHUNK = 1024 * 1024;
const MAGIC = Buffer.from('VGLBLOB1', 'latin1');
const HEADER_BYTES = sodium.crypto_secretstream_xchacha20poly1305_HEADERBYTES;
const ABYTES = sodium.crypto_secretstream_xchacha20poly1305_ABYTES;
const STATE_BYTES = sodium.crypto_secretstream_xchacha20poly1305_STATEBYTES;
const TAG_MESSAGE = sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
const TAG_FINAL = sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL;
export const BLOB_KEY_BYTES = sodium.crypto_secretstream_xchacha20poly1305_KEYBYTES;
const BLOB_SUFFIX = '.blob';

export const blobPath = (vaultDir: string, blobId: string): string =>
  join(blobDir(vaultDir), `${blobId}${BLOB_SUFFIX}`);

export interface WrittenBlob {
  blobId: string;
  /** The blob's key: store it in the database row, then wipe it. */
  key: SecretBytes;
  sha256: string;
  size: number;
  /** The first bytes of the plaintext (for type detection), kept in memory only. */
  head: Buffer;
  /** Until `settleBlob`: the blob is uncommitted, removed if the process is interrupted. */
  tracked: TrackedTemp;
}

/**
 * The caller is done with a written blob: its row is committed (or the blob
 * was deleted). Wipes the key and stops treating the file as in progress.
 */
export function settleBlob(written: WrittenBlob): void {
  wipe(written.key);
  written.tracked.done();
}

export interface StreamOptions {
  signal?: AbortSignal;
  onProgress?: (bytes: number) => void;
}

function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new VigilError('CANCELLED', 'Cancelled; nothing was kept.');
}

/** Buffers a byte stream into exact BLOB_CHUNK-sized pieces (the last may be shorter or empty). */
async function* exactChunks(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): AsyncGenerator<Buffer> {
  let pending = Buffer.allocUnsafe(BLOB_CHUNK);
  let filled = 0;
  for await (const piece of source) {
    let offset = 0;
    while (offset < piece.length) {
      const take = Math.min(BLOB_CHUNK - filled, piece.length - offset);
      pending.set(piece.subarray(offset, offset + take), filled);
      filled += take;
      offset += take;
      if (filled === BLOB_CHUNK) {
        yield pending;
        pending = Buffer.allocUnsafe(BLOB_CHUNK);
        filled = 0;
      }
    }
  }
  yield pending.subarray(0, filled);
}

/**
 * Encrypts a stream into a new blob, hashing the plaintext on the way, in
 * constant memory. Atomic: a temp file in the blob folder, fsync, rename.
 * On any failure (or cancellation) the temp file is removed.
 */
export async function writeBlob(
  vaultDir: string,
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: StreamOptions = {},
): Promise<WrittenBlob> {
  const blobId = randomUUID();
  const final = blobPath(vaultDir, blobId);
  const tmp = join(blobDir(vaultDir), `.${blobId}${TEMP_MARKER}${randomUUID().slice(0, 8)}`);
  const key = randomSecret(BLOB_KEY_BYTES);
  const state = allocSecret(STATE_BYTES);
  const header = Buffer.alloc(HEADER_BYTES);
  const ad = Buffer.from(blobId, 'ascii');
  const hash = createHash('sha256');
  let handle: FileHandle | undefined;
  let behind: WriteBehind | undefined;
  let size = 0;
  let head = Buffer.alloc(0);
  const tracked = trackTemp(tmp, 'the evidence file being stored in the vault');
  try {
    handle = await open(tmp, 'wx', 0o600).catch((error: unknown) => {
      throw fsError(error, 'Cannot write into the vault');
    });
    behind = new WriteBehind(handle);
    sodium.crypto_secretstream_xchacha20poly1305_init_push(state, header, key);
    await handle.write(Buffer.concat([MAGIC, header]));
    // One chunk of look-ahead tells which chunk is the last, so it gets the FINAL tag.
    let previous: Buffer | undefined;
    const flush = async (chunk: Buffer, tag: number) => {
      const out = Buffer.allocUnsafe(chunk.length + ABYTES);
      sodium.crypto_secretstream_xchacha20poly1305_push(state, out, chunk, ad, tag);
      await handle!.write(out);
      behind!.wrote(out.length);
    };
    for await (const chunk of exactChunks(source)) {
      checkAborted(options.signal);
      hash.update(chunk);
      if (head.length === 0 && chunk.length > 0) head = Buffer.from(chunk.subarray(0, 64 * 1024));
      size += chunk.length;
      if (previous) await flush(previous, TAG_MESSAGE);
      previous = chunk;
      options.onProgress?.(size);
      crashPoint('blob:chunk-written');
    }
    await flush(previous ?? Buffer.alloc(0), TAG_FINAL);
    await behind.settle();
    await handle.sync();
    await handle.close();
    handle = undefined;
    crashPoint('blob:temp-synced');
    await rename(tmp, final);
    // Still in progress until its row is committed: an interruption removes it too.
    tracked.moved(final);
    await fsyncDir(blobDir(vaultDir));
    return { blobId, key, sha256: hash.digest('hex'), size, head, tracked };
  } catch (error) {
    await behind?.drain();
    await handle?.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    await unlink(final).catch(() => undefined);
    tracked.done();
    wipe(key);
    throw error instanceof VigilError
      ? error
      : fsError(error, 'Cannot store the file in the vault');
  } finally {
    wipe(state);
  }
}

const damaged = (blobId: string, why: string) =>
  new VigilError(
    'INTEGRITY_FAILED',
    `Evidence blob ${blobId} is damaged (${why}); nothing unverified was released.`,
  );

/**
 * Decrypts a blob chunk by chunk, yielding each chunk only after it was
 * authenticated. Throws INTEGRITY_FAILED on any damage: a wrong or flipped
 * byte, a missing, reordered or repeated chunk, a missing end, extra bytes.
 */
export async function* readBlob(
  vaultDir: string,
  blobId: string,
  key: Uint8Array,
  options: StreamOptions = {},
): AsyncGenerator<Buffer> {
  let handle: FileHandle;
  try {
    handle = await open(blobPath(vaultDir, blobId), 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw damaged(blobId, 'its file is missing');
    throw fsError(error, 'Cannot read the evidence file');
  }
  const state = allocSecret(STATE_BYTES);
  const ad = Buffer.from(blobId, 'ascii');
  try {
    const prefix = Buffer.alloc(MAGIC.length + HEADER_BYTES);
    const { bytesRead } = await handle.read(prefix, 0, prefix.length, 0);
    if (bytesRead !== prefix.length || !prefix.subarray(0, MAGIC.length).equals(MAGIC))
      throw damaged(blobId, 'its header is wrong');
    try {
      sodium.crypto_secretstream_xchacha20poly1305_init_pull(
        state,
        prefix.subarray(MAGIC.length),
        key,
      );
    } catch {
      throw damaged(blobId, 'its header is wrong');
    }
    let position = prefix.length;
    const cipher = Buffer.allocUnsafe(BLOB_CHUNK + ABYTES);
    const tag = Buffer.alloc(1);
    let done = 0;
    for (;;) {
      checkAborted(options.signal);
      const { bytesRead: n } = await handle.read(cipher, 0, cipher.length, position);
      if (n < ABYTES) throw damaged(blobId, 'it is truncated');
      const plain = Buffer.allocUnsafe(n - ABYTES);
      try {
        sodium.crypto_secretstream_xchacha20poly1305_pull(
          state,
          plain,
          tag,
          cipher.subarray(0, n),
          ad,
        );
      } catch {
        throw damaged(blobId, `chunk at byte ${position} failed authentication`);
      }
      position += n;
      done += plain.length;
      const last = tag[0] === TAG_FINAL;
      if (last) {
        const rest = await handle.read(Buffer.alloc(1), 0, 1, position);
        if (rest.bytesRead > 0) throw damaged(blobId, 'it has data after its end');
      } else if (n < cipher.length) {
        throw damaged(blobId, 'it is truncated');
      }
      options.onProgress?.(done);
      yield plain;
      if (last) return;
    }
  } finally {
    wipe(state);
    await handle.close();
  }
}

/** Decrypts a whole blob into memory (for previews and stripping), refusing blobs above `maxBytes`. */
export async function readBlobToBuffer(
  vaultDir: string,
  blobId: string,
  key: Uint8Array,
  maxBytes: number,
): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of readBlob(vaultDir, blobId, key)) {
    size += chunk.length;
    if (size > maxBytes)
      throw new VigilError(
        'UNSUPPORTED',
        `This file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB; it cannot be opened in memory.`,
      );
    parts.push(chunk);
  }
  return Buffer.concat(parts, size);
}

/** What is wrong with a blob: a code for the UI, the English sentence for the CLI and the log. */
export interface BlobProblem {
  code: IntegrityProblem;
  text: string;
}

/** Decrypts and re-hashes a blob without keeping the plaintext. */
export async function checkBlob(
  vaultDir: string,
  blobId: string,
  key: Uint8Array,
  expected: { sha256: string; size: number },
): Promise<BlobProblem | null> {
  const hash = createHash('sha256');
  let size = 0;
  try {
    for await (const chunk of readBlob(vaultDir, blobId, key)) {
      hash.update(chunk);
      size += chunk.length;
    }
  } catch (error) {
    const text = error instanceof VigilError ? error.message : String(error);
    const missing = await stat(blobPath(vaultDir, blobId)).then(
      () => false,
      (e: NodeJS.ErrnoException) => e.code === 'ENOENT',
    );
    const code = missing
      ? 'missing'
      : error instanceof VigilError && error.code === 'INTEGRITY_FAILED'
        ? 'damaged'
        : 'unreadable';
    return { code, text };
  }
  if (size !== expected.size)
    return {
      code: 'size',
      text: `Evidence blob ${blobId} decrypts to ${size} bytes, not ${expected.size}.`,
    };
  const digest = hash.digest('hex');
  if (digest !== expected.sha256)
    return {
      code: 'hash',
      text: `Evidence blob ${blobId} decrypts to SHA-256 ${digest}, not the ${expected.sha256} recorded at intake.`,
    };
  return null;
}

/** `checkBlob`'s sentence alone, or null when the blob is intact. */
export async function verifyBlob(
  vaultDir: string,
  blobId: string,
  key: Uint8Array,
  expected: { sha256: string; size: number },
): Promise<string | null> {
  return (await checkBlob(vaultDir, blobId, key, expected))?.text ?? null;
}

export async function deleteBlob(vaultDir: string, blobId: string): Promise<void> {
  await unlink(blobPath(vaultDir, blobId)).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw fsError(error, 'Cannot delete the evidence file');
  });
}

/**
 * Blob ids present on disk, and leftover temp files from interrupted intakes.
 * What this process is still writing (a blob not yet committed) is left out.
 */
export async function listBlobFiles(
  vaultDir: string,
): Promise<{ blobIds: string[]; tempFiles: string[] }> {
  const names = (await readdir(blobDir(vaultDir)).catch(() => [] as string[])).filter(
    (name) => !isTracked(join(blobDir(vaultDir), name)),
  );
  return {
    blobIds: names
      .filter((n) => n.endsWith(BLOB_SUFFIX) && !n.startsWith('.'))
      .map((n) => n.slice(0, -BLOB_SUFFIX.length)),
    tempFiles: names.filter((n) => n.includes(TEMP_MARKER)),
  };
}

export async function blobFileSize(vaultDir: string, blobId: string): Promise<number | null> {
  return stat(blobPath(vaultDir, blobId)).then(
    (s) => s.size,
    () => null,
  );
}
