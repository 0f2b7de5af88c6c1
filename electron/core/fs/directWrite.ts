import { closeSync, constants, openSync, writeSync } from 'node:fs';
import { open, unlink, type FileHandle } from 'node:fs/promises';
import { crashPoint } from './crashPoints';
import { writeAll } from './writeAll';

/**
 * Writes that bypass the page cache (O_DIRECT, Linux), for files synced to
 * the disk at once anyway. A buffered write first copies every byte into
 * page-cache pages the kernel must find and clear, then writes them back:
 * 500 camera photos (1.6 GB) cost 0.6 to 3.7 s of CPU time that way, and
 * 0.3 s written directly (measured on the 2-core test machine, where fresh
 * memory is dear; the spread is how much of it the kernel had at hand).
 *
 * A direct write needs its memory, its file offset and its length aligned.
 * JavaScript cannot see where an ArrayBuffer lies, so `alignedOffset` finds
 * the offset into one at which it is aligned by trying: the kernel refuses
 * a misaligned direct write (EINVAL) without writing anything. Whatever
 * fails, the caller writes through the page cache as before.
 */

/** Memory, offsets and lengths are aligned to this (a page: what every Linux block device accepts). */
export const DIRECT_ALIGN = 4096;

const O_DIRECT: number | undefined =
  process.platform === 'linux' && typeof constants.O_DIRECT === 'number'
    ? constants.O_DIRECT
    : undefined;

/**
 * O_TMPFILE (Linux's `__O_TMPFILE | O_DIRECTORY`; Node does not export it): a file with no name
 * in a folder, gone when closed or when the process dies, so a probe can never be left behind.
 * The value is the one of every architecture the app ships for; on another, opening fails and
 * there is simply no direct write.
 */
const O_TMPFILE = 0o20000000 | constants.O_DIRECTORY;

/** The length a direct write of `length` bytes covers (the file is cut back afterwards). */
export const directLength = (length: number): number =>
  Math.ceil(length / DIRECT_ALIGN) * DIRECT_ALIGN;

/**
 * The offset into `memory` at which direct writes can start, tried with a
 * nameless file in `dir` (on the file system the outputs go to); undefined
 * when there is none (no O_DIRECT here, or a file system without it or
 * without nameless files). Call it on fresh memory only: the probe writes
 * some of it to that file, whose blocks are freed when it is closed.
 */
export function alignedOffset(memory: ArrayBuffer, dir: string): number | undefined {
  if (O_DIRECT === undefined || memory.byteLength < 2 * DIRECT_ALIGN) return undefined;
  let fd: number | undefined;
  try {
    fd = openSync(dir, constants.O_WRONLY | O_TMPFILE | O_DIRECT, 0o600);
    crashPoint('direct:probe');
    // An ArrayBuffer's memory is aligned to 8 bytes at least. A whole page is tried: some
    // devices take a 512-byte write from memory they refuse a larger one from.
    for (let offset = 0; offset < DIRECT_ALIGN; offset += 8) {
      try {
        writeSync(fd, new Uint8Array(memory, offset, DIRECT_ALIGN), 0, DIRECT_ALIGN, 0);
        return offset;
      } catch {
        // Misaligned: nothing was written. The next offset.
      }
    }
    return undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Creates `path` (which must not exist) holding `data`, written directly
 * when `data` starts at an aligned address (see alignedOffset) and its
 * memory has room for the padding to a whole block; the file is then cut
 * back to `data`'s length. The padding is cleared first, so nothing but
 * zeros follows `data` on the disk. Returns the open file, or undefined
 * when it could not be written directly (the caller writes it otherwise;
 * nothing is left at `path`).
 */
export async function createDirect(
  path: string,
  data: Uint8Array,
  mode: number,
): Promise<FileHandle | undefined> {
  const padded = directLength(data.length);
  if (O_DIRECT === undefined || data.byteOffset + padded > data.buffer.byteLength) return undefined;
  let handle: FileHandle | undefined;
  try {
    handle = await open(
      path,
      constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | O_DIRECT,
      mode,
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EINVAL') return undefined;
    throw error;
  }
  try {
    const whole = new Uint8Array(data.buffer, data.byteOffset, padded);
    whole.fill(0, data.length);
    await writeAll(handle, whole);
    await handle.truncate(data.length);
    return handle;
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(path).catch(() => undefined);
    if ((error as NodeJS.ErrnoException).code === 'EINVAL') return undefined;
    throw error;
  }
}
