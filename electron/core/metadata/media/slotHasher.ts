import { createHash, type Hash } from 'node:crypto';
import { HashWorker } from '../hashWorker';

/**
 * A running SHA-256 fed with blocks that sit in a few fixed buffers (the
 * copier's slots). A large file's two digests — of the input as read, of the
 * output as written — are each taken on a thread of their own, reading the
 * slots in shared memory (no copy), while the main thread only moves the
 * bytes; hashing both on the main thread made it the bottleneck. Each call
 * resolves once its bytes are hashed, so the slot may be refilled. Small
 * files hash inline: a thread costs more to start than they take to hash.
 *
 * When the output begins with the input's own bytes (a video whose media
 * data stays in place), its digest is forked from the input's at the point
 * where the two part (`fork`): those bytes are hashed once, not twice.
 */
export interface SlotHasher {
  /** Hashes the first `length` bytes of slot `index`. */
  slot(index: number, length: number): Promise<void>;
  /** Hashes bytes that are not in a slot (a rebuilt header, a transformed page). */
  bytes(data: Buffer): Promise<void>;
  digest(): Promise<string>;
  close(): Promise<void>;
  /**
   * A second digest that starts from the bytes this one has been given so
   * far, on the same thread; both go on independently.
   */
  fork(): SlotHasher;
}

class InlineHasher implements SlotHasher {
  constructor(
    private readonly slots: Buffer[],
    private readonly hash: Hash = createHash('sha256'),
  ) {}
  fork(): SlotHasher {
    return new InlineHasher(this.slots, this.hash.copy());
  }
  slot(index: number, length: number): Promise<void> {
    this.hash.update(this.slots[index]!.subarray(0, length));
    return Promise.resolve();
  }
  bytes(data: Buffer): Promise<void> {
    this.hash.update(data);
    return Promise.resolve();
  }
  digest(): Promise<string> {
    return Promise.resolve(this.hash.digest('hex'));
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

class WorkerHasher implements SlotHasher {
  /** The fork's own message: awaited before its digest, so that a failed fork is reported. */
  private readonly ready: Promise<unknown>;

  constructor(
    private readonly thread: HashWorker,
    private readonly stream = 0,
    ready: Promise<unknown> = Promise.resolve(),
  ) {
    this.ready = ready;
    ready.catch(() => undefined);
  }

  async slot(index: number, length: number): Promise<void> {
    await this.thread.send({ stream: this.stream, slot: index, length });
  }
  async bytes(data: Buffer): Promise<void> {
    if (data.length > 0)
      await this.thread.send({ stream: this.stream, data: Uint8Array.from(data) });
  }
  fork(): SlotHasher {
    const ready = this.thread.send({ stream: this.stream, fork: true });
    const stream = this.thread.streams;
    this.thread.streams += 1;
    return new WorkerHasher(this.thread, stream, ready);
  }
  async digest(): Promise<string> {
    await this.ready;
    const reply = await this.thread.send({ stream: this.stream, digest: true });
    if (reply.digest === undefined) throw new Error('the hashing thread gave no digest');
    return reply.digest;
  }
  async close(): Promise<void> {
    // The thread is the first digest's; a fork only shares it.
    if (this.stream === 0) await this.thread.close();
  }
}

/** Below this, both digests are taken inline. */
export const THREADED_HASH_BYTES = 32 * 1024 * 1024;

/** Slots for the copier, in shared memory when the file is large enough to hash on other threads. */
export function makeSlots(
  count: number,
  size: number,
  threaded: boolean,
): { slots: Buffer[]; shared?: SharedArrayBuffer[] } {
  if (!threaded)
    return { slots: Array.from({ length: count }, () => Buffer.allocUnsafeSlow(size)) };
  const shared = Array.from({ length: count }, () => new SharedArrayBuffer(size));
  return { slots: shared.map((s) => Buffer.from(s)), shared };
}

export function slotHasher(slots: Buffer[], shared?: SharedArrayBuffer[]): SlotHasher {
  return shared ? new WorkerHasher(new HashWorker(shared)) : new InlineHasher(slots);
}
