import { link, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fsError } from '../errors';
import { crashPoint } from './crashPoints';
import { trackTemp } from './tempRegistry';

/** Temp files are dot-files carrying this marker, so stale ones can be found after a crash. */
export const TEMP_MARKER = '.vigil-tmp-';

export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}${TEMP_MARKER}${randomBytes(6).toString('hex')}`);
}

/** fsync a directory so that a rename inside it survives a power cut. */
export async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Replaces (or creates) `path` so that after a crash at any instant it holds
 * either the old content or the new one, never a mix: write a temp file in the
 * same directory, fsync it, rename it over the target, fsync the directory.
 */
export async function writeFileAtomic(
  path: string,
  data: Uint8Array,
  options: {
    crashPrefix?: string;
    overwrite?: boolean;
    /** What is written, for the line an interrupted command prints (default: "the file NAME"). */
    label?: string;
    /** The temporary path to use (an outgoing write records it before it exists). */
    temp?: string;
  } = {},
): Promise<void> {
  const tmp = options.temp ?? tempPathFor(path);
  const tracked = trackTemp(tmp, options.label ?? `the unfinished file ${path}`);
  const crash = (step: string): void => {
    if (options.crashPrefix) crashPoint(`${options.crashPrefix}:${step}`);
  };
  try {
    const handle = await open(tmp, 'wx', 0o600);
    try {
      await handle.writeFile(data);
      crash('temp-written');
      await handle.sync();
      crash('temp-synced');
    } finally {
      await handle.close();
    }
    if (options.overwrite === false) {
      // link() fails if the target exists, which rename() would silently replace.
      await link(tmp, path);
      await unlink(tmp);
    } else {
      await rename(tmp, path);
    }
    tracked.done();
    crash('renamed');
    await fsyncDir(dirname(path));
    crash('dir-synced');
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    throw fsError(error, `Cannot write ${basename(path)}`);
  } finally {
    tracked.done();
  }
}
