import { link, open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { Writable } from 'node:stream';
import { fsError } from '../errors';
import { fsyncDir, tempPathFor } from '../fs/atomic';
import { WriteBehind } from '../fs/writeBehind';
import { trackTemp } from '../fs/tempRegistry';

/** Where a bundle goes: a file written atomically, or a stream. */
export interface Sink {
  write(pieces: Buffer[]): Promise<void>;
  finish(): Promise<void>;
  abort(): Promise<void>;
}

// Writes to a file overlap with enciphering the next chunks, up to this many bytes in flight.
const MAX_PENDING_WRITES = 8 << 20;

async function writeFully(handle: FileHandle, pieces: Buffer[], position: number): Promise<void> {
  let rest = pieces;
  let at = position;
  while (rest.length > 0) {
    const total = rest.reduce((n, p) => n + p.length, 0);
    const { bytesWritten } = await handle.writev(rest, at);
    if (bytesWritten === total) return;
    // A short write: go on after the bytes that made it.
    at += bytesWritten;
    let skip = bytesWritten;
    const next: Buffer[] = [];
    for (const piece of rest) {
      if (skip >= piece.length) skip -= piece.length;
      else {
        next.push(piece.subarray(skip));
        skip = 0;
      }
    }
    rest = next;
  }
}

/**
 * A file written to a temporary name beside it, synced, then renamed into
 * place (or linked, to refuse replacing an existing file): never left
 * half-written under its own name.
 */
export async function fileSink(
  path: string,
  overwrite: boolean,
  temp: { path?: string; created?: () => Promise<void> } = {},
): Promise<Sink> {
  const tmp = temp.path ?? tempPathFor(path);
  const fail = (error: unknown) => fsError(error, `Cannot write ${basename(path)}`);
  let handle: FileHandle;
  try {
    handle = await open(tmp, 'wx', 0o600);
  } catch (error) {
    throw fail(error);
  }
  const tracked = trackTemp(tmp, `the unfinished file ${path}`);
  try {
    await temp.created?.();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    tracked.done();
    throw error;
  }
  const behind = new WriteBehind(handle);
  let position = 0;
  let failure: unknown;
  const pending: { done: Promise<void>; bytes: number }[] = [];
  let pendingBytes = 0;
  const settle = async () => {
    const oldest = pending.shift();
    if (!oldest) return;
    await oldest.done;
    pendingBytes -= oldest.bytes;
  };
  return {
    async write(pieces) {
      if (failure) throw fail(failure);
      const bytes = pieces.reduce((n, p) => n + p.length, 0);
      // Positioned writes may run side by side; each records the first failure.
      const done = writeFully(handle, pieces, position).catch((error: unknown) => {
        failure ??= error;
      });
      position += bytes;
      pending.push({ done, bytes });
      pendingBytes += bytes;
      behind.wrote(bytes);
      while (pendingBytes > MAX_PENDING_WRITES) await settle();
      if (failure) throw fail(failure);
    },
    async finish() {
      try {
        while (pending.length > 0) await settle();
        if (failure) throw fail(failure);
        await behind.settle();
        await handle.sync();
        await handle.close();
        if (!overwrite) {
          // link() fails if the target exists, where rename() would replace it.
          await link(tmp, path);
          await unlink(tmp);
        } else {
          await rename(tmp, path);
        }
        await fsyncDir(dirname(path));
      } catch (error) {
        await behind.drain();
        await handle.close().catch(() => undefined);
        await unlink(tmp).catch(() => undefined);
        throw fail(error);
      } finally {
        tracked.done();
      }
    },
    async abort() {
      while (pending.length > 0) await settle().catch(() => undefined);
      await behind.drain();
      await handle.close().catch(() => undefined);
      await unlink(tmp).catch(() => undefined);
      tracked.done();
    },
  };
}

export function streamSink(stream: Writable): Sink {
  let streamError: Error | undefined;
  stream.on('error', (error) => (streamError = error));
  const check = () => {
    if (streamError) throw fsError(streamError, 'Cannot write the bundle');
  };
  return {
    async write(pieces) {
      check();
      stream.cork();
      let ok = true;
      for (const piece of pieces) ok = stream.write(piece);
      stream.uncork();
      if (!ok) {
        await new Promise<void>((resolve, reject) => {
          const onError = (error: Error) => reject(fsError(error, 'Cannot write the bundle'));
          stream.once('error', onError);
          stream.once('drain', () => {
            stream.off('error', onError);
            resolve();
          });
        });
      }
    },
    async finish() {
      check();
      await new Promise<void>((resolve, reject) => {
        stream.once('error', (error) => reject(fsError(error, 'Cannot write the bundle')));
        stream.end(() => resolve());
      });
    },
    async abort() {
      stream.destroy();
    },
  };
}
