import type { FileHandle } from 'node:fs/promises';

/** How much may be written before the next background flush starts. */
export const WRITE_BEHIND_BYTES = 32 * 1024 * 1024;

/**
 * Flushes a large file to disk while it is still being written. Left alone,
 * the kernel keeps gigabytes dirty until the final fsync: the disk idles
 * while the CPU hashes and encrypts, then the CPU idles while the disk
 * writes. Starting an fdatasync in the background every few dozen MiB
 * overlaps the two, so a large intake or export runs at the disk's speed.
 *
 * One flush at a time. A failed flush is reported by the next `wrote` or by
 * `settle`; the caller still makes its own final `sync()`, which is what the
 * atomicity of its write rests on.
 */
export class WriteBehind {
  private unflushed = 0;
  private inFlight: Promise<void> | undefined;
  private failure: { error: unknown } | undefined;

  constructor(
    private readonly handle: FileHandle,
    private readonly every = WRITE_BEHIND_BYTES,
  ) {}

  /** Counts bytes just written, starting a background flush when enough have piled up. */
  wrote(bytes: number): void {
    this.throwIfFailed();
    this.unflushed += bytes;
    if (this.unflushed < this.every || this.inFlight) return;
    this.unflushed = 0;
    this.inFlight = this.handle.datasync().then(
      () => {
        this.inFlight = undefined;
      },
      (error: unknown) => {
        this.failure = { error };
        this.inFlight = undefined;
      },
    );
  }

  /** Waits for the flush in flight and reports its failure: call before the final sync. */
  async settle(): Promise<void> {
    await this.drain();
    this.throwIfFailed();
  }

  /** Waits for the flush in flight, whatever its outcome: call before closing on failure. */
  async drain(): Promise<void> {
    await this.inFlight;
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }
}
