import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { RecordKind } from '../../../shared/domain/vocabCheck';
import type { Queryable } from '../vault/database';
import type { Vault } from '../vault/vault';
import { auditTx, writeTransaction, type WriteContext } from './context';
import type { RecordTable, Stored } from './table';
import { moveToTrashTx, type TrashEntry } from './trash';
import {
  assertTerms,
  changedFields,
  checkId,
  filledFields,
  notFound,
  parseInput,
} from './validate';

// The steps every kind of record shares when it is created, changed, deleted
// or listed; each repository says only what differs (its table, its row, its
// extra checks and the records that go with it).

type Fields = Record<string, unknown>;

/** A new record of a case as stored: a fresh id, the case, its fields, the time. */
export type InCase<D> = { id: string; caseId: string } & D & Omit<Stored, 'id'>;

/** What the shared steps need to know of one kind of record. */
export interface Entity<R extends Stored & Fields, D extends Fields = Fields> {
  /** Names the record in messages ("The event is not valid"), ids and audit entries (`event.update`). */
  kind: RecordKind;
  table: RecordTable;
  create: z.ZodType<D>;
  /** A patch: only the fields given. */
  update: z.ZodType<object>;
  /** A whole record, to check a patch against the record it changes. */
  record: z.ZodType<R>;
  /** The fields a patch may change, in the order the audit entry names them. */
  fields: readonly string[];
  load(q: Queryable, id: string): Promise<R>;
}

/** A new record: a fresh id, then `data` (key order kept), created and updated now. */
export function newRecord<D extends object>(
  ctx: WriteContext,
  data: D,
): { id: string } & D & Omit<Stored, 'id'> {
  return { id: randomUUID(), ...data, createdAt: ctx.now, updatedAt: ctx.now };
}

export async function assertCaseExists(q: Queryable, id: string): Promise<void> {
  if (!(await q.get('SELECT 1 AS x FROM cases WHERE id = ?', [id]))) throw notFound('case', id);
}

/** A case id from the caller, checked and normalised, of a case that exists. */
export async function existingCaseId(q: Queryable, caseId: string): Promise<string> {
  const id = checkId(caseId, 'case');
  await assertCaseExists(q, id);
  return id;
}

/**
 * Creates a record in a case: the case must exist and the record's terms be
 * known; `write` checks what it refers to and stores it with whatever goes
 * with it, before the audit entry names the fields given.
 */
export async function createInCase<R extends Stored & Fields, D extends Fields>(
  vault: Vault,
  entity: Entity<R, D>,
  caseId: string,
  input: unknown,
  write: (ctx: WriteContext, record: InCase<D>) => Promise<void>,
): Promise<InCase<D>> {
  const id = checkId(caseId, 'case');
  const data = parseInput(entity.create, input, entity.kind);
  return writeTransaction(vault, async (ctx) => {
    await assertCaseExists(ctx.tx, id);
    assertTerms(entity.kind, data, ctx.vocab, entity.kind);
    const record = newRecord(ctx, { caseId: id, ...data });
    await write(ctx, record);
    await auditTx(ctx, entity.kind, 'create', record.id, {
      caseId: id,
      fields: filledFields(data),
    });
    return record;
  });
}

/** What a caller of an update may ask for besides the record. */
export interface UpdateOptions {
  /** Told the names of the fields that changed (none when the patch changed nothing). */
  onChange?: (fields: readonly string[]) => void;
  /** Added to the audit entry's detail (a restore names the version it restored). */
  auditDetail?: Record<string, unknown>;
}

/**
 * Changes the fields a patch gives: the merged record is checked whole,
 * nothing is written when nothing changes, and `write` stores it (with any
 * checks of what it refers to) before the audit entry names the fields
 * changed. Returns the record as stored.
 */
export async function updateRecord<R extends Stored & Fields>(
  vault: Vault,
  entity: Entity<R>,
  id: string,
  patch: unknown,
  write: (ctx: WriteContext, record: R, fields: string[], before: R) => Promise<void>,
  options: UpdateOptions = {},
): Promise<R> {
  const recordId = checkId(id, entity.kind);
  const changes = parseInput(entity.update, patch, `${entity.kind} update`);
  return writeTransaction(vault, async (ctx) => {
    const before = await entity.load(ctx.tx, recordId);
    const merged = parseInput(entity.record, { ...before, ...changes }, entity.kind);
    assertTerms(entity.kind, merged, ctx.vocab, entity.kind);
    const fields = changedFields(before, merged, entity.fields);
    if (fields.length === 0) {
      options.onChange?.([]);
      return before;
    }
    const record = { ...merged, updatedAt: ctx.now };
    await write(ctx, record, fields, before);
    await auditTx(ctx, entity.kind, 'update', recordId, { ...options.auditDetail, fields });
    options.onChange?.(fields);
    return record;
  });
}

/**
 * Moves one record, with what goes with it, to the trash (./trash.ts); `then`
 * tidies up after it in the same transaction, before the audit entry.
 */
export async function deleteRecord(
  vault: Vault,
  entity: Pick<Entity<Stored & Fields>, 'kind' | 'table'>,
  id: string,
  then?: (ctx: WriteContext) => Promise<void>,
): Promise<TrashEntry> {
  const recordId = checkId(id, entity.kind);
  return writeTransaction(vault, async (ctx) => {
    const entry = await moveToTrashTx(ctx, entity.kind, recordId);
    if (then) await then(ctx);
    await auditTx(ctx, entity.kind, 'delete', recordId, { trash: entry.id });
    return entry;
  });
}

/** Which slice of a list: at most `limit` records (all when absent), after the first `offset`. */
export interface Page {
  limit?: number;
  offset?: number;
}

/** The WHERE clauses of a list query and their values, in order; LIMIT and OFFSET come last. */
export class ListFilter {
  private readonly clauses: string[] = [];
  private readonly values: (string | number)[] = [];

  where(clause: string, ...values: (string | number)[]): void {
    this.clauses.push(clause);
    this.values.push(...values);
  }

  /** Only the records of one case (which must exist), when a case is asked for. */
  async inCase(q: Queryable, caseId: string | undefined): Promise<void> {
    if (caseId !== undefined) this.where('case_id = ?', await existingCaseId(q, caseId));
  }

  /** `WHERE … AND …`, or nothing. */
  get sql(): string {
    return this.clauses.length ? `WHERE ${this.clauses.join(' AND ')}` : '';
  }

  /** The values, then LIMIT (none: -1) and OFFSET. */
  params(page: Page): (string | number)[] {
    return [...this.values, page.limit ?? -1, page.offset ?? 0];
  }
}
