import { Worker } from 'node:worker_threads';

/**
 * SHA-256 on a thread of its own, so that the main thread strips or copies
 * while the digests are taken. Two ways to hand it bytes, for two callers:
 * - whole memory, transferred there and back (never copied, never shared):
 *   a batch of small files, one digest per file (`sha256`);
 * - running digests (streams) fed from fixed slots in shared memory: the
 *   copier of a large file, whose slots are refilled once their bytes are
 *   hashed (`send`).
 * The worker handles one message at a time, so replies come back in the
 * order of the messages and one queue of waiters matches them. Its code is a
 * small inline script (it needs only node:crypto), so it runs the same from
 * the sources, the tests, the bundled CLI and the app.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const slots = ((workerData && workerData.slots) || []).map((s) => new Uint8Array(s));
const streams = [createHash('sha256')];
parentPort.on('message', (m) => {
  if (m.memory) {
    let digest;
    let error;
    try {
      digest = createHash('sha256').update(new Uint8Array(m.memory, m.offset, m.length)).digest('hex');
    } catch (e) {
      error = String((e && e.message) || e);
    }
    return parentPort.postMessage({ digest, error, memory: m.memory }, [m.memory]);
  }
  try {
    const hash = streams[m.stream];
    if (m.digest) return parentPort.postMessage({ digest: hash.digest('hex') });
    if (m.fork) streams.push(hash.copy());
    else hash.update(m.data !== undefined ? m.data : slots[m.slot].subarray(0, m.length));
    parentPort.postMessage({ ack: true });
  } catch (e) {
    parentPort.postMessage({ error: String((e && e.message) || e), stream: true });
  }
});
`;

export type StreamMessage =
  | { stream: number; slot: number; length: number }
  | { stream: number; data: Uint8Array }
  | { stream: number; fork: true }
  | { stream: number; digest: true };

interface Reply {
  ack?: true;
  digest?: string;
  error?: string;
  /** Set when a running digest failed: that stream, and any fork of it, can no longer be trusted. */
  stream?: true;
  memory?: ArrayBuffer;
}

interface Waiter {
  resolve: (reply: Reply) => void;
  reject: (error: Error) => void;
}

export class HashWorker {
  private readonly worker: Worker;
  private readonly waiting: Waiter[] = [];
  private failure: Error | undefined;
  /** How many running digests exist (stream 0 and its forks). */
  streams = 1;

  /** `slots`: the shared memory that stream messages name by index. */
  constructor(slots: SharedArrayBuffer[] = []) {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { slots } });
    this.worker.on('message', (reply: Reply) => {
      const waiter = this.waiting.shift();
      if (reply.error === undefined) return waiter?.resolve(reply);
      const error = new Error(`hashing failed: ${reply.error}`);
      // A failed one-off digest concerns its file alone; a failed running digest, every later reply.
      if (reply.stream) this.fail(error, waiter);
      else waiter?.reject(error);
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`the hashing thread stopped (${code})`)));
  }

  private fail(error: Error, first?: Waiter): void {
    this.failure ??= error;
    first?.reject(error);
    for (const w of this.waiting.splice(0)) w.reject(error);
  }

  private post(message: object, transfer: ArrayBuffer[] = []): Promise<Reply> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<Reply>((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.worker.postMessage(message, transfer);
    });
  }

  /**
   * The SHA-256 (hex) of `length` bytes of `memory` from `offset`. The
   * memory is unusable here until it comes back with the digest.
   */
  async sha256(
    memory: ArrayBuffer,
    length: number,
    offset = 0,
  ): Promise<{ digest: string; memory: ArrayBuffer }> {
    const reply = await this.post({ memory, length, offset }, [memory]);
    return { digest: reply.digest!, memory: reply.memory! };
  }

  /** Feeds, forks or finishes a running digest; resolves once the worker has done it. */
  send(message: StreamMessage): Promise<Reply> {
    return this.post(message);
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    this.fail(new Error('the hashing thread was closed'));
    await this.worker.terminate();
  }
}
