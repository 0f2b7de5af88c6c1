import type { Prepared, Queryable, SqlParams, SqlValue } from '../vault/database';
import { VigilError } from '../errors';
import type { RowBatch } from './rowBatch';

/**
 * Prepared statements reused within one transaction: a bulk import runs the
 * same few INSERTs hundreds of thousands of times, and preparing each once
 * instead of per row is most of the difference. Finalize before the
 * transaction ends.
 */
export class Statements {
  private readonly cache = new Map<string, Promise<Prepared>>();

  /**
   * With a row batch (a bulk import), plain INSERTs are held and written
   * many rows per statement, and every other statement first writes them.
   */
  constructor(
    readonly q: Queryable,
    private readonly batch?: RowBatch,
  ) {}

  private statement(sql: string): Promise<Prepared> {
    let prepared = this.cache.get(sql);
    if (!prepared) {
      prepared = this.q.prepare(sql);
      this.cache.set(sql, prepared);
    }
    return prepared;
  }

  async run(sql: string, params: SqlParams): Promise<void> {
    if (this.batch && (await this.batch.add(sql, params))) return;
    await this.batch?.flush();
    await (await this.statement(sql)).run(params);
  }

  async all<T>(sql: string, params: SqlParams): Promise<T[]> {
    await this.batch?.flush();
    return (await this.statement(sql)).all<T>(params);
  }

  async get<T>(sql: string, params: SqlParams): Promise<T | undefined> {
    await this.batch?.flush();
    return (await this.statement(sql)).get<T>(params);
  }

  async finalize(): Promise<void> {
    const all = [...this.cache.values()];
    this.cache.clear();
    await Promise.all(all.map((p) => p.then((s) => s.finalize()).catch(() => undefined)));
  }
}

/** Runs `work` with a statement cache on `q`, finalizing it however `work` ends. */
export async function withStatements<T>(
  q: Queryable,
  work: (s: Statements) => Promise<T>,
): Promise<T> {
  const statements = new Statements(q);
  try {
    return await work(statements);
  } finally {
    await statements.finalize();
  }
}

/** What a write needs to run one statement: the transaction itself, or its statement cache. */
export interface Runner {
  run(sql: string, params: SqlParams): Promise<unknown>;
}

export const json = (value: unknown): string => JSON.stringify(value);

export function parseJson<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback;
  return JSON.parse(text) as T;
}

export const bool = (value: boolean): number => (value ? 1 : 0);

/** `?, ?, ?` for an IN list. */
export const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/** Splits a long id list so that IN (…) stays under SQLite's variable limit. */
export function chunks<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export type Row = Record<string, SqlValue>;

/** A constraint failure turned into a plain sentence; anything else passes through. */
export function constraintError(
  error: unknown,
  messages: { unique?: string; foreignKey?: string },
): unknown {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  if (code !== 'SQLITE_CONSTRAINT') return error;
  if (messages.unique && /UNIQUE|PRIMARY KEY/.test(message ?? ''))
    return new VigilError('CONFLICT', messages.unique, { cause: error });
  if (messages.foreignKey && /FOREIGN KEY/.test(message ?? ''))
    return new VigilError('CONFLICT', messages.foreignKey, { cause: error });
  return error;
}
