import { AsyncLocalStorage } from 'node:async_hooks';
import { statfs } from 'node:fs/promises';
import { dirname } from 'node:path';
import sqlcipher from '@journeyapps/sqlcipher';
import { VigilError } from '../errors';

export type SqlValue = string | number | bigint | null | Uint8Array;
export type SqlParams = readonly SqlValue[] | Readonly<Record<string, SqlValue>>;

export interface RunResult {
  changes: number;
  lastID: number;
}

export interface Prepared {
  run(params?: SqlParams): Promise<RunResult>;
  get<T>(params?: SqlParams): Promise<T | undefined>;
  all<T>(params?: SqlParams): Promise<T[]>;
  finalize(): Promise<void>;
}

/** What repositories need: the same calls work on the database and inside a transaction. */
export interface Queryable {
  run(sql: string, params?: SqlParams): Promise<RunResult>;
  get<T>(sql: string, params?: SqlParams): Promise<T | undefined>;
  all<T>(sql: string, params?: SqlParams): Promise<T[]>;
  exec(sql: string): Promise<void>;
  prepare(sql: string): Promise<Prepared>;
}

const SQLITE_ERRORS: Record<string, [VigilError['code'], string]> = {
  SQLITE_FULL: ['DISK_FULL', 'The disk is full; nothing was saved.'],
  SQLITE_IOERR: [
    'IO_ERROR',
    'The vault database could not be read or written (input/output error).',
  ],
  SQLITE_NOTADB: [
    'VAULT_DAMAGED',
    'The vault database cannot be decrypted: it is damaged or belongs to another vault.',
  ],
  SQLITE_CORRUPT: ['VAULT_DAMAGED', 'The vault database is damaged.'],
  SQLITE_READONLY: ['IO_ERROR', 'The vault database is read-only.'],
  SQLITE_CANTOPEN: ['IO_ERROR', 'The vault database cannot be opened.'],
  SQLITE_INTERRUPT: ['CANCELLED', 'The operation was cancelled.'],
  SQLITE_BUSY: [
    'VAULT_BUSY',
    'The vault database is busy: another Vigil process is using it. Try again in a moment; nothing was changed.',
  ],
  SQLITE_LOCKED: [
    'VAULT_BUSY',
    'The vault database is busy: another Vigil process is using it. Try again in a moment; nothing was changed.',
  ],
};

/** Maps SQLite errors to VigilErrors; SQL text and bound values never reach the message. */
export function sqlError(error: unknown): Error {
  if (error instanceof VigilError) return error;
  const code = (error as { code?: string } | undefined)?.code ?? '';
  // A damaged page under the schema surfaces as a plain SQLITE_ERROR ("malformed database schema").
  if (code === 'SQLITE_ERROR' && /malformed|not a database/i.test((error as Error).message ?? ''))
    return new VigilError(
      'VAULT_DAMAGED',
      'The vault database is damaged: its schema cannot be read.',
      {
        cause: error,
      },
    );
  const known = SQLITE_ERRORS[code];
  if (known) return new VigilError(known[0], known[1], { cause: error });
  return error instanceof Error ? error : new Error(String(error));
}

/** Below this much free space, an I/O failure is taken for what it almost surely is: a full disk. */
const LOW_SPACE_BYTES = 4 * 1024 * 1024;

/**
 * SQLite reports most failures to grow its files (the WAL index, the
 * journal, a new page) as a generic I/O error, not as SQLITE_FULL. When the
 * disk holding the database has next to no space left, say so: the user can
 * act on "the disk is full", not on "input/output error".
 */
export async function diagnoseIoError(error: unknown, path: string): Promise<unknown> {
  if (!(error instanceof VigilError) || error.code !== 'IO_ERROR') return error;
  try {
    const fs = await statfs(dirname(path));
    if (fs.bavail * fs.bsize >= LOW_SPACE_BYTES) return error;
  } catch {
    return error;
  }
  return new VigilError(
    'DISK_FULL',
    'The disk holding the vault is full; nothing was saved. Free some space and try again.',
    { cause: error.cause ?? error },
  );
}

type Native = InstanceType<typeof sqlcipher.Database>;

function bindable(params: SqlParams | undefined): unknown[] | Record<string, unknown> {
  if (params === undefined) return [];
  if (Array.isArray(params)) return [...(params as readonly SqlValue[])];
  return { ...(params as Readonly<Record<string, SqlValue>>) };
}

/** Promise calls on a native connection, with no locking: used inside a transaction. */
class Connection implements Queryable {
  constructor(protected readonly native: Native) {}

  run(sql: string, params?: SqlParams): Promise<RunResult> {
    return new Promise((resolve, reject) => {
      this.native.run(sql, bindable(params), function (this: RunResult, error: Error | null) {
        if (error) reject(sqlError(error));
        else resolve({ changes: this.changes, lastID: this.lastID });
      });
    });
  }

  get<T>(sql: string, params?: SqlParams): Promise<T | undefined> {
    return new Promise((resolve, reject) => {
      this.native.get(sql, bindable(params), (error: Error | null, row: T | undefined) => {
        if (error) reject(sqlError(error));
        else resolve(row);
      });
    });
  }

  all<T>(sql: string, params?: SqlParams): Promise<T[]> {
    return new Promise((resolve, reject) => {
      this.native.all(sql, bindable(params), (error: Error | null, rows: T[]) => {
        if (error) reject(sqlError(error));
        else resolve(rows);
      });
    });
  }

  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.native.exec(sql, (error: Error | null) => (error ? reject(sqlError(error)) : resolve()));
    });
  }

  prepare(sql: string): Promise<Prepared> {
    return new Promise((resolve, reject) => {
      const statement = this.native.prepare(sql, (error: Error | null) => {
        if (error) {
          reject(sqlError(error));
          return;
        }
        resolve({
          run: (params) =>
            new Promise((res, rej) => {
              statement.run(bindable(params), function (this: RunResult, err: Error | null) {
                if (err) rej(sqlError(err));
                else res({ changes: this.changes, lastID: this.lastID });
              });
            }),
          get: <T>(params?: SqlParams) =>
            new Promise<T | undefined>((res, rej) => {
              statement.get(bindable(params), (err: Error | null, row?: T) =>
                err ? rej(sqlError(err)) : res(row),
              );
            }),
          all: <T>(params?: SqlParams) =>
            new Promise<T[]>((res, rej) => {
              statement.all(bindable(params), (err: Error | null, rows: T[]) =>
                err ? rej(sqlError(err)) : res(rows),
              );
            }),
          finalize: () =>
            new Promise<void>((res) => {
              statement.finalize(() => res());
            }),
        });
      });
    });
  }
}

const activeTransaction = new AsyncLocalStorage<Database>();

/**
 * One SQLCipher connection with a promise interface. Calls are queued so that
 * a transaction never interleaves with statements from another caller; inside
 * `transaction(fn)`, use the handle passed to `fn`.
 */
export class Database implements Queryable {
  private queue: Promise<void> = Promise.resolve();
  private readonly connection: Connection;
  private closed = false;
  private writeGuard: (() => Promise<void>) | undefined;

  private constructor(
    private readonly native: Native,
    private readonly path: string,
  ) {
    this.connection = new Connection(native);
  }

  /**
   * Opens (creating if needed) the database file. Callers check that an
   * existing vault's file exists first: the CREATE flag stays on because
   * ATTACH inherits the main connection's flags, and the standalone export
   * attaches a database that does not exist yet.
   */
  static open(path: string): Promise<Database> {
    const mode = sqlcipher.OPEN_READWRITE | sqlcipher.OPEN_CREATE;
    return new Promise<Database>((resolve, reject) => {
      const native: Native = new sqlcipher.Database(path, mode, (error: Error | null) => {
        if (error) reject(sqlError(error));
        else resolve(new Database(native, path));
      });
    }).catch(async (error: unknown) => {
      throw await diagnoseIoError(error, path);
    });
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /**
   * Called before every transaction: the vault uses it to hold the writer
   * lock (taking it if a read-only opener turns out to write).
   */
  guardWrites(guard: () => Promise<void>): void {
    this.writeGuard = guard;
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new VigilError('VAULT_LOCKED', 'The vault is locked.'));
    if (activeTransaction.getStore() === this) {
      // Waiting for the queue from inside a transaction would deadlock.
      return Promise.reject(
        new Error('Inside a transaction, use the transaction handle, not the database.'),
      );
    }
    const previous = this.queue;
    let release!: () => void;
    this.queue = new Promise<void>((resolve) => (release = resolve));
    return previous
      .then(work)
      .catch(async (error: unknown) => {
        throw await diagnoseIoError(error, this.path);
      })
      .finally(release);
  }

  run(sql: string, params?: SqlParams): Promise<RunResult> {
    return this.exclusive(() => this.connection.run(sql, params));
  }
  get<T>(sql: string, params?: SqlParams): Promise<T | undefined> {
    return this.exclusive(() => this.connection.get<T>(sql, params));
  }
  all<T>(sql: string, params?: SqlParams): Promise<T[]> {
    return this.exclusive(() => this.connection.all<T>(sql, params));
  }
  exec(sql: string): Promise<void> {
    return this.exclusive(() => this.connection.exec(sql));
  }
  prepare(sql: string): Promise<Prepared> {
    return this.exclusive(() => this.connection.prepare(sql));
  }

  /** Runs `work` in one IMMEDIATE transaction: all of it is committed, or none. */
  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    if (this.writeGuard && activeTransaction.getStore() !== this) await this.writeGuard();
    return this.exclusive(async () => {
      await this.connection.exec('BEGIN IMMEDIATE');
      try {
        const result = await activeTransaction.run(this, () => work(this.connection));
        await this.connection.exec('COMMIT');
        return result;
      } catch (error) {
        await this.connection.exec('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }

  /** Aborts the running statement (used to cancel long queries). */
  interrupt(): void {
    if (!this.closed) this.native.interrupt();
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return this.exclusive(
      () =>
        new Promise<void>((resolve, reject) => {
          this.native.close((error: Error | null) => {
            if (error) reject(sqlError(error));
            else resolve();
          });
        }),
    ).finally(() => {
      this.closed = true;
    });
  }
}
