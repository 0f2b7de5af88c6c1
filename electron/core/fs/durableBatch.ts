import { link, open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { fsError, VigilError } from '../errors';
import { fsyncDir, tempPathFor } from './atomic';
import { crashPoint } from './crashPoints';
import { createDirect } from './directWrite';
import { writeAll } from './writeAll';
import { trackTemp, type TrackedTemp } from './tempRegistry';

interface Staged {
  path: string;
  temp: string;
  /** Set once the temp is written. */
  handle?: FileHandle;
  /** Settles when the temp is written; rejects (the temp removed) when it could not be. */
  written: Promise<void>;
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

  /**
   * Starts writing `data` to a new temp beside `path`; nothing is in place
   * until `commit`. The caller may go on meanwhile (and stage more files),
   * but must leave `data` unchanged until the returned promise settles. It
   * rejects, the temp removed and the file left out of the batch, when the
   * file cannot be written.
   */
  stage(
    path: string,
    data: Uint8Array,
    options: {
      overwrite: boolean;
      /** `data` starts at an aligned address with room after it: written past the page cache (./directWrite.ts). */
      direct?: boolean;
    },
  ): Promise<void> {
    const temp = tempPathFor(path);
    const tracked = trackTemp(temp, `the unfinished file ${path}`);
    const staged: Staged = {
      path,
      temp,
      overwrite: options.overwrite,
      tracked,
      written: Promise.resolve(),
    };
    staged.written = (async () => {
      let handle: FileHandle | undefined;
      try {
        handle = options.direct ? await createDirect(temp, data, 0o600) : undefined;
        if (!handle) {
          handle = await open(temp, 'wx', 0o600);
          await writeAll(handle, data);
        }
      } catch (error) {
        // Left out of the batch (a commit that took it meanwhile reports it as not written).
        this.forget(staged, data.byteLength);
        await handle?.close().catch(() => undefined);
        await unlink(temp).catch(() => undefined);
        tracked.done();
        throw fsError(error, `Cannot write ${basename(path)}`);
      }
      staged.handle = handle;
      this.crash('staged');
    })();
    // Its failure is the commit's to report when the caller does not wait for it.
    staged.written.catch(() => undefined);
    this.staged.push(staged);
    this.bytes += data.byteLength;
    return staged.written;
  }

  /** Removes every staged temp: none of them is put in place. */
  async discard(): Promise<void> {
    const staged = this.take();
    await Promise.allSettled(staged.map((s) => s.written));
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
    const synced = await Promise.allSettled(
      staged.map(async (s) => {
        await s.written;
        await s.handle!.datasync();
      }),
    );
    this.crash('synced');
    const placed: Placed[] = [];
    const dirs = new Set<string>();
    for (const [i, s] of staged.entries()) {
      const sync = synced[i]!;
      try {
        if (sync.status === 'rejected') throw sync.reason;
        await s.handle!.close();
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

  private forget(staged: Staged, bytes: number): void {
    const at = this.staged.indexOf(staged);
    if (at < 0) return;
    this.staged.splice(at, 1);
    this.bytes -= bytes;
  }

  private take(): Staged[] {
    const staged = this.staged;
    this.staged = [];
    this.bytes = 0;
    return staged;
  }

  private async drop(s: Staged): Promise<void> {
    await s.handle?.close().catch(() => undefined);
    await unlink(s.temp).catch(() => undefined);
    s.tracked.done();
  }
}
