import type { FileHandle } from 'node:fs/promises';

/**
 * Writes all of `data` at `position` with as few calls as the system allows
 * (FileHandle.writeFile cuts a buffer into many small writes, each a trip
 * through the thread pool).
 */
export async function writeAll(handle: FileHandle, data: Uint8Array, position = 0): Promise<void> {
  let done = 0;
  while (done < data.length) {
    const { bytesWritten } = await handle.write(data, done, data.length - done, position + done);
    if (bytesWritten <= 0) throw new Error('The disk accepted no more bytes.');
    done += bytesWritten;
  }
}
