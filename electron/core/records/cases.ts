import { cjkIndexText } from './searchIndex';
import {
  caseCreateSchema,
  caseListQuerySchema,
  caseRecordSchema,
  caseUpdateSchema,
  type CaseCreate,
  type CaseListQuery,
  type CaseRecord,
  type CaseSummary,
  type CaseUpdate,
} from '../../../shared/domain/case';
import { VigilError } from '../errors';
import type { Queryable } from '../vault/database';
import type { Vault } from '../vault/vault';
import { auditTx, writeTransaction, type WriteContext } from './context';
import {
  assertCaseExists,
  ListFilter,
  newRecord,
  updateRecord,
  type Entity,
  type UpdateOptions,
} from './crud';
import { constraintError, json, parseJson, placeholders } from './sql';
import { moveToTrashTx } from './trash';
import { dropEmptySourcesTx } from './persons';
import { insertRowTx, qualified, recordTable, rowById, updateRowTx } from './table';
import { assertTerms, checkId, filledFields, parseInput } from './validate';

interface CaseRow {
  id: string;
  reference: string;
  title: string;
  summary: string;
  status: string;
  countries: string;
  tags: string;
  confidentiality: string;
  created_at: string;
  updated_at: string;
}

const CASES = recordTable(
  'cases',
  'reference, title, summary, status, countries, tags, confidentiality, cjk_title, cjk_body',
  { inCase: false },
);
const CASE_BY_ID = `SELECT ${CASES.columns} FROM cases WHERE id = ?`;
const CASE_FIELDS = [
  'reference',
  'title',
  'summary',
  'status',
  'countries',
  'tags',
  'confidentiality',
] as const;

export function caseFromRow(row: CaseRow): CaseRecord {
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    summary: row.summary,
    status: row.status,
    countries: parseJson<string[]>(row.countries, []),
    tags: parseJson<string[]>(row.tags, []),
    confidentiality: row.confidentiality,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const REFERENCE_PREFIX = 'VIG';

/**
 * The next free `VIG-YYYY-NNNN` reference for the year of `now`. A case in the
 * trash keeps its reference: a new case never takes it (references are
 * quoted to mechanisms and partners), so it comes back under its own.
 */
export async function nextReference(q: Queryable, now: Date): Promise<string> {
  const prefix = `${REFERENCE_PREFIX}-${now.getUTCFullYear()}-`;
  const row = await q.get<{ n: number | null }>(
    `SELECT max(CAST(substr(reference, ?) AS INTEGER)) AS n FROM (
       SELECT reference FROM cases
       UNION ALL
       SELECT json_extract(rows, '$[0].row.reference') FROM trash WHERE kind = 'case'
     ) WHERE reference >= ? AND reference < ?`,
    [prefix.length + 1, prefix, `${prefix.slice(0, -1)}.`],
  );
  return `${prefix}${String((row?.n ?? 0) + 1).padStart(4, '0')}`;
}

export async function referenceTaken(
  q: Queryable,
  reference: string,
  exceptId?: string,
): Promise<boolean> {
  const row = await q.get<{ id: string }>('SELECT id FROM cases WHERE reference = ?', [reference]);
  return row !== undefined && row.id !== exceptId;
}

const referenceConflict = (reference: string) =>
  new VigilError(
    'CONFLICT',
    `Another case already has the reference ${reference}; references are unique (case-insensitive).`,
  );

export async function loadCase(q: Queryable, id: string): Promise<CaseRecord> {
  return caseFromRow(await rowById<CaseRow>(q, CASE_BY_ID, 'case', id));
}

const caseValues = (record: CaseRecord) => [
  record.reference,
  record.title,
  record.summary,
  record.status,
  json(record.countries),
  json(record.tags),
  record.confidentiality,
  cjkIndexText([record.reference, record.title]),
  cjkIndexText([record.summary, ...record.tags]),
];

/** Where a case was begun, when not in this vault (see ./origins.ts). */
export interface CaseOrigin {
  id: string;
  organisation: string | null;
}

const INSERT_WITH_ORIGIN = `INSERT INTO cases (${CASES.columns}, origin_id, origin_org) VALUES (${placeholders(CASES.columns.split(', ').length + 2)})`;

/**
 * Inserts a validated case; the caller checked terms and the reference. An
 * imported case's origin goes in with its row: one plain INSERT, which a
 * bulk import holds and writes with the other cases' (./rowBatch.ts).
 */
export async function insertCaseTx(
  ctx: WriteContext,
  record: CaseRecord,
  origin?: CaseOrigin,
): Promise<void> {
  if (!origin) return insertRowTx(ctx, CASES, record, caseValues(record));
  await ctx.sql.run(INSERT_WITH_ORIGIN, [
    record.id,
    ...caseValues(record),
    record.createdAt,
    record.updatedAt,
    origin.id,
    origin.organisation,
  ]);
}

export async function writeCaseTx(ctx: WriteContext, record: CaseRecord): Promise<void> {
  await updateRowTx(ctx, CASES, record, caseValues(record)).catch((error: unknown) => {
    throw constraintError(error, { unique: referenceConflict(record.reference).message });
  });
}

const CASE: Entity<CaseRecord> = {
  kind: 'case',
  table: CASES,
  create: caseCreateSchema,
  update: caseUpdateSchema,
  record: caseRecordSchema,
  fields: CASE_FIELDS,
  load: loadCase,
};

/** Creates a case. Without a reference, the next `VIG-YYYY-NNNN` is given. */
export async function createCase(vault: Vault, input: CaseCreate): Promise<CaseRecord> {
  const data = parseInput(caseCreateSchema, input, 'case');
  return writeTransaction(vault, async (ctx) => {
    assertTerms('case', data, ctx.vocab, 'case');
    const reference = data.reference ?? (await nextReference(ctx.tx, vault.now()));
    if (await referenceTaken(ctx.tx, reference)) throw referenceConflict(reference);
    const record: CaseRecord = newRecord(ctx, { ...data, reference });
    await insertCaseTx(ctx, record);
    await auditTx(ctx, 'case', 'create', record.id, { fields: filledFields(data) });
    return record;
  });
}

export async function getCase(vault: Vault, id: string): Promise<CaseRecord> {
  return loadCase(vault.db, checkId(id, 'case'));
}

/** Finds a case by id or by its reference (case-insensitive), for the CLI and quick lookups. */
export async function findCase(vault: Vault, idOrReference: string): Promise<CaseRecord> {
  const row = await vault.db.get<CaseRow>(
    `SELECT ${CASES.columns} FROM cases WHERE id = ? OR reference = ?`,
    [idOrReference.toLowerCase(), idOrReference],
  );
  if (!row)
    throw new VigilError(
      'NOT_FOUND',
      `There is no case with the id or reference "${idOrReference.slice(0, 100)}" in this vault.`,
    );
  return caseFromRow(row);
}

/** Changes the fields given; lists are replaced whole. Returns the case as stored. */
export async function updateCase(
  vault: Vault,
  id: string,
  patch: CaseUpdate,
  options: UpdateOptions = {},
): Promise<CaseRecord> {
  return updateRecord(
    vault,
    CASE,
    id,
    patch,
    async (ctx, record, fields) => {
      if (
        fields.includes('reference') &&
        (await referenceTaken(ctx.tx, record.reference, record.id))
      )
        throw referenceConflict(record.reference);
      await writeCaseTx(ctx, record);
    },
    options,
  );
}

/**
 * Moves a case to the trash with its events, testimonies, interventions,
 * evidence, role links and WGAD arguments (one entry, restored as one).
 * Persons stay (they may appear in other cases) unless
 * `deleteUnlinkedPersons` moves those left in no case to the trash too.
 */
export async function deleteCase(
  vault: Vault,
  id: string,
  options: { deleteUnlinkedPersons?: boolean } = {},
): Promise<{
  events: number;
  testimonies: number;
  interventions: number;
  evidence: number;
  persons: number;
  trash: string;
}> {
  const caseId = checkId(id, 'case');
  return writeTransaction(vault, async (ctx) => {
    await assertCaseExists(ctx.tx, caseId);
    const linked = (
      await ctx.tx.all<{ person_id: string }>(
        'SELECT DISTINCT person_id FROM case_persons WHERE case_id = ?',
        [caseId],
      )
    ).map((r) => r.person_id);
    const count = async (table: string) =>
      (
        await ctx.tx.get<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE case_id = ?`, [
          caseId,
        ])
      )?.n ?? 0;
    const counts = {
      events: await count('events'),
      testimonies: await count('testimonies'),
      interventions: await count('interventions'),
      evidence: await count('evidence'),
      persons: 0,
    };
    const entry = await moveToTrashTx(ctx, 'case', caseId);
    if (options.deleteUnlinkedPersons) {
      for (const personId of linked) {
        const elsewhere = await ctx.tx.get(
          'SELECT 1 AS x FROM case_persons WHERE person_id = ? LIMIT 1',
          [personId],
        );
        if (elsewhere) continue;
        const person = await moveToTrashTx(ctx, 'person', personId);
        await auditTx(ctx, 'person', 'delete', personId, { trash: person.id });
        counts.persons += 1;
      }
      await dropEmptySourcesTx(ctx.tx);
    }
    await auditTx(ctx, 'case', 'delete', caseId, { counts, trash: entry.id });
    return { ...counts, trash: entry.id };
  });
}

const SORT_SQL: Record<string, { expr: string; descending: boolean }> = {
  reference: { expr: 'c.reference COLLATE NOCASE', descending: false },
  title: { expr: 'c.title COLLATE NOCASE', descending: false },
  created: { expr: 'c.created_at', descending: true },
  updated: { expr: 'last_change', descending: true },
  status: { expr: 'c.status', descending: false },
  persons: { expr: 'n.persons', descending: true },
  events: { expr: 'n.events', descending: true },
  testimonies: { expr: 'n.testimonies', descending: true },
};

const LIST_COLUMNS = qualified(CASES.columns, 'c');
/** The case's own time or the last change of anything in it, kept by triggers (migration 15). */
const LAST_CHANGE = "max(c.updated_at, coalesce(n.last_change, ''))";

/** Cases with their counts of persons, events, testimonies and interventions. */
export async function listCases(vault: Vault, query: CaseListQuery = {}): Promise<CaseSummary[]> {
  const q = parseInput(caseListQuerySchema, query, 'case list query');
  const filter = new ListFilter();
  if (q.status) filter.where('c.status = ?', q.status);
  if (q.country)
    filter.where('EXISTS (SELECT 1 FROM json_each(c.countries) WHERE value = ?)', q.country);
  if (q.tag)
    filter.where('EXISTS (SELECT 1 FROM json_each(c.tags) WHERE value = ? COLLATE NOCASE)', q.tag);
  if (q.eventType)
    filter.where(
      'EXISTS (SELECT 1 FROM events e WHERE e.case_id = c.id AND e.event_type = ?)',
      q.eventType,
    );
  const sort = SORT_SQL[q.sort]!;
  const descending = q.descending ?? sort.descending;
  // Counts come from case_counts, which triggers keep: the list never counts rows.
  const rows = await vault.db.all<
    CaseRow & {
      n_persons: number;
      n_events: number;
      n_testimonies: number;
      n_interventions: number;
      last_change: string;
    }
  >(
    `SELECT ${LIST_COLUMNS},
        n.persons AS n_persons, n.events AS n_events, n.testimonies AS n_testimonies, n.interventions AS n_interventions,
        ${LAST_CHANGE} AS last_change
     FROM cases c JOIN case_counts n ON n.case_id = c.id
     ${filter.sql}
     ORDER BY ${sort.expr} ${descending ? 'DESC' : 'ASC'}, c.reference COLLATE NOCASE
     LIMIT ? OFFSET ?`,
    filter.params(q),
  );
  return rows.map((row) => ({
    ...caseFromRow(row),
    counts: {
      persons: row.n_persons,
      events: row.n_events,
      testimonies: row.n_testimonies,
      interventions: row.n_interventions,
    },
    lastChange: row.last_change,
  }));
}
