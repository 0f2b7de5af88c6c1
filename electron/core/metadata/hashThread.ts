import { Worker } from 'node:worker_threads';

/**
 * SHA-256 on a thread of its own, for a batch of files. The memory to hash
 * is handed to the thread and back (transferred, never copied, never
 * shared): while the thread hashes one file's input or output, the main
 * thread strips another. The worker's code is a small inline script (it
 * needs only node:crypto), so it runs the same from the sources, the tests,
 * the bundled CLI and the app.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
parentPort.on('message', (m) => {
  let digest;
  let error;
  try {
    digest = createHash('sha256').update(new Uint8Array(m.memory, 0, m.length)).digest('hex');
  } catch (e) {
    error = String((e && e.message) || e);
  }
  parentPort.postMessage({ id: m.id, digest, error, memory: m.memory }, [m.memory]);
});
`;

interface Reply {
  id: number;
  digest?: string;
  error?: string;
  memory: ArrayBuffer;
}

interface Waiter {
  resolve: (result: { digest: string; memory: ArrayBuffer }) => void;
  reject: (error: Error) => void;
}

export class HashThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, Waiter>();
  private nextId = 0;
  private failure: Error | undefined;

  constructor() {
    this.worker = new Worker(WORKER_SOURCE, { eval: true });
    this.worker.on('message', (reply: Reply) => {
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (reply.digest === undefined)
        waiter?.reject(new Error(`hashing failed: ${reply.error ?? 'no digest'}`));
      else waiter?.resolve({ digest: reply.digest, memory: reply.memory });
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`the hashing thread stopped (${code})`)));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const w of this.waiting.values()) w.reject(error);
    this.waiting.clear();
  }

  /**
   * The SHA-256 (hex) of the first `length` bytes of `memory`. The memory is
   * unusable here until it comes back with the digest.
   */
  sha256(memory: ArrayBuffer, length: number): Promise<{ digest: string; memory: ArrayBuffer }> {
    if (this.failure) return Promise.reject(this.failure);
    const id = (this.nextId += 1);
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, memory, length }, [memory]);
    });
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    this.fail(new Error('the hashing thread was closed'));
    await this.worker.terminate();
  }
}
