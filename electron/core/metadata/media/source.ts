import type { FileHandle } from 'node:fs/promises';
import { asBuffer, invalid } from '../bytes';

/**
 * Random access to a file's bytes without holding the file in memory. Media
 * files are parsed by seeking to their structures (box headers, tags, page
 * headers); only the structures are read, never the samples between them.
 */
export interface Source {
  readonly size: number;
  /** The `length` bytes at `offset`, which the caller has checked lie inside the file. */
  read(offset: number, length: number): Promise<Buffer>;
}

/** A whole file already in memory. */
export class BufferSource implements Source {
  readonly buf: Buffer;
  constructor(bytes: Uint8Array) {
    this.buf = asBuffer(bytes);
  }
  get size(): number {
    return this.buf.length;
  }
  read(offset: number, length: number): Promise<Buffer> {
    return Promise.resolve(this.buf.subarray(offset, offset + length));
  }
}

/** An open file, read with positioned reads (never its whole content at once). */
export class FileSource implements Source {
  constructor(
    private readonly handle: FileHandle,
    readonly size: number,
  ) {}
  async read(offset: number, length: number): Promise<Buffer> {
    const out = Buffer.allocUnsafe(length);
    await this.readInto(out, length, offset);
    return out;
  }

  /** Fills the first `length` bytes of `target` from `offset` (a reused buffer: no allocation per block). */
  async readInto(target: Buffer, length: number, offset: number): Promise<void> {
    let done = 0;
    while (done < length) {
      const { bytesRead } = await this.handle.read(target, done, length - done, offset + done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    if (done !== length)
      throw invalid('The file changed or shrank while Vigil was reading it; nothing was written.');
  }
}

/** Structures (a moov box, a tag) are read whole up to this size; beyond, the file is refused. */
export const MAX_STRUCTURE = 64 * 1024 * 1024;

/** Bounds-checked read: names the format and the structure when the file is too short. */
export async function readAt(
  src: Source,
  offset: number,
  length: number,
  what: string,
  detail = 'a structure',
): Promise<Buffer> {
  if (
    !Number.isSafeInteger(offset) ||
    !Number.isSafeInteger(length) ||
    offset < 0 ||
    length < 0 ||
    offset + length > src.size
  )
    throw invalid(
      `${what} is truncated or damaged: ${detail} at byte ${offset} runs past the end of the file.`,
    );
  return src.read(offset, length);
}

/** Reads a whole structure into memory, refusing one too large to be metadata or a header. */
export async function readStructure(
  src: Source,
  offset: number,
  length: number,
  what: string,
  detail: string,
): Promise<Buffer> {
  if (length > MAX_STRUCTURE)
    throw invalid(
      `${what} has ${detail} of ${Math.round(length / 1024 / 1024)} MB, too large for Vigil to read safely.`,
    );
  return readAt(src, offset, length, what, detail);
}
