import { VigilError } from '../errors';
import type { Source } from '../metadata';
import { BLOB_CHUNK, readBlob, type StreamOptions } from './blobStore';

const CACHED_CHUNKS = 8;

/**
 * An encrypted evidence blob as a Source for the media parsers, without ever
 * writing plaintext to disk or holding the file in memory. The blob can only
 * be decrypted forwards (each chunk's authentication depends on the ones
 * before it), so reads ahead decrypt and pass over the chunks in between,
 * and a read behind starts again from the first chunk; the last few chunks
 * are kept, so the parsers' small reads around one place cost nothing.
 */
export class BlobSource implements Source {
  private stream: AsyncGenerator<Buffer, void> | undefined;
  private next = 0;
  private readonly cache = new Map<number, Buffer>();
  private queue: Promise<unknown> = Promise.resolve();
  /** How many times the blob was decrypted from its start (for the benchmark and tests). */
  passes = 0;

  constructor(
    private readonly vaultDir: string,
    private readonly blobId: string,
    private readonly key: Uint8Array,
    readonly size: number,
    private readonly options: StreamOptions = {},
  ) {}

  read(offset: number, length: number): Promise<Buffer> {
    // One read at a time: the decryption stream has a single position.
    const result = this.queue.then(() => this.readNow(offset, length));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async readNow(offset: number, length: number): Promise<Buffer> {
    const out = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const at = offset + done;
      const index = Math.floor(at / BLOB_CHUNK);
      const chunk = await this.chunk(index);
      const from = at - index * BLOB_CHUNK;
      const n = Math.min(length - done, chunk.length - from);
      if (n <= 0)
        throw new VigilError(
          'INTEGRITY_FAILED',
          `Evidence blob ${this.blobId} is shorter than recorded.`,
        );
      chunk.copy(out, done, from, from + n);
      done += n;
    }
    return out;
  }

  private async chunk(index: number): Promise<Buffer> {
    const cached = this.cache.get(index);
    if (cached) return cached;
    if (!this.stream || index < this.next) {
      await this.stream?.return(undefined);
      this.stream = readBlob(this.vaultDir, this.blobId, this.key, this.options);
      this.next = 0;
      this.passes += 1;
    }
    for (;;) {
      const step: IteratorResult<Buffer, void> = await this.stream.next();
      if (step.done)
        throw new VigilError(
          'INTEGRITY_FAILED',
          `Evidence blob ${this.blobId} is shorter than recorded.`,
        );
      const i = this.next;
      this.next += 1;
      const value = step.value;
      this.cache.set(i, value);
      if (this.cache.size > CACHED_CHUNKS) this.cache.delete(this.cache.keys().next().value!);
      if (i === index) return value;
    }
  }

  async close(): Promise<void> {
    await this.stream?.return(undefined);
    this.stream = undefined;
    this.cache.clear();
  }
}
