import { chmod, readFile, unlink, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import sqlcipher from '@journeyapps/sqlcipher';
import { VigilError, fsError } from '../errors';
import { processAlive, readableTime } from '../fs/processes';
import { holderPath, lockPath } from './layout';

/**
 * One writer per vault, across processes: the Vigil app, every `vigil`
 * command, and the core's own tests.
 *
 * The lock is SQLite's own: an empty database file beside the vault, on
 * which the holder keeps an EXCLUSIVE transaction open. SQLite implements
 * that with the operating system's byte-range locks (fcntl on POSIX,
 * LockFileEx on Windows), which the kernel drops when the process ends,
 * however it ends: a SIGKILL or a power cut leaves no stale lock to clear by
 * hand. SQLite also tracks locks between connections of one process, so a
 * second opener in the same process is refused like any other. This needs
 * no native module beyond the SQLCipher driver the vault already ships
 * (a flock() binding would be one more native build to keep for Node and
 * Electron on every platform), and the lock never touches the vault
 * database, so readers of the vault (WAL) are never held up by it.
 *
 * The lock file stays empty and no journal is ever created beside it.
 *
 * Who holds the lock (pid, command, since when) is written to a small file
 * by the holder, purely to tell a waiting user whom they wait for; the lock
 * itself never depends on that file.
 */

type Native = InstanceType<typeof sqlcipher.Database>;

export interface LockHolder {
  pid: number;
  /** What holds the vault, as a user recognises it: "vigil evidence add", "the Vigil app". */
  what: string;
  since: string;
}

export interface AcquireOptions {
  /** Shown to other processes while this one holds the lock. */
  holder: string;
  /** How long to wait for the current holder, in milliseconds (0: do not wait). */
  waitMs: number;
  signal?: AbortSignal;
  now?: () => Date;
}

/** The default wait: enough for another command's short write, short enough to answer promptly. */
export const DEFAULT_LOCK_WAIT_MS = 5_000;

function openNative(path: string, mode: number): Promise<Native> {
  return new Promise((resolve, reject) => {
    const db: Native = new sqlcipher.Database(path, mode, (error: Error | null) =>
      error ? reject(error) : resolve(db),
    );
  });
}

/**
 * Opens the lock file through SQLite only, never with a descriptor of our own:
 * closing any descriptor of a file drops every POSIX lock this process holds
 * on it, so a second opener in this process (refused, as it should be) would
 * silently free the lock of the first, and another process could write at the
 * same time. SQLite keeps its own descriptors open while a lock is held. A
 * missing file is created by SQLite, then made owner-only (it stays empty, so
 * the moment at the default permission shows nothing).
 */
async function openLockFile(path: string): Promise<Native> {
  try {
    return await openNative(path, sqlcipher.OPEN_READWRITE);
  } catch (error) {
    if ((error as { code?: string } | null)?.code !== 'SQLITE_CANTOPEN') throw error;
  }
  const native = await openNative(path, sqlcipher.OPEN_READWRITE | sqlcipher.OPEN_CREATE);
  try {
    await chmod(path, 0o600);
  } catch (error) {
    await closeNative(native);
    throw error;
  }
  return native;
}

function exec(db: Native, sql: string): Promise<void> {
  return new Promise((resolve, reject) =>
    db.exec(sql, (e: Error | null) => (e ? reject(e) : resolve())),
  );
}

function closeNative(db: Native): Promise<void> {
  return new Promise((resolve) => db.close(() => resolve()));
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

/** The holder's note, if it is readable and its process still runs. */
export async function readHolder(dir: string): Promise<LockHolder | null> {
  try {
    const parsed = JSON.parse(await readFile(holderPath(dir), 'utf8')) as Partial<LockHolder>;
    if (
      typeof parsed.pid !== 'number' ||
      typeof parsed.what !== 'string' ||
      typeof parsed.since !== 'string'
    )
      return null;
    return processAlive(parsed.pid) ? (parsed as LockHolder) : null;
  } catch {
    return null;
  }
}

export function busyError(holder: LockHolder | null): VigilError {
  const who = holder
    ? `${holder.what} (pid ${holder.pid}, since ${readableTime(holder.since)})`
    : 'another Vigil process';
  return new VigilError(
    'VAULT_BUSY',
    `The vault is in use by ${who}; try again when it has finished. Nothing was changed.`,
  );
}

export class WriterLock {
  private released = false;

  private constructor(
    readonly dir: string,
    private readonly native: Native,
    readonly holder: LockHolder,
  ) {}

  /** Takes the lock at once, or returns null if another connection holds it. */
  static async tryAcquire(
    dir: string,
    options: Omit<AcquireOptions, 'waitMs' | 'signal'>,
  ): Promise<WriterLock | null> {
    return WriterLock.take(dir, { ...options, waitMs: 0 }, false);
  }

  /** Takes the lock, waiting up to `waitMs` for its holder; then fails with VAULT_BUSY naming the holder. */
  static async acquire(dir: string, options: AcquireOptions): Promise<WriterLock> {
    return (await WriterLock.take(dir, options, true))!;
  }

  private static async take(
    dir: string,
    options: AcquireOptions,
    mustGet: boolean,
  ): Promise<WriterLock | null> {
    const path = lockPath(dir);
    let native: Native;
    try {
      // Owner-only; it stays empty (the lock never writes to it).
      native = await openLockFile(path);
    } catch (error) {
      throw fsError(error, 'Cannot open the vault lock');
    }
    const deadline = Date.now() + Math.max(0, options.waitMs);
    let pause = 20;
    try {
      // No busy handler: waiting happens here, in steps, so a wait can be cancelled
      // and never blocks one of libuv's few threads.
      native.configure('busyTimeout', 0);
      // No journal file: the lock then needs no disk space (a full disk must not stop a
      // command from saying so) and a killed holder leaves nothing behind.
      // The pragma needs a shared lock on the file, so it too is busy while another
      // process holds the vault: it is retried with the transaction, never reported
      // as an error of its own.
      let journalSet = false;
      for (;;) {
        try {
          if (!journalSet) {
            await exec(native, 'PRAGMA journal_mode = MEMORY');
            journalSet = true;
          }
          await exec(native, 'BEGIN EXCLUSIVE');
          break;
        } catch (error) {
          if (!isBusy(error)) throw fsError(error, 'Cannot take the vault lock');
        }
        if (options.signal?.aborted)
          throw new VigilError('CANCELLED', 'Cancelled while waiting for the vault.');
        if (Date.now() >= deadline) {
          if (!mustGet) {
            await closeNative(native);
            return null;
          }
          throw busyError(await readHolder(dir));
        }
        await sleep(Math.min(pause, Math.max(1, deadline - Date.now())));
        pause = Math.min(pause * 2, 250);
      }
    } catch (error) {
      await closeNative(native);
      throw error;
    }
    const holder: LockHolder = {
      pid: process.pid,
      what: options.holder,
      since: (options.now ?? (() => new Date()))().toISOString(),
    };
    // Best effort: the note only helps a waiting user. On a full disk it may not be
    // written; a stale note from a crashed holder must not then name the wrong process.
    await writeFile(holderPath(dir), `${JSON.stringify(holder)}\n`, { mode: 0o600 }).catch(() =>
      unlink(holderPath(dir)).catch(() => undefined),
    );
    return new WriterLock(dir, native, holder);
  }

  get isHeld(): boolean {
    return !this.released;
  }

  /** Removes the holder's note and releases the lock. Safe to call more than once. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    await unlink(holderPath(this.dir)).catch(() => undefined);
    await exec(this.native, 'ROLLBACK').catch(() => undefined);
    await closeNative(this.native);
  }
}

/**
 * The writer lock of one open vault: taken at opening for a writer, or on
 * the first write for an opener that meant only to read. Concurrent callers
 * in the process share one acquisition.
 */
export class WriterSlot {
  private lock: WriterLock | null = null;
  private taking: Promise<WriterLock> | null = null;

  constructor(
    readonly dir: string,
    private readonly options: AcquireOptions,
  ) {}

  get held(): boolean {
    return this.lock?.isHeld ?? false;
  }

  /** Takes the lock if this vault does not hold it yet (waiting as configured). */
  async ensure(): Promise<void> {
    if (this.held) return;
    this.taking ??= WriterLock.acquire(this.dir, this.options).finally(() => {
      this.taking = null;
    });
    this.lock = await this.taking;
  }

  /** Takes the lock only if it is free right now. */
  async tryTake(): Promise<boolean> {
    if (this.held) return true;
    if (this.taking) return false;
    this.lock = await WriterLock.tryAcquire(this.dir, this.options);
    return this.lock !== null;
  }

  async release(): Promise<void> {
    await this.taking?.catch(() => undefined);
    const lock = this.lock;
    this.lock = null;
    await lock?.release();
  }
}
