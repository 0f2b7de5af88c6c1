import { isWellFormed } from '../../../shared/domain/text';
import type { Queryable, SqlParams, SqlValue } from '../vault/database';
import { Statements } from './sql';

/**
 * Rows of a bulk write collected and written many at a time, each batch in
 * one set-based statement: `INSERT INTO t (…) SELECT value->>0, … FROM
 * json_each(?)` fed with a JSON array of the rows.
 *
 * Why: a statement per row is a round trip through the driver's thread
 * pool, and SQLite opens a statement savepoint for each, at which FTS5
 * writes its pending terms to disk: the search index of a row-by-row import
 * is built one tiny segment per record, then merged over and over. One
 * statement per table and document lets the index take the rows at once.
 *
 * What is deferred is only a plain `INSERT [OR IGNORE] INTO t (cols)
 * VALUES (?, …)`, optionally with an `ON CONFLICT` clause, whose values JSON
 * carries exactly: text, NULL and 32-bit integers. Anything else (another
 * statement, a read, a blob, a fraction) first writes every pending row,
 * then runs as it would have: a read inside the transaction always sees
 * every row written before it.
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

const INSERT =
  /^\s*INSERT(\s+OR\s+IGNORE)?\s+INTO\s+([A-Za-z_][A-Za-z0-9_]*)\s*\(([A-Za-z0-9_,\s]+)\)\s*VALUES\s*\(([?,\s]+)\)\s*(ON\s+CONFLICT\s[\s\S]*)?$/i;

interface Target {
  table: string;
  /** The set-based statement, fed with one JSON array of rows. */
  sql: string;
  width: number;
}

interface Pending {
  target: Target;
  rows: SqlValue[][];
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
  const values = columns.map((_, i) => `value->>${i}`).join(', ');
  // `WHERE true` keeps SQLite from reading ON CONFLICT as a join's ON (see its UPSERT notes).
  return {
    table: table!.toLowerCase(),
    sql: `INSERT${orIgnore ? ' OR IGNORE' : ''} INTO ${table} (${columns.join(', ')}) SELECT ${values} FROM json_each(?) WHERE true ORDER BY key${conflict ? ` ${conflict}` : ''}`,
    width: columns.length,
  };
}

/** Text that JSON carries into SQLite unchanged: well formed, without NUL. */
const carriedText = (value: string) => isWellFormed(value) && !value.includes('\u0000');

/**
 * The driver binds a whole number within 32 bits as an INTEGER and any other
 * number as a REAL; JSON would make every whole number an INTEGER. Only the
 * first kind is carried.
 */
const isInt32 = (value: unknown): boolean =>
  typeof value === 'number' && Number.isInteger(value) && (value | 0) === value;

/** The row's values when JSON carries each exactly, else null. */
function carriedRow(params: SqlParams, width: number): SqlValue[] | null {
  if (!Array.isArray(params) || params.length !== width) return null;
  for (const value of params as readonly SqlValue[]) {
    if (value === null) continue;
    if (typeof value === 'string') {
      if (!carriedText(value)) return null;
    } else if (!isInt32(value)) return null;
  }
  return [...(params as readonly SqlValue[])];
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
   * Holds the row for a set-based write if `sql` is a deferrable INSERT and
   * JSON carries its values exactly; false when the caller must run it now
   * (after `flush`).
   */
  async add(sql: string, params: SqlParams): Promise<boolean> {
    let target = this.targets.get(sql);
    if (target === undefined) {
      target = setBasedInsert(sql);
      this.targets.set(sql, target);
    }
    if (!target) return false;
    const row = carriedRow(params, target.width);
    if (!row) return false;
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
    for (const value of row) if (typeof value === 'string') this.chars += value.length;
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
      await this.statements.run(target.sql, [JSON.stringify(rows)]);
      setBased.statements += 1;
      setBased.rows += rows.length;
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
