import type { Queryable, SqlParams, SqlValue } from '../vault/database';
import { Statements } from './sql';

/**
 * Rows of a bulk write collected and written many at a time, each batch in
 * one set-based statement: `INSERT INTO t (…) VALUES (?, …), (?, …), …`
 * with every row's values bound as parameters.
 *
 * Why: a statement per row is a round trip through the driver's thread
 * pool, and SQLite opens a statement savepoint for each, at which FTS5
 * writes its pending terms to disk: the search index of a row-by-row import
 * is built one tiny segment per record, then merged over and over. One
 * statement per table and document lets the index take the rows at once.
 * The values are bound as the row-by-row statement binds them, so each is
 * stored exactly as it would have been. (An earlier form carried the rows
 * in one JSON array read with json_each: every column re-read its row's
 * JSON, and the process spent twice the CPU time on the same rows; only
 * text, NULL and 32-bit integers survived the trip, so others ran alone.)
 *
 * What is deferred is only a plain `INSERT [OR IGNORE] INTO t (cols)
 * VALUES (?, …)`, optionally with an `ON CONFLICT` clause, run with an
 * array of values. Anything else (another statement, a read) first writes
 * every pending row, then runs as it would have: a read inside the
 * transaction always sees every row written before it.
 *
 * Pending rows are written in their order but for one change: a row joins
 * the earlier rows of its statement, moving ahead of rows of other tables
 * that came in between, unless one of those is a table it refers to (a
 * foreign key; the triggers of these tables look up only such parents) or
 * its own table written by another statement.
 * Then it starts a batch of its own after them. So a table's rows keep their
 * order, and a row is never written before the row it refers to (within one
 * statement SQLite checks foreign keys at its end).
 *
 * The values travel inside the transaction's own SQLCipher connection;
 * nothing touches disk but the encrypted database.
 */

/** At most this many rows (or characters of text) are held before they are written. */
const MAX_ROWS = 5000;
const MAX_CHARS = 16 * 1024 * 1024;
/**
 * Bound parameters per statement: SQLite's SQLITE_MAX_VARIABLE_NUMBER, 32766
 * since 3.32 and in this SQLCipher build (PRAGMA compile_options). A batch
 * with more values is written in several statements.
 */
export const MAX_PARAMETERS = 32766;

const INSERT =
  /^\s*INSERT(\s+OR\s+IGNORE)?\s+INTO\s+([A-Za-z_][A-Za-z0-9_]*)\s*\(([A-Za-z0-9_,\s]+)\)\s*VALUES\s*\(([?,\s]+)\)\s*(ON\s+CONFLICT\s[\s\S]*)?$/i;

interface Target {
  table: string;
  width: number;
  /** The set-based statement for `rows` rows, their values bound in order. */
  sql(rows: number): string;
}

interface Pending {
  target: Target;
  rows: (readonly SqlValue[])[];
}

/** The set-based form of a deferrable INSERT, or null when it is not one. */
export function setBasedInsert(sql: string): Target | null {
  const match = INSERT.exec(sql);
  if (!match) return null;
  const [, orIgnore, table, columnList, marks, conflict] = match;
  const columns = columnList!.split(',').map((c) => c.trim());
  const placeholders = marks!.split(',').map((m) => m.trim());
  if (columns.some((c) => c === '') || placeholders.some((m) => m !== '?')) return null;
  if (columns.length !== placeholders.length) return null;
  const head = `INSERT${orIgnore ? ' OR IGNORE' : ''} INTO ${table} (${columns.join(', ')}) VALUES `;
  const row = `(${placeholders.join(', ')})`;
  const tail = conflict ? ` ${conflict}` : '';
  return {
    table: table!.toLowerCase(),
    width: columns.length,
    sql: (rows) => `${head}${Array.from({ length: rows }, () => row).join(', ')}${tail}`,
  };
}

/** Rows and statements written set-based in this process: tests see the bulk path at work. */
export const setBased = { statements: 0, rows: 0 };

export class RowBatch {
  /** Batches in the order they are written. */
  private readonly batches: Pending[] = [];
  /** The batch a statement's next row may join. */
  private readonly open = new Map<string, Pending>();
  /** The tables each table refers to by foreign key. */
  private readonly parents = new Map<string, Set<string>>();
  private readonly targets = new Map<string, Target | null>();
  private rows = 0;
  private chars = 0;
  /** The set-based statements, on the transaction itself. */
  private readonly statements: Statements;

  constructor(private readonly q: Queryable) {
    this.statements = new Statements(q);
  }

  /**
   * Holds the row for a set-based write if `sql` is a deferrable INSERT run
   * with an array of values; false when the caller must run it now
   * (after `flush`).
   */
  async add(sql: string, params: SqlParams): Promise<boolean> {
    let target = this.targets.get(sql);
    if (target === undefined) {
      target = setBasedInsert(sql);
      this.targets.set(sql, target);
    }
    if (!target || !Array.isArray(params) || params.length !== target.width) return false;
    const row = [...(params as readonly SqlValue[])];
    let pending = this.open.get(sql);
    if (pending) {
      const parents = await this.parentsOf(target.table);
      const after = this.batches.slice(this.batches.indexOf(pending) + 1);
      const table = target.table;
      if (after.some((b) => b.target.table === table || parents.has(b.target.table)))
        pending = undefined;
    }
    if (!pending) {
      pending = { target, rows: [] };
      this.batches.push(pending);
      this.open.set(sql, pending);
    }
    pending.rows.push(row);
    this.rows += 1;
    for (const value of row)
      if (typeof value === 'string') this.chars += value.length;
      else if (value instanceof Uint8Array) this.chars += value.byteLength;
    if (this.rows >= MAX_ROWS || this.chars >= MAX_CHARS) await this.flush();
    return true;
  }

  private async parentsOf(table: string): Promise<Set<string>> {
    let parents = this.parents.get(table);
    if (!parents) {
      // Schema only: nothing pending can change the answer.
      const rows = await this.q.all<{ table: string }>(
        'SELECT "table" FROM pragma_foreign_key_list(?)',
        [table],
      );
      parents = new Set(rows.map((r) => r.table.toLowerCase()));
      this.parents.set(table, parents);
    }
    return parents;
  }

  /** Writes every pending row, batch by batch. */
  async flush(): Promise<void> {
    if (this.rows === 0) return;
    const batches = this.batches.splice(0);
    this.open.clear();
    this.rows = 0;
    this.chars = 0;
    for (const { target, rows } of batches) {
      const most = Math.max(1, Math.floor(MAX_PARAMETERS / target.width));
      for (let i = 0; i < rows.length; i += most) {
        const part = rows.slice(i, i + most);
        // Statements are cached per row count: a bulk import repeats a few counts many times.
        await this.statements.run(target.sql(part.length), part.flat());
        setBased.statements += 1;
        setBased.rows += part.length;
      }
    }
  }

  /** Drops what is pending (the transaction is rolled back) and frees the statements. */
  async finalize(): Promise<void> {
    this.batches.length = 0;
    this.open.clear();
    this.rows = 0;
    this.chars = 0;
    await this.statements.finalize();
  }

  /**
   * The transaction as the bulk write's code sees it: every statement run
   * on it (or prepared on it) first writes the pending rows, so what it
   * reads or changes follows every earlier write.
   */
  queryable(): Queryable {
    const q = this.q;
    const flushed = async <T>(work: () => Promise<T>): Promise<T> => {
      await this.flush();
      return work();
    };
    return {
      run: (sql, params) => flushed(() => q.run(sql, params)),
      get: <T>(sql: string, params?: SqlParams) => flushed(() => q.get<T>(sql, params)),
      all: <T>(sql: string, params?: SqlParams) => flushed(() => q.all<T>(sql, params)),
      exec: (sql) => flushed(() => q.exec(sql)),
      prepare: (sql) =>
        flushed(async () => {
          const statement = await q.prepare(sql);
          return {
            run: (params) => flushed(() => statement.run(params)),
            get: <T>(params?: SqlParams) => flushed(() => statement.get<T>(params)),
            all: <T>(params?: SqlParams) => flushed(() => statement.all<T>(params)),
            finalize: () => statement.finalize(),
          };
        }),
    };
  }
}
