import { cjkIndexText } from './searchIndex';
import type { z } from 'zod';
import {
  interventionCreateSchema,
  interventionListQuerySchema,
  interventionRecordSchema,
  interventionUpdateSchema,
  type InterventionCreate,
  type InterventionListQuery,
  type InterventionRecord,
  type InterventionUpdate,
} from '../../../shared/domain/intervention';
import type { Queryable } from '../vault/database';
import type { Vault } from '../vault/vault';
import {
  interventionStepSchema,
  type InterventionStepInput,
} from '../../../shared/domain/interventionState';
import { auditTx, writeTransaction, type WriteContext } from './context';
import {
  addEditedStatusTx,
  addFirstStepTx,
  addStepTx,
  entryOf,
  planStep,
  stepRows,
  type InterventionStepEntry,
} from './interventionStates';
import {
  createInCase,
  deleteRecord,
  ListFilter,
  updateRecord,
  type UpdateOptions,
  type Entity,
} from './crud';
import { dateFromDb, dateToDb, spanOf } from './dates';
import { insertRowTx, recordTable, rowById, updateRowTx } from './table';
import type { TrashEntry } from './trash';
import { assertTerms, changedFields, checkId, parseInput } from './validate';

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

const INTERVENTIONS = recordTable(
  'interventions',
  'intervention_type, mechanism, recipient, sent_on, date_lo, date_hi, reference, status, response_on, response, outcome, follow_up_on, notes, cjk_title, cjk_body',
  { inCase: true },
);
/** What a read needs: the date span is for ordering and filters only. */
const READ_COLUMNS =
  'id, case_id, intervention_type, mechanism, recipient, sent_on, reference, status, response_on, response, outcome, follow_up_on, notes, created_at, updated_at';
const BY_ID = `SELECT ${READ_COLUMNS} FROM interventions WHERE id = ?`;
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
    cjkIndexText([i.recipient, i.reference, i.outcome]),
    cjkIndexText([i.response, i.notes]),
  ];
}

export async function insertInterventionTx(
  ctx: WriteContext,
  i: InterventionRecord,
): Promise<void> {
  await insertRowTx(ctx, INTERVENTIONS, i, params(i));
}

export async function writeInterventionTx(ctx: WriteContext, i: InterventionRecord): Promise<void> {
  await updateRowTx(ctx, INTERVENTIONS, i, params(i));
}

export async function loadIntervention(q: Queryable, id: string): Promise<InterventionRecord> {
  return fromRow(await rowById<InterventionRow>(q, BY_ID, 'intervention', id));
}

const INTERVENTION: Entity<InterventionRecord, z.output<typeof interventionCreateSchema>> = {
  kind: 'intervention',
  table: INTERVENTIONS,
  create: interventionCreateSchema,
  update: interventionUpdateSchema,
  record: interventionRecordSchema,
  fields: FIELDS,
  load: loadIntervention,
};

/** Records an urgent appeal, a communication or a letter sent for a case, and what came of it. */
export async function createIntervention(
  vault: Vault,
  caseId: string,
  input: InterventionCreate,
): Promise<InterventionRecord> {
  return createInCase(vault, INTERVENTION, caseId, input, async (ctx, record) => {
    await insertInterventionTx(ctx, record);
    await addFirstStepTx(ctx, record);
  });
}

export async function getIntervention(vault: Vault, id: string): Promise<InterventionRecord> {
  return loadIntervention(vault.db, checkId(id, 'intervention'));
}

export async function updateIntervention(
  vault: Vault,
  id: string,
  patch: InterventionUpdate,
  options: UpdateOptions = {},
): Promise<InterventionRecord> {
  return updateRecord(
    vault,
    INTERVENTION,
    id,
    patch,
    async (ctx, record, fields, before) => {
      await writeInterventionTx(ctx, record);
      if (fields.includes('status')) await addEditedStatusTx(ctx, before, record);
    },
    options,
  );
}

/**
 * Moves an intervention to its next state on a day (./interventionStates.ts
 * says what is refused and what each step sets). The record is checked whole
 * as any edit is; the audit entry names the step and the fields changed.
 */
export async function moveIntervention(
  vault: Vault,
  id: string,
  input: InterventionStepInput,
): Promise<{ intervention: InterventionRecord; step: InterventionStepEntry }> {
  const interventionId = checkId(id, 'intervention');
  const step = parseInput(interventionStepSchema, input, 'intervention step');
  return writeTransaction(vault, async (ctx) => {
    const before = await loadIntervention(ctx.tx, interventionId);
    const rows = await stepRows(ctx.tx, interventionId);
    const patch = planStep(before, rows, step, vault.now());
    const merged = parseInput(interventionRecordSchema, { ...before, ...patch }, 'intervention');
    assertTerms('intervention', merged, ctx.vocab, 'intervention');
    const record = { ...merged, updatedAt: ctx.now };
    await writeInterventionTx(ctx, record);
    const entry = await addStepTx(ctx, before, rows, step);
    await auditTx(ctx, 'intervention', 'update', interventionId, {
      step: { from: before.status, to: step.state },
      fields: changedFields(before, record, FIELDS),
    });
    return { intervention: record, step: entry };
  });
}

/** Every status an intervention had, in order, dated (none kept for one unchanged since steps were kept). */
export async function listInterventionSteps(
  vault: Vault,
  id: string,
): Promise<InterventionStepEntry[]> {
  const interventionId = checkId(id, 'intervention');
  await loadIntervention(vault.db, interventionId);
  return (await stepRows(vault.db, interventionId)).map(entryOf);
}

export async function deleteIntervention(vault: Vault, id: string): Promise<TrashEntry> {
  return deleteRecord(vault, INTERVENTION, id);
}

export async function listInterventions(
  vault: Vault,
  input: InterventionListQuery = {},
): Promise<InterventionRecord[]> {
  const query = parseInput(interventionListQuerySchema, input, 'intervention list query');
  const filter = new ListFilter();
  await filter.inCase(vault.db, query.caseId);
  if (query.status) filter.where('status = ?', query.status);
  if (query.followUpBy)
    filter.where('follow_up_on IS NOT NULL AND follow_up_on <= ?', query.followUpBy);
  const rows = await vault.db.all<InterventionRow>(
    `SELECT ${READ_COLUMNS} FROM interventions ${filter.sql}
     ORDER BY coalesce(date_lo, '9999'), created_at, rowid LIMIT ? OFFSET ?`,
    filter.params(query),
  );
  return rows.map(fromRow);
}
export type { InterventionListQuery };
