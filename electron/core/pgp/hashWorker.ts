import { Worker } from 'node:worker_threads';

/**
 * Hashes a stream on a second core. OpenPGP's SEIPD v1 encryption is CFB,
 * which cannot be parallelised, and OpenSSL runs it at about 300 MB/s here;
 * the SHA-1 integrity code and the signature digest over the same bytes would
 * cost as much again on the same thread. Hashing beside the cipher keeps
 * bundles at least as fast as gpg, which does all three on one core.
 *
 * The bytes reach the worker through a ring in shared memory, never as
 * message copies (which cost the sending thread about as much as hashing).
 * A file can even be read straight into the ring (`reserve`/`claim`), so
 * that the cipher and the hashes read the same memory. The worker's code is
 * a small inline script (it needs only node:crypto) so that it runs the same
 * from sources, tests and the bundled CLI.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const hashes = workerData.algorithms.map((name) => createHash(name));
const ring = workerData.ring;
parentPort.on('message', (message) => {
  try {
    if (message.type === 'update') {
      const items = message.items;
      for (let i = 0; i < items.length; i += 4) {
        const view = items[i] === 0 ? new Uint8Array(ring, items[i + 1], items[i + 2]) : message.inline[items[i + 1]];
        const flags = items[i + 3];
        for (let h = 0; h < hashes.length; h += 1) if (flags & (1 << h)) hashes[h].update(view);
      }
      parentPort.postMessage({ type: 'ack', regions: message.regions });
    } else if (message.type === 'digest') {
      // A copy leaves the running hash open for another digest with another tail.
      const hash = message.keep ? hashes[message.index].copy() : hashes[message.index];
      if (message.tail) hash.update(message.tail);
      parentPort.postMessage({ type: 'digest', id: message.id, digest: hash.digest() });
    }
  } catch (error) {
    parentPort.postMessage({ type: 'error', message: String((error && error.message) || error) });
  }
});
`;

type Reply =
  | { type: 'ack'; regions: number[] }
  | { type: 'digest'; id: number; digest: Uint8Array }
  | { type: 'error'; message: string };

const RING_BYTES = 16 * 1024 * 1024;
// Pieces are handed over in batches of about this size: every message wakes the other thread,
// which costs far more than the hashing bookkeeping on a busy machine.
const BATCH_BYTES = 4 * 1024 * 1024;
// Pieces this small travel inside the message instead of taking ring space.
const INLINE_BYTES = 512;

/** Part of the ring holding bytes not yet hashed; freed once all of it is, oldest first. */
interface Region {
  id: number;
  start: number;
  length: number;
  remaining: number;
}

/**
 * Several running hashes (Node digest names, e.g. `sha1`, `sha512`) fed in
 * order; a piece goes to hash h when bit h of its flags is set. Memory stays
 * flat: writers wait while the ring is full.
 */
export class HashWorker {
  private readonly worker: Worker;
  private readonly ring: SharedArrayBuffer;
  private readonly bytes: Buffer;
  private regions: Region[] = [];
  private nextRegion = 0;
  private head = 0;
  private used = 0;
  private items: number[] = [];
  private inline: Uint8Array[] = [];
  private acks: number[] = [];
  private batchBytes = 0;
  private batchesInFlight = 0;
  /** A `reserve` not yet followed by `claim`: another one now would hand out the same memory. */
  private reserving = false;
  private failure: Error | undefined;
  private spaceWaiter: (() => void) | undefined;
  private digestWaiters = new Map<number, (digest: Buffer) => void>();
  private failed: ((error: Error) => void)[] = [];
  private nextId = 0;

  constructor(
    algorithms: string[],
    private readonly ringBytes = RING_BYTES,
  ) {
    this.ring = new SharedArrayBuffer(ringBytes);
    this.bytes = Buffer.from(this.ring);
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { algorithms, ring: this.ring },
    });
    this.worker.on('message', (reply: Reply) => this.onReply(reply));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => {
      if (code !== 0) this.fail(new Error(`the hashing worker stopped (exit code ${code})`));
    });
  }

  private onReply(reply: Reply): void {
    if (reply.type === 'ack') {
      this.batchesInFlight -= 1;
      for (let i = 0; i < reply.regions.length; i += 2) {
        const region = this.regions.find((r) => r.id === reply.regions[i]);
        if (region) region.remaining -= reply.regions[i + 1]!;
      }
      while (this.regions.length > 0 && this.regions[0]!.remaining <= 0) {
        this.used -= this.regions.shift()!.length;
      }
      const waiter = this.spaceWaiter;
      this.spaceWaiter = undefined;
      waiter?.();
    } else if (reply.type === 'digest') {
      const waiter = this.digestWaiters.get(reply.id);
      this.digestWaiters.delete(reply.id);
      waiter?.(Buffer.from(reply.digest));
    } else {
      this.fail(new Error(`hashing failed: ${reply.message}`));
    }
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const reject of this.failed.splice(0)) reject(error);
  }

  private waitFor<T>(register: (resolve: (value: T) => void) => void): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<T>((resolve, reject) => {
      this.failed.push(reject);
      register(resolve);
    });
  }

  /** Free bytes after `head` before the oldest unhashed region (or the ring's end). */
  private room(): number {
    if (this.regions.length === 0) {
      this.head = 0;
      return this.ringBytes;
    }
    const tail = this.regions[0]!.start;
    if (this.head > tail || (this.head === tail && this.used === 0)) {
      if (this.head < this.ringBytes) return this.ringBytes - this.head;
      this.head = 0;
    }
    return tail - this.head;
  }

  /**
   * Up to `max` bytes of free ring memory, contiguous, to read data into
   * (waits while the ring is full). Nothing is reserved until `claim`.
   */
  async reserve(max: number): Promise<Buffer> {
    if (this.reserving) throw new Error('a ring reservation is already open');
    this.reserving = true;
    try {
      for (;;) {
        if (this.failure) throw this.failure;
        const room = this.room();
        if (room > 0) return this.bytes.subarray(this.head, this.head + Math.min(room, max));
        this.flush(true);
        if (this.batchesInFlight === 0)
          throw new Error('the hashing ring is full of data not queued for hashing');
        await this.waitFor<void>((resolve) => (this.spaceWaiter = resolve));
      }
    } catch (error) {
      this.reserving = false;
      throw error;
    }
  }

  /**
   * Takes the first `length` bytes of the last `reserve` as holding data to
   * hash: they stay untouched until every byte of them has been hashed,
   * through `addResident` pieces.
   */
  claim(length: number): void {
    this.reserving = false;
    if (length === 0) return;
    this.regions.push({ id: (this.nextRegion += 1), start: this.head, length, remaining: length });
    this.head += length;
    this.used += length;
  }

  /** Queues a piece that lies in the ring (a part of claimed data). */
  addResident(view: Uint8Array, flags: number): void {
    if (view.byteLength === 0) return;
    if (view.buffer !== this.ring) throw new Error('the piece is not in the ring');
    const start = view.byteOffset;
    const region = this.regions.find(
      (r) => start >= r.start && start + view.byteLength <= r.start + r.length,
    );
    if (!region) throw new Error('the piece is not in claimed ring memory');
    if (flags === 0) {
      region.remaining -= view.byteLength;
      return;
    }
    this.items.push(0, start, view.byteLength, flags);
    this.acks.push(region.id, view.byteLength);
    this.batchBytes += view.byteLength;
  }

  /**
   * Queues a piece: one in claimed ring memory as it is; small ones inside
   * the message; others copied into the ring.
   */
  async add(bytes: Uint8Array, flags: number): Promise<void> {
    if (bytes.byteLength === 0) return;
    if (bytes.buffer === this.ring) {
      this.addResident(bytes, flags);
      return;
    }
    if (flags === 0) return;
    if (bytes.byteLength <= INLINE_BYTES) {
      this.items.push(1, this.inline.length, bytes.byteLength, flags);
      this.inline.push(Uint8Array.from(bytes));
      return;
    }
    for (let offset = 0; offset < bytes.byteLength;) {
      const target = await this.reserve(bytes.byteLength - offset);
      target.set(bytes.subarray(offset, offset + target.length));
      this.claim(target.length);
      this.addResident(target, flags);
      offset += target.length;
      this.flush();
    }
  }

  /** Hands the queued pieces to the worker once a batch is full (or now, with `force`). */
  flush(force = false): void {
    if (this.items.length === 0) return;
    if (!force && this.batchBytes < Math.min(BATCH_BYTES, this.ringBytes / 4)) return;
    this.worker.postMessage({
      type: 'update',
      items: this.items,
      inline: this.inline,
      regions: this.acks,
    });
    this.batchesInFlight += 1;
    this.items = [];
    this.inline = [];
    this.acks = [];
    this.batchBytes = 0;
  }

  /**
   * The digest of hash `index` over everything queued so far followed by
   * `tail`. With `keep`, the running hash is left as it was (a copy is
   * finished), so several digests with different tails can be taken.
   */
  async digest(index: number, tail?: Uint8Array, keep = false): Promise<Buffer> {
    if (this.failure) throw this.failure;
    this.flush(true);
    const id = (this.nextId += 1);
    const result = this.waitFor<Buffer>((resolve) => this.digestWaiters.set(id, resolve));
    this.worker.postMessage({ type: 'digest', index, tail, keep, id });
    return result;
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}
