import { randomBytes } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { TEMP_MARKER } from '../fs/atomic';

/**
 * Temp names for a backup or a restore in progress: a dot-file beside the
 * target carrying our process id. A SIGKILL cannot be caught, so whatever it
 * leaves (encrypted bytes only, under a hidden name, never the target name)
 * is removed by the next backup or restore to the same place once its process
 * is gone. A live process's temp file is never touched.
 */
export function tempNameFor(path: string): string {
  return join(
    dirname(path),
    `.${basename(path)}${TEMP_MARKER}${process.pid}-${randomBytes(6).toString('hex')}`,
  );
}

function processIsGone(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Removes temp files (or directories) left for `path` by processes that no longer exist. */
export async function removeDeadTemps(path: string): Promise<void> {
  const prefix = `.${basename(path)}${TEMP_MARKER}`;
  const entries = await readdir(dirname(path)).catch(() => [] as string[]);
  await Promise.all(
    entries
      .filter((name) => name.startsWith(prefix))
      .filter((name) => {
        const pid = Number(/^(\d+)-[0-9a-f]+$/.exec(name.slice(prefix.length))?.[1]);
        return Number.isInteger(pid) && pid > 0 && processIsGone(pid);
      })
      .map((name) =>
        rm(join(dirname(path), name), { recursive: true, force: true }).catch(() => undefined),
      ),
  );
}
