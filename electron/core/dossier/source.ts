import { constants, type Stats } from 'node:fs';
import { lstat, open, readdir, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { VigilError, fsError } from '../errors';
import { describeMode } from '../fs/fileMode';
import { openSafeZip, readEntry, ZIP_LIMITS, type SafeZip } from './zip';

/**
 * A dossier's files, wherever they are: a folder, a zip, or the zip inside a
 * decrypted bundle. Only regular files are ever opened. A symbolic link, a
 * FIFO, a device or a socket is listed as a problem and never opened: a FIFO
 * would block a reader forever, a device could be read without end, a link
 * could lead anywhere.
 */
export interface DossierSource {
  form: 'directory' | 'zip' | 'bundle';
  /** Regular files by their path inside the dossier, with their size. */
  files: Map<string, number>;
  /** What was refused while listing (special files, a refused archive), as plain sentences. */
  problems: string[];
  /** A whole small file, refused above `max` bytes; null when it is not in the dossier. */
  read(path: string, max: number): Promise<Buffer | null>;
  stream(path: string): Promise<Readable>;
  close(): void;
}

const notRegular = (path: string, mode: number) =>
  `${path} is not a regular file (${describeMode(mode)}); it was not opened`;

const MAX_DEPTH = 16;

// O_NONBLOCK: a FIFO swapped in after the listing opens at once instead of waiting for a writer;
// O_NOFOLLOW: a link swapped in is refused. What was opened is checked again on the handle itself.
const SAFE_OPEN = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

async function openRegular(
  full: string,
  path: string,
): Promise<{ handle: FileHandle; info: Stats }> {
  let handle: FileHandle;
  try {
    handle = await open(full, SAFE_OPEN);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP')
      throw new VigilError('VERIFICATION_FAILED', notRegular(path, 0o120000));
    throw fsError(error, `Cannot read ${path}`);
  }
  const info = await handle.stat();
  if (!info.isFile()) {
    await handle.close();
    throw new VigilError('VERIFICATION_FAILED', notRegular(path, info.mode));
  }
  return { handle, info };
}

/** A dossier folder, listed without following links or opening anything but regular files. */
export async function folderSource(root: string): Promise<DossierSource> {
  const files = new Map<string, number>();
  const problems: string[] = [];
  let count = 0;
  const walk = async (dir: string, prefix: string, depth: number): Promise<void> => {
    if (depth > MAX_DEPTH) {
      problems.push(`${prefix} is nested deeper than ${MAX_DEPTH} folders`);
      return;
    }
    const names = (
      await readdir(dir).catch((error: unknown) => {
        throw fsError(error, `Cannot read the folder ${prefix || root}`);
      })
    ).sort();
    for (const name of names) {
      count += 1;
      if (count > ZIP_LIMITS.entries) {
        if (count === ZIP_LIMITS.entries + 1)
          problems.push(`the folder holds more than ${ZIP_LIMITS.entries} files`);
        return;
      }
      const rel = prefix ? `${prefix}/${name}` : name;
      const info = await lstat(join(dir, name));
      if (info.isDirectory()) await walk(join(dir, name), rel, depth + 1);
      else if (info.isFile()) files.set(rel, info.size);
      else problems.push(notRegular(rel, info.mode));
    }
  };
  await walk(root, '', 0);
  return {
    form: 'directory',
    files,
    problems,
    async read(path, max) {
      if (!files.has(path)) return null;
      const { handle, info } = await openRegular(join(root, path), path);
      try {
        if (info.size > max)
          throw new VigilError('VERIFICATION_FAILED', `${path} is larger than ${max} bytes`);
        const buffer = Buffer.alloc(info.size);
        const { bytesRead } = await handle.read(buffer, 0, info.size, 0);
        return buffer.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    },
    async stream(path) {
      const { handle } = await openRegular(join(root, path), path);
      return handle.createReadStream({ autoClose: true });
    },
    close() {},
  };
}

/** A dossier zip (a file, or a bundle's decrypted content); an archive the safe reader refuses is one problem. */
export async function zipSource(
  form: 'zip' | 'bundle',
  bytes: Parameters<typeof openSafeZip>[0],
): Promise<DossierSource> {
  let zip: SafeZip;
  try {
    zip = await openSafeZip(bytes);
  } catch (error) {
    if (error instanceof VigilError && error.code === 'VERIFICATION_FAILED')
      return {
        form,
        files: new Map(),
        problems: [error.message],
        read: async () => null,
        stream: () => Promise.reject(error),
        close() {},
      };
    throw error;
  }
  const byPath = new Map(zip.entries.map((e) => [e.path, e]));
  return {
    form,
    files: new Map(zip.entries.map((e) => [e.path, e.size])),
    problems: [],
    read: async (path, max) => {
      const entry = byPath.get(path);
      return entry ? readEntry(zip, entry, max) : null;
    },
    stream: async (path) => {
      const entry = byPath.get(path);
      if (!entry) throw new VigilError('VERIFICATION_FAILED', `${path} is not in the dossier`);
      return zip.open(entry);
    },
    close: () => zip.close(),
  };
}
