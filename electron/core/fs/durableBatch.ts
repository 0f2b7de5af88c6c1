import { link, open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { fsError, VigilError } from '../errors';
import { fsyncDir, tempPathFor } from './atomic';
import { crashPoint } from './crashPoints';
import { trackTemp, type TrackedTemp } from './tempRegistry';

interface Staged {
  path: string;
  temp: string;
  handle: FileHandle;
  overwrite: boolean;
  tracked: TrackedTemp;
}

/** What happened to one staged file at commit: in place, or not written (with why). */
export type Placed = { path: string; error?: undefined } | { path: string; error: VigilError };

/**
 * Writes many new files with the durability of writeFileAtomic but without
 * paying a disk-cache flush per file. Each file is written to a temp beside
 * its target as it is staged; `commit` then syncs all the temps at once (the
 * syncs run side by side, and the file system folds them into a few journal
 * commits instead of one each), puts each in place (rename, or link when an
 * existing target must not be replaced), and syncs each directory once.
 *
 * After a crash at any instant each target is either absent or complete:
 * nothing is renamed into place before every byte of it is on the disk. A
 * temp holds only the bytes being written and is listed in the temp
 * registry, so an interrupted process removes it on its way out.
 */
export class DurableBatch {
  private staged: Staged[] = [];
  private bytes = 0;

  constructor(private readonly crashPrefix?: string) {}

  /** Bytes staged and not yet committed. */
  get pendingBytes(): number {
    return this.bytes;
  }

  get pendingFiles(): number {
    return this.staged.length;
  }

  private crash(step: string): void {
    if (this.crashPrefix) crashPoint(`${this.crashPrefix}:${step}`);
  }

  /** Writes `data` to a new temp beside `path`; nothing is in place until `commit`. */
  async stage(path: string, data: Uint8Array, options: { overwrite: boolean }): Promise<void> {
    const temp = tempPathFor(path);
    const tracked = trackTemp(temp, `the unfinished file ${path}`);
    let handle: FileHandle | undefined;
    try {
      handle = await open(temp, 'wx', 0o600);
      await handle.writeFile(data);
    } catch (error) {
      await handle?.close().catch(() => undefined);
      await unlink(temp).catch(() => undefined);
      tracked.done();
      throw fsError(error, `Cannot write ${basename(path)}`);
    }
    this.staged.push({ path, temp, handle, overwrite: options.overwrite, tracked });
    this.bytes += data.byteLength;
    this.crash('staged');
  }

  /** Removes every staged temp: none of them is put in place. */
  async discard(): Promise<void> {
    const staged = this.take();
    await Promise.all(staged.map((s) => this.drop(s)));
  }

  /**
   * Puts every staged file in place durably and says, per file, whether it
   * is. A file whose sync or placement fails is removed and reported; the
   * others are still placed.
   */
  async commit(): Promise<Placed[]> {
    const staged = this.take();
    if (staged.length === 0) return [];
    // All the data reaches the disk before any name points at it.
    const synced = await Promise.allSettled(staged.map((s) => s.handle.datasync()));
    this.crash('synced');
    const placed: Placed[] = [];
    const dirs = new Set<string>();
    for (const [i, s] of staged.entries()) {
      const sync = synced[i]!;
      try {
        if (sync.status === 'rejected') throw sync.reason;
        await s.handle.close();
        if (s.overwrite) await rename(s.temp, s.path);
        else {
          // link() fails if the target appeared meanwhile, which rename() would silently replace.
          await link(s.temp, s.path);
          await unlink(s.temp);
        }
        s.tracked.done();
        dirs.add(dirname(resolve(s.path)));
        placed.push({ path: s.path });
        this.crash('placed');
      } catch (error) {
        await this.drop(s);
        placed.push({
          path: s.path,
          error:
            error instanceof VigilError
              ? error
              : fsError(error, `Cannot write ${basename(s.path)}`),
        });
      }
    }
    // The renames themselves survive a power cut once their directories are synced.
    try {
      await Promise.all([...dirs].map((d) => fsyncDir(d)));
    } catch (error) {
      throw fsError(error, 'Cannot sync the output folder');
    }
    this.crash('dirs-synced');
    return placed;
  }

  private take(): Staged[] {
    const staged = this.staged;
    this.staged = [];
    this.bytes = 0;
    return staged;
  }

  private async drop(s: Staged): Promise<void> {
    await s.handle.close().catch(() => undefined);
    await unlink(s.temp).catch(() => undefined);
    s.tracked.done();
  }
}
