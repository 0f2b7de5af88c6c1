import { createCipheriv, createDecipheriv } from 'node:crypto';
import { open, readdir, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { VigilError, fsError } from '../errors';
import { TEMP_MARKER } from '../fs/atomic';
import { trackTemp, type TrackedTemp } from '../fs/tempRegistry';
import { processAlive } from '../fs/processes';
import { randomBytes, randomSecret, wipe, type SecretBytes } from '../crypto/secrets';

/**
 * Plaintext waiting for its checks: decrypted data that may still turn out
 * to be forged goes here, never to disk in the clear. Each 1 MiB chunk is
 * sealed with AES-256-GCM under a random key that exists only in this
 * process's memory and seals only this file, so the chunk's index is a
 * unique nonce; a final-chunk flag is the associated data. A file left
 * behind by a crash is unreadable noise.
 *
 * Chunks are independent (unlike secretstream's chained state) so the
 * verified plaintext can be read at any offset: a zip's directory is at its
 * end. GCM rather than XChaCha20-Poly1305: with AES-NI it runs at about
 * twice the speed here, and this file is written and read in full on every
 * import.
 */
const CHUNK = 1 << 20;
const TAG_BYTES = 16;
const SEALED_CHUNK = CHUNK + TAG_BYTES;
const NAME_PREFIX = '.pgp-plaintext';

const PREFIX = `${NAME_PREFIX}${TEMP_MARKER}`;

function nonceFor(index: number): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeBigUInt64BE(BigInt(index), 4);
  return nonce;
}

/**
 * Sealed temporaries in `dir` that no running process is using: left by a
 * process that died (their key died with it, so they are noise, but they
 * are still reported and removed). Each name carries its writer's pid,
 * because a reader (`vigil verify` of a bundle) writes them too, without
 * the writer lock: a live process's file is never listed.
 */
export async function staleSealedFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  return entries.filter((name) => {
    if (!name.startsWith(PREFIX)) return false;
    const pid = /^(\d+)-/.exec(name.slice(PREFIX.length));
    if (!pid) return true;
    const owner = Number(pid[1]);
    return owner !== process.pid && !processAlive(owner);
  });
}

export async function removeStaleSealedFiles(dir: string): Promise<string[]> {
  const stale = await staleSealedFiles(dir);
  await Promise.all(stale.map((name) => unlink(join(dir, name)).catch(() => undefined)));
  return stale;
}

export class SealedTempFile {
  private buffer = Buffer.alloc(CHUNK);
  private buffered = 0;
  private written = 0;
  private chunks = 0;
  private finished = false;
  private disposed = false;

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    private readonly key: SecretBytes,
    private readonly tracked: TrackedTemp,
  ) {}

  static async create(dir: string): Promise<SealedTempFile> {
    const path = join(dir, `${PREFIX}${process.pid}-${randomBytes(8).toString('hex')}`);
    const tracked = trackTemp(path, 'a sealed temporary copy of the bundle being read');
    let handle: FileHandle;
    try {
      handle = await open(path, 'wx+', 0o600);
    } catch (error) {
      tracked.done();
      throw fsError(error, 'Cannot create a temporary file in the vault');
    }
    return new SealedTempFile(path, handle, randomSecret(32), tracked);
  }

  /** Plaintext bytes written so far. */
  get size(): number {
    return this.written;
  }

  private async seal(plain: Buffer, final: boolean): Promise<void> {
    const index = this.chunks;
    const cipher = createCipheriv('aes-256-gcm', this.key, nonceFor(index));
    cipher.setAAD(Buffer.from([final ? 1 : 0]));
    const body = cipher.update(plain);
    cipher.final();
    const sealed = Buffer.concat([body, cipher.getAuthTag()]);
    await this.handle
      .write(sealed, 0, sealed.length, index * SEALED_CHUNK)
      .catch((error: unknown) => {
        throw fsError(error, 'Cannot write a temporary file in the vault');
      });
    this.chunks += 1;
  }

  private async sealStaged(final: boolean): Promise<void> {
    await this.seal(this.buffer.subarray(0, this.buffered), final);
    // The staging buffer is reused; clear the plaintext it held.
    this.buffer.fill(0, 0, this.buffered);
    this.buffered = 0;
  }

  async write(data: Buffer): Promise<void> {
    if (this.finished) throw new Error('sealed file already finished');
    let offset = 0;
    while (offset < data.length) {
      if (this.buffered === CHUNK) await this.sealStaged(false);
      if (this.buffered === 0 && data.length - offset > CHUNK) {
        // A whole chunk, and more after it (so not the last): sealed without a copy.
        await this.seal(data.subarray(offset, offset + CHUNK), false);
        offset += CHUNK;
        this.written += CHUNK;
        continue;
      }
      const part = Math.min(CHUNK - this.buffered, data.length - offset);
      data.copy(this.buffer, this.buffered, offset, offset + part);
      this.buffered += part;
      offset += part;
      this.written += part;
      // A full staging buffer waits for more data or `finish`: the last chunk carries the final flag.
    }
  }

  /** Seals the last chunk (possibly empty); the file is then read-only. */
  async finish(): Promise<void> {
    if (this.finished) return;
    await this.sealStaged(true);
    this.finished = true;
  }

  private async openChunk(index: number): Promise<Buffer> {
    if (!this.finished || this.disposed)
      throw new Error('the sealed plaintext is not readable now');
    const final = index === this.chunks - 1;
    const plainLength = final ? this.written - index * CHUNK : CHUNK;
    const sealed = Buffer.alloc(plainLength + TAG_BYTES);
    const { bytesRead } = await this.handle.read(sealed, 0, sealed.length, index * SEALED_CHUNK);
    try {
      if (bytesRead !== sealed.length) throw new Error('short read');
      const decipher = createDecipheriv('aes-256-gcm', this.key, nonceFor(index));
      decipher.setAAD(Buffer.from([final ? 1 : 0]));
      decipher.setAuthTag(sealed.subarray(plainLength));
      const plain = decipher.update(sealed.subarray(0, plainLength));
      // final() throws when the tag does not match: nothing of the chunk is used then.
      decipher.final();
      return plain;
    } catch (error) {
      throw new VigilError(
        'INTEGRITY_FAILED',
        'A temporary file in the vault was changed while Vigil was using it.',
        { cause: error },
      );
    }
  }

  /** `length` bytes from `position` (fewer at the end). */
  async read(position: number, length: number): Promise<Buffer> {
    const end = Math.min(this.written, position + length);
    const parts: Buffer[] = [];
    for (let at = position; at < end;) {
      const index = Math.floor(at / CHUNK);
      const chunk = await this.openChunk(index);
      const from = at - index * CHUNK;
      const to = Math.min(chunk.length, end - index * CHUNK);
      parts.push(chunk.subarray(from, to));
      at += to - from;
    }
    return Buffer.concat(parts);
  }

  /** The plaintext from `start` (inclusive) to `end` (exclusive), as a stream. */
  stream(start = 0, end = this.written): Readable {
    let at = start;
    const stop = Math.min(end, this.written);
    const read = (position: number, length: number) => this.read(position, length);
    return new Readable({
      read() {
        if (at >= stop) {
          this.push(null);
          return;
        }
        read(at, Math.min(CHUNK - (at % CHUNK), stop - at)).then(
          (bytes) => {
            at += bytes.length;
            this.push(bytes);
          },
          (error: Error) => this.destroy(error),
        );
      },
    });
  }

  /** Closes and deletes the file and forgets its key. Safe to call more than once. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.buffer.fill(0);
    wipe(this.key);
    await this.handle.close().catch(() => undefined);
    await unlink(this.path).catch(() => undefined);
    this.tracked.done();
  }
}
