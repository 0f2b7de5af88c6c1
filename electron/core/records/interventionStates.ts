import type { InterventionRecord } from '../../../shared/domain/intervention';
import {
  transitionProblem,
  transitionProblemCode,
  type InterventionStep,
  type InterventionStepRecord,
} from '../../../shared/domain/interventionState';
import { dateBounds, localIsoDay, parsePartialDate } from '../../../shared/domain/partialDate';
import type { FieldProblem } from '../../../shared/domain/issues';
import { InvalidInput } from './validate';
import type { Queryable } from '../vault/database';
import type { WriteContext } from './context';
import { dateToDb } from './dates';

// The dated steps of an intervention (shared/domain/interventionState.ts):
// kept in intervention_states, one row per change of status, in order. The
// creation and an edit of the status are kept too (`via`), so the list is
// the whole story, though only a step is checked against the order.

type Via = 'create' | 'step' | 'edit';

export interface StepRow {
  position: number;
  state: string;
  on_date: string | null;
  number: string;
  via: Via;
  actor: string;
  recorded_at: string;
}

export interface InterventionStepEntry extends InterventionStepRecord {
  /** How the status came: at creation, by a step, or corrected by an edit. */
  via: Via;
}

export const entryOf = (row: StepRow): InterventionStepEntry => ({
  position: row.position,
  state: row.state,
  on: row.on_date,
  number: row.number,
  via: row.via,
  actor: row.actor,
  recordedAt: row.recorded_at,
});

export async function stepRows(q: Queryable, id: string): Promise<StepRow[]> {
  return q.all<StepRow>(
    'SELECT * FROM intervention_states WHERE intervention_id = ? ORDER BY position',
    [id],
  );
}

async function insertStep(
  ctx: WriteContext,
  id: string,
  row: Omit<StepRow, 'actor' | 'recorded_at'> & { actor?: string; recorded_at?: string },
): Promise<void> {
  await ctx.sql.run(
    `INSERT INTO intervention_states
       (intervention_id, position, state, on_date, number, via, actor, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      id,
      row.position,
      row.state,
      row.on_date,
      row.number,
      row.via,
      row.actor ?? ctx.vault.actor,
      row.recorded_at ?? ctx.now,
    ],
  );
}

/** The status an intervention starts with, dated by the date sent when it was sent. */
function firstRow(i: InterventionRecord, via: Via): Omit<StepRow, 'actor' | 'recorded_at'> {
  return {
    position: 1,
    state: i.status,
    on_date: i.status === 'draft' ? null : dateToDb(i.sentOn),
    number: '',
    via,
  };
}

/** Keeps the status a new intervention starts with (in the creating transaction). */
export async function addFirstStepTx(ctx: WriteContext, i: InterventionRecord): Promise<void> {
  await insertStep(ctx, i.id, firstRow(i, 'create'));
}

/**
 * Keeps a status an edit set, undated: an edit corrects the record and is not
 * checked against the order. An intervention stored before steps were kept
 * gets its earlier status first.
 */
export async function addEditedStatusTx(
  ctx: WriteContext,
  before: InterventionRecord,
  after: InterventionRecord,
): Promise<void> {
  const position = await nextPositionTx(ctx, before, await stepRows(ctx.tx, before.id));
  await insertStep(ctx, after.id, {
    position,
    state: after.status,
    on_date: null,
    number: '',
    via: 'edit',
  });
}

/**
 * The position of the next row; an intervention stored before steps were
 * kept first gets its earlier status (by an unknown hand, when it was made).
 */
async function nextPositionTx(
  ctx: WriteContext,
  before: InterventionRecord,
  rows: readonly StepRow[],
): Promise<number> {
  if (rows.length > 0) return rows.length + 1;
  await insertStep(ctx, before.id, {
    ...firstRow(before, 'create'),
    actor: 'unknown',
    recorded_at: before.createdAt,
  });
  return 2;
}

/** The latest day a step may not come before: the latest known day of the steps so far. */
function floorOf(rows: readonly StepRow[]): { day: string; state: string } | null {
  let floor: { day: string; state: string } | null = null;
  for (const row of rows) {
    if (!row.on_date) continue;
    const bounds = dateBounds(parsePartialDate(row.on_date));
    if (bounds && (!floor || bounds.lo > floor.day)) floor = { day: bounds.lo, state: row.state };
  }
  return floor;
}

/**
 * Checks a step against the intervention and its steps so far, and returns
 * the fields it changes: sent sets the date sent, a reply the date of the
 * response, an opinion or decision the outcome (its number). Refused: a step
 * back or out of closed, a day in the future or before the last step's.
 */
export function planStep(
  before: InterventionRecord,
  rows: readonly StepRow[],
  step: InterventionStep,
  now: Date,
): Partial<InterventionRecord> {
  // The code lets a front-end word the refusal in its own language.
  const refused = (why: string, path: 'state' | 'on', problem: FieldProblem) =>
    new InvalidInput(
      'intervention step',
      [{ path, message: why, problem }],
      `The intervention cannot move to ${step.state} on ${step.on}: ${why}. Nothing was changed.`,
    );
  const problem = transitionProblem(before.status, step.state);
  const code = transitionProblemCode(before.status, step.state);
  if (problem && code) throw refused(problem, 'state', code);
  // The later of the local and the UTC day, so that no time zone refuses today.
  const today = [localIsoDay(now), now.toISOString().slice(0, 10)].sort()[1]!;
  if (step.on > today)
    throw refused(`that day has not come yet (today is ${today})`, 'on', 'day-in-future');
  const floor = floorOf(
    rows.length ? rows : [{ ...firstRow(before, 'create'), actor: '', recorded_at: '' }],
  );
  if (floor && step.on < floor.day)
    throw refused(
      `it was ${floor.state} on ${floor.day}, and steps go forward in time`,
      'on',
      'day-before-last-step',
    );
  const patch: Partial<InterventionRecord> = { status: step.state };
  if (step.state === 'sent') patch.sentOn = { value: step.on, qualifier: 'exact' };
  if (step.state === 'response-received') patch.responseOn = { value: step.on, qualifier: 'exact' };
  if (step.state === 'decision-issued') patch.outcome = step.number?.trim() ?? '';
  return patch;
}

/** Adds a step's row after the others (keeping the earlier status first if none was kept). */
export async function addStepTx(
  ctx: WriteContext,
  before: InterventionRecord,
  rows: readonly StepRow[],
  step: InterventionStep,
): Promise<InterventionStepEntry> {
  const row = {
    position: await nextPositionTx(ctx, before, rows),
    state: step.state,
    on_date: step.on,
    number: step.number?.trim() ?? '',
    via: 'step' as const,
  };
  await insertStep(ctx, before.id, row);
  return entryOf({ ...row, actor: ctx.vault.actor, recorded_at: ctx.now });
}

/** A step as a case document carries it (shared/domain/caseDocument.ts). */
export interface CarriedStep {
  state: string;
  on: string | null;
  number: string;
  via: Via;
  actor: string;
  recordedAt: string;
}

/** The steps of an intervention, as a case document carries them (oldest first). */
export async function carriedSteps(q: Queryable, id: string): Promise<CarriedStep[]> {
  return (await stepRows(q, id)).map((row) => ({
    state: row.state,
    on: row.on_date,
    number: row.number,
    via: row.via,
    actor: row.actor,
    recordedAt: row.recorded_at,
  }));
}

const stepKey = (s: CarriedStep): string =>
  JSON.stringify([s.state, s.on, s.number, s.via, s.actor, s.recordedAt]);

/**
 * Adds the imported steps an intervention does not have yet, after its own,
 * in the document's order: importing the same story twice (an update, a case
 * that comes back) adds nothing, and nothing kept here is changed or lost.
 * Returns how many were added.
 */
export async function mergeStepsTx(
  ctx: WriteContext,
  id: string,
  steps: readonly CarriedStep[],
): Promise<number> {
  if (steps.length === 0) return 0;
  const kept = await carriedSteps(ctx.tx, id);
  const have = new Set(kept.map(stepKey));
  let position = kept.length;
  let added = 0;
  for (const step of steps) {
    const key = stepKey(step);
    if (have.has(key)) continue;
    have.add(key);
    position += 1;
    added += 1;
    await insertStep(ctx, id, {
      position,
      state: step.state,
      on_date: step.on,
      number: step.number,
      via: step.via,
      actor: step.actor,
      recorded_at: step.recordedAt,
    });
  }
  return added;
}
