import { createHash } from 'node:crypto';
import { VigilError } from '../errors';

/** A damaged, truncated or self-contradicting file: the message names the format and the fault. */
export function invalid(message: string): VigilError {
  return new VigilError('INVALID_INPUT', message);
}

/** A file Vigil understands but will not process (encrypted, a variant it does not handle). */
export function unsupported(message: string): VigilError {
  return new VigilError('UNSUPPORTED', message);
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Bounds-checked big/little-endian reads. Every read goes through `need`, so a
 * length or offset taken from the file can never read past the buffer.
 */
export class Bytes {
  constructor(
    readonly buf: Buffer,
    /** Names the format in error messages: "The PNG file". */
    readonly what: string,
  ) {}

  get length(): number {
    return this.buf.length;
  }

  need(offset: number, size: number, detail = 'a structure'): void {
    if (
      !Number.isSafeInteger(offset) ||
      !Number.isSafeInteger(size) ||
      offset < 0 ||
      size < 0 ||
      offset + size > this.buf.length
    ) {
      throw invalid(
        `${this.what} is truncated or damaged: ${detail} at byte ${offset} runs past the end of the file.`,
      );
    }
  }

  u8(o: number): number {
    this.need(o, 1);
    return this.buf[o]!;
  }
  u16be(o: number): number {
    this.need(o, 2);
    return this.buf.readUInt16BE(o);
  }
  u16le(o: number): number {
    this.need(o, 2);
    return this.buf.readUInt16LE(o);
  }
  u24le(o: number): number {
    this.need(o, 3);
    return this.buf.readUIntLE(o, 3);
  }
  u24be(o: number): number {
    this.need(o, 3);
    return this.buf.readUIntBE(o, 3);
  }
  u32be(o: number): number {
    this.need(o, 4);
    return this.buf.readUInt32BE(o);
  }
  u32le(o: number): number {
    this.need(o, 4);
    return this.buf.readUInt32LE(o);
  }
  u64be(o: number): number {
    this.need(o, 8);
    const value = this.buf.readBigUInt64BE(o);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw invalid(`${this.what} is damaged: a 64-bit size at byte ${o} is impossibly large.`);
    }
    return Number(value);
  }
  ascii(o: number, n: number): string {
    this.need(o, n);
    return this.buf.toString('latin1', o, o + n);
  }
  slice(o: number, n: number, detail?: string): Buffer {
    this.need(o, n, detail);
    return this.buf.subarray(o, o + n);
  }
}

/** Collects output pieces and joins them once, so building a file is linear in its size. */
/** Hands out `size` bytes to fill whole (a fresh view each time, never one handed out before). */
export type Allocate = (size: number) => Buffer;

/**
 * Concatenates parts, into memory from `allocate` when given. A batch of
 * files reuses one output buffer: writing into fresh memory costs a page
 * fault per 4 KiB, more than all the copying.
 */
export function joinParts(
  parts: readonly Uint8Array[],
  length: number,
  allocate?: Allocate,
): Buffer {
  if (!allocate) return Buffer.concat(parts, length);
  const out = allocate(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export class ByteWriter {
  private parts: Uint8Array[] = [];
  length = 0;

  push(part: Uint8Array): this {
    this.parts.push(part);
    this.length += part.length;
    return this;
  }
  bytes(...values: number[]): this {
    return this.push(Uint8Array.from(values));
  }
  u16be(v: number): this {
    const b = Buffer.alloc(2);
    b.writeUInt16BE(v);
    return this.push(b);
  }
  u32be(v: number): this {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(v);
    return this.push(b);
  }
  u32le(v: number): this {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(v);
    return this.push(b);
  }
  latin1(text: string): this {
    return this.push(Buffer.from(text, 'latin1'));
  }
  /** The bytes in one buffer: a new one, or one from `allocate` (a batch reuses its memory). */
  toBuffer(allocate?: Allocate): Buffer {
    return joinParts(this.parts, this.length, allocate);
  }
}

export function indexOfBytes(hay: Buffer, needle: string | Buffer, from = 0): number {
  return hay.indexOf(needle, from);
}

export function isAllZero(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i += 1) if (bytes[i] !== 0) return false;
  return true;
}

export function formatSize(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
