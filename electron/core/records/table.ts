import type { RecordKind } from '../../../shared/domain/vocabCheck';
import type { Queryable, SqlValue } from '../vault/database';
import type { WriteContext } from './context';
import { placeholders } from './sql';
import { notFound } from './validate';

/** What every stored record carries besides its own fields. */
export interface Stored {
  id: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * A record table's statements, built once: the statement cache (`ctx.sql`)
 * then sees the same text for every row of a bulk import. The record's own
 * columns are listed once, in the order its values function gives them; the
 * id (and the case id), created_at and updated_at go around them.
 */
export interface RecordTable {
  readonly name: string;
  /** Every column, in the order `insert` binds them. */
  readonly columns: string;
  readonly inCase: boolean;
  readonly insert: string;
  readonly update: string;
  readonly delete: string;
}

/** `own` lists the record's own columns as SQL would, comma-separated. */
export function recordTable(name: string, own: string, options: { inCase: boolean }): RecordTable {
  const keys = options.inCase ? 'id, case_id' : 'id';
  const columns = `${keys}, ${own}, created_at, updated_at`;
  const set = [...own.split(', '), 'updated_at'].map((column) => `${column} = ?`).join(', ');
  return {
    name,
    columns,
    inCase: options.inCase,
    insert: `INSERT INTO ${name} (${columns}) VALUES (${placeholders(columns.split(', ').length)})`,
    update: `UPDATE ${name} SET ${set} WHERE id = ?`,
    delete: `DELETE FROM ${name} WHERE id = ?`,
  };
}

/** Inserts a record's row; `values` are for the table's own columns. */
export async function insertRowTx(
  ctx: WriteContext,
  table: RecordTable,
  record: Stored & { caseId?: string },
  values: readonly SqlValue[],
): Promise<void> {
  // A missing case id binds NULL, which the NOT NULL column refuses.
  await ctx.sql.run(
    table.insert,
    table.inCase
      ? [record.id, record.caseId ?? null, ...values, record.createdAt, record.updatedAt]
      : [record.id, ...values, record.createdAt, record.updatedAt],
  );
}

/** Rewrites a record's own columns and its updated_at. */
export async function updateRowTx(
  ctx: WriteContext,
  table: RecordTable,
  record: Stored,
  values: readonly SqlValue[],
): Promise<void> {
  await ctx.sql.run(table.update, [...values, record.updatedAt, record.id]);
}

/** The row `sql` selects for one id, or NOT_FOUND naming the record. */
export async function rowById<Row>(
  q: Queryable,
  sql: string,
  kind: RecordKind,
  id: string,
): Promise<Row> {
  const row = await q.get<Row>(sql, [id]);
  if (!row) throw notFound(kind, id);
  return row;
}

/** `a, b` → `p.a, p.b`, for a column list in a join. */
export const qualified = (columns: string, alias: string): string =>
  columns
    .split(', ')
    .map((column) => `${alias}.${column}`)
    .join(', ');
