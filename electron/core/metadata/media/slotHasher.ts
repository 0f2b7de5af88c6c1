import { createHash, type Hash } from 'node:crypto';
import { Worker } from 'node:worker_threads';

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

// A small inline script (it needs only node:crypto), so it runs the same from
// sources, tests, the bundled CLI and the app.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const hashes = [createHash('sha256')];
const slots = workerData.slots.map((s) => new Uint8Array(s));
parentPort.on('message', (m) => {
  try {
    const hash = hashes[m.stream];
    if (m.digest) return parentPort.postMessage({ digest: hash.digest('hex') });
    if (m.fork) hashes.push(hash.copy());
    else hash.update(m.data !== undefined ? m.data : slots[m.slot].subarray(0, m.length));
    parentPort.postMessage({ ack: true });
  } catch (error) {
    parentPort.postMessage({ error: String((error && error.message) || error) });
  }
});
`;

type Reply = { ack: true } | { digest: string } | { error: string };

/** One hashing thread; its digests (streams) share it and its queue of replies. */
class HashThread {
  private readonly worker: Worker;
  // Replies come back in the order of the messages: one queue of waiters.
  private readonly waiting: { resolve: (reply: Reply) => void; reject: (e: Error) => void }[] = [];
  private failure: Error | undefined;
  streams = 1;

  constructor(shared: SharedArrayBuffer[]) {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { slots: shared } });
    this.worker.on('message', (reply: Reply) => {
      const waiter = this.waiting.shift();
      if ('error' in reply) this.fail(new Error(`hashing failed: ${reply.error}`), waiter);
      else waiter?.resolve(reply);
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => {
      if (code !== 0) this.fail(new Error(`the hashing thread stopped (exit code ${code})`));
    });
  }

  private fail(error: Error, first?: { reject: (e: Error) => void }): void {
    this.failure ??= error;
    first?.reject(error);
    for (const w of this.waiting.splice(0)) w.reject(error);
  }

  send(message: object): Promise<Reply> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<Reply>((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.worker.postMessage(message);
    });
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}

class WorkerHasher implements SlotHasher {
  /** The fork's own message: awaited before its digest, so that a failed fork is reported. */
  private readonly ready: Promise<unknown>;

  constructor(
    private readonly thread: HashThread,
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
    if (!('digest' in reply)) throw new Error('the hashing thread gave no digest');
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
  return shared ? new WorkerHasher(new HashThread(shared)) : new InlineHasher(slots);
}
