import { rmSync } from 'node:fs';

/**
 * Every temporary file or folder this process is writing, inside the vault
 * or beside an export's target, until it is moved into place or removed.
 *
 * Two users: an interrupted process (SIGINT, SIGTERM, the app quitting)
 * removes what is listed here synchronously before it exits, so nothing
 * half-written survives even if the operation never got to unwind; and the
 * vault's check and repair skip what this process is still writing.
 */
interface Entry {
  path: string;
  label: string;
}

const live = new Map<number, Entry>();
let next = 1;

export interface TrackedTemp {
  /** The temp no longer needs removing (moved into place, or removed by its owner). */
  done(): void;
  /** The same entry now lives at another path (e.g. a blob renamed, still uncommitted). */
  moved(path: string): void;
}

/** `label` says what it is, for the one line an interrupted command prints: "the dossier folder /x/y". */
export function trackTemp(path: string, label: string): TrackedTemp {
  const id = next++;
  live.set(id, { path, label });
  return {
    done: () => void live.delete(id),
    moved: (to) => {
      const entry = live.get(id);
      if (entry) entry.path = to;
    },
  };
}

/** Whether this process is still writing `path`. */
export function isTracked(path: string): boolean {
  for (const entry of live.values()) if (entry.path === path) return true;
  return false;
}

/** What is being written now, by label. */
export function trackedLabels(): string[] {
  return [...new Set([...live.values()].map((e) => e.label))];
}

/**
 * Removes everything still listed, synchronously (nothing else can run in
 * between), and returns the labels of what was removed or could not be.
 */
export function removeTrackedSync(): { removed: string[]; failed: string[] } {
  const removed: string[] = [];
  const failed: string[] = [];
  for (const [id, entry] of live) {
    try {
      rmSync(entry.path, { recursive: true, force: true });
      removed.push(entry.label);
    } catch {
      failed.push(`${entry.label} (${entry.path})`);
    }
    live.delete(id);
  }
  return { removed: [...new Set(removed)], failed };
}
