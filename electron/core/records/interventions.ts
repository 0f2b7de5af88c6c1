import { randomUUID } from 'node:crypto';
import {
  interventionCreateSchema,
  interventionRecordSchema,
  interventionUpdateSchema,
  type InterventionCreate,
  type InterventionRecord,
  type InterventionUpdate,
} from '../../../shared/domain/intervention';
import type { Queryable } from '../vault/database';
import type { Vault } from '../vault/vault';
import { assertCaseExists } from './cases';
import { writeTransaction, type WriteContext } from './context';
import { dateFromDb, dateToDb, spanOf } from './dates';
import {
  assertTerms,
  changedFields,
  checkId,
  filledFields,
  notFound,
  parseInput,
} from './validate';

interface InterventionRow {
  id: string;
  case_id: string;
  intervention_type: string;
  mechanism: string | null;
  recipient: string;
  sent_on: string | null;
  reference: string;
  status: string;
  response_on: string | null;
  response: string;
  outcome: string;
  follow_up_on: string | null;
  notes: string;
  created_at: string;
  updated_at: string;
}

const COLUMNS =
  'id, case_id, intervention_type, mechanism, recipient, sent_on, date_lo, date_hi, reference, status, response_on, response, outcome, follow_up_on, notes, created_at, updated_at';
const READ_COLUMNS =
  'id, case_id, intervention_type, mechanism, recipient, sent_on, reference, status, response_on, response, outcome, follow_up_on, notes, created_at, updated_at';
const FIELDS = [
  'interventionType',
  'mechanism',
  'recipient',
  'sentOn',
  'reference',
  'status',
  'responseOn',
  'response',
  'outcome',
  'followUpOn',
  'notes',
] as const;

function fromRow(row: InterventionRow): InterventionRecord {
  return {
    id: row.id,
    caseId: row.case_id,
    interventionType: row.intervention_type,
    mechanism: row.mechanism,
    recipient: row.recipient,
    sentOn: dateFromDb(row.sent_on),
    reference: row.reference,
    status: row.status,
    responseOn: dateFromDb(row.response_on),
    response: row.response,
    outcome: row.outcome,
    followUpOn: row.follow_up_on,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function params(i: InterventionRecord): (string | null)[] {
  const span = spanOf(i.sentOn);
  return [
    i.interventionType,
    i.mechanism,
    i.recipient,
    dateToDb(i.sentOn),
    span.lo,
    span.hi,
    i.reference,
    i.status,
    dateToDb(i.responseOn),
    i.response,
    i.outcome,
    i.followUpOn,
    i.notes,
  ];
}

export async function insertInterventionTx(
  ctx: WriteContext,
  i: InterventionRecord,
): Promise<void> {
  await ctx.sql.run(`INSERT INTO interventions (${COLUMNS}) VALUES (?, ?${', ?'.repeat(15)})`, [
    i.id,
    i.caseId,
    ...params(i),
    i.createdAt,
    i.updatedAt,
  ]);
}

export async function writeInterventionTx(ctx: WriteContext, i: InterventionRecord): Promise<void> {
  await ctx.sql.run(
    `UPDATE interventions SET intervention_type = ?, mechanism = ?, recipient = ?, sent_on = ?, date_lo = ?, date_hi = ?, reference = ?, status = ?,
       response_on = ?, response = ?, outcome = ?, follow_up_on = ?, notes = ?, updated_at = ? WHERE id = ?`,
    [...params(i), i.updatedAt, i.id],
  );
}

export async function loadIntervention(q: Queryable, id: string): Promise<InterventionRecord> {
  const row = await q.get<InterventionRow>(
    `SELECT ${READ_COLUMNS} FROM interventions WHERE id = ?`,
    [id],
  );
  if (!row) throw notFound('intervention', id);
  return fromRow(row);
}

/** Records an urgent appeal, a communication or a letter sent for a case, and what came of it. */
export async function createIntervention(
  vault: Vault,
  caseId: string,
  input: InterventionCreate,
): Promise<InterventionRecord> {
  const id = checkId(caseId, 'case');
  const data = parseInput(interventionCreateSchema, input, 'intervention');
  return writeTransaction(vault, async (ctx) => {
    await assertCaseExists(ctx.tx, id);
    assertTerms('intervention', data, ctx.vocab, 'intervention');
    const record: InterventionRecord = {
      id: randomUUID(),
      caseId: id,
      ...data,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    await insertInterventionTx(ctx, record);
    await vault.record(ctx.tx, {
      action: 'intervention.create',
      entityType: 'intervention',
      entityId: record.id,
      detail: { caseId: id, fields: filledFields(data) },
    });
    return record;
  });
}

export async function getIntervention(vault: Vault, id: string): Promise<InterventionRecord> {
  return loadIntervention(vault.db, checkId(id, 'intervention'));
}

export async function updateIntervention(
  vault: Vault,
  id: string,
  patch: InterventionUpdate,
): Promise<InterventionRecord> {
  const interventionId = checkId(id, 'intervention');
  const changes = parseInput(interventionUpdateSchema, patch, 'intervention update');
  return writeTransaction(vault, async (ctx) => {
    const before = await loadIntervention(ctx.tx, interventionId);
    const merged = parseInput(interventionRecordSchema, { ...before, ...changes }, 'intervention');
    assertTerms('intervention', merged, ctx.vocab, 'intervention');
    const fields = changedFields(before, merged, FIELDS);
    if (fields.length === 0) return before;
    const record = { ...merged, updatedAt: ctx.now };
    await writeInterventionTx(ctx, record);
    await vault.record(ctx.tx, {
      action: 'intervention.update',
      entityType: 'intervention',
      entityId: interventionId,
      detail: { fields },
    });
    return record;
  });
}

export async function deleteIntervention(vault: Vault, id: string): Promise<void> {
  const interventionId = checkId(id, 'intervention');
  await writeTransaction(vault, async (ctx) => {
    const result = await ctx.tx.run('DELETE FROM interventions WHERE id = ?', [interventionId]);
    if (result.changes === 0) throw notFound('intervention', interventionId);
    await vault.record(ctx.tx, {
      action: 'intervention.delete',
      entityType: 'intervention',
      entityId: interventionId,
      detail: {},
    });
  });
}

export interface InterventionListQuery {
  caseId?: string;
  status?: string;
  /** Only those whose follow-up date is on or before this day (YYYY-MM-DD). */
  followUpBy?: string;
  limit?: number;
  offset?: number;
}

export async function listInterventions(
  vault: Vault,
  query: InterventionListQuery = {},
): Promise<InterventionRecord[]> {
  const where: string[] = [];
  const values: (string | number)[] = [];
  if (query.caseId !== undefined) {
    const caseId = checkId(query.caseId, 'case');
    await assertCaseExists(vault.db, caseId);
    where.push('case_id = ?');
    values.push(caseId);
  }
  if (query.status) {
    where.push('status = ?');
    values.push(query.status);
  }
  if (query.followUpBy) {
    where.push('follow_up_on IS NOT NULL AND follow_up_on <= ?');
    values.push(query.followUpBy);
  }
  values.push(query.limit ?? -1, query.offset ?? 0);
  const rows = await vault.db.all<InterventionRow>(
    `SELECT ${READ_COLUMNS} FROM interventions ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY coalesce(date_lo, '9999'), created_at, rowid LIMIT ? OFFSET ?`,
    values,
  );
  return rows.map(fromRow);
}
