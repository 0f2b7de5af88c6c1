import { randomUUID } from 'node:crypto';
import type { ConsentRecord } from '../../../shared/domain/consent';
import {
  testimonyCreateSchema,
  testimonyRecordSchema,
  testimonyUpdateSchema,
  type TestimonyCreate,
  type TestimonyRecord,
  type TestimonySummary,
  type TestimonyUpdate,
} from '../../../shared/domain/testimony';
import { isoDay } from '../../../shared/domain/partialDate';
import { foldSearchText } from '../../../shared/domain/searchText';
import { VigilError } from '../errors';
import type { Queryable } from '../vault/database';
import type { Vault } from '../vault/vault';
import { assertCaseExists } from './cases';
import { writeTransaction, type WriteContext } from './context';
import { dateFromDb, dateToDb, spanOf } from './dates';
import { assertPersonsExist, dropEmptySourcesTx, linkTx } from './persons';
import { json } from './sql';
import {
  assertTerms,
  changedFields,
  checkId,
  filledFields,
  notFound,
  parseInput,
} from './validate';

interface TestimonyRow {
  id: string;
  case_id: string;
  witness_id: string | null;
  witness_description: string;
  interviewer: string;
  taken_on: string;
  place: string;
  country: string | null;
  language: string | null;
  method: string | null;
  statement: string;
  translation: string;
  translation_language: string | null;
  consent: string;
  created_at: string;
  updated_at: string;
}

const COLUMNS =
  'id, case_id, witness_id, witness_description, interviewer, taken_on, sort_key, date_lo, date_hi, place, country, language, method, statement, translation, translation_language, statement_fold, translation_fold, consent, created_at, updated_at';
const READ_COLUMNS =
  'id, case_id, witness_id, witness_description, interviewer, taken_on, place, country, language, method, statement, translation, translation_language, consent, created_at, updated_at';
const META_COLUMNS =
  'id, case_id, witness_id, witness_description, interviewer, taken_on, place, country, language, method, translation_language, consent, created_at, updated_at';

const FIELDS = [
  'witnessId',
  'witnessDescription',
  'interviewer',
  'takenOn',
  'place',
  'country',
  'language',
  'method',
  'statement',
  'translation',
  'translationLanguage',
  'consent',
] as const;

function testimonyFromRow(row: TestimonyRow): TestimonyRecord {
  return {
    id: row.id,
    caseId: row.case_id,
    witnessId: row.witness_id,
    witnessDescription: row.witness_description,
    interviewer: row.interviewer,
    takenOn: dateFromDb(row.taken_on)!,
    place: row.place,
    country: row.country,
    language: row.language,
    method: row.method,
    statement: row.statement,
    translation: row.translation,
    translationLanguage: row.translation_language,
    consent: JSON.parse(row.consent) as ConsentRecord,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The folded text for the index, or null when folding changes nothing (most text). */
const foldedOrNull = (text: string): string | null => {
  const folded = foldSearchText(text);
  return folded === text ? null : folded;
};

function params(t: TestimonyRecord): (string | null)[] {
  const span = spanOf(t.takenOn);
  return [
    t.witnessId,
    t.witnessDescription,
    t.interviewer,
    dateToDb(t.takenOn),
    span.sortKey,
    span.lo,
    span.hi,
    t.place,
    t.country,
    t.language,
    t.method,
    t.statement,
    t.translation,
    t.translationLanguage,
    foldedOrNull(t.statement),
    foldedOrNull(t.translation),
    json(t.consent),
  ];
}

export async function insertTestimonyTx(ctx: WriteContext, t: TestimonyRecord): Promise<void> {
  await ctx.sql.run(`INSERT INTO testimonies (${COLUMNS}) VALUES (?, ?${', ?'.repeat(19)})`, [
    t.id,
    t.caseId,
    ...params(t),
    t.createdAt,
    t.updatedAt,
  ]);
}

export async function writeTestimonyTx(ctx: WriteContext, t: TestimonyRecord): Promise<void> {
  await ctx.sql.run(
    `UPDATE testimonies SET witness_id = ?, witness_description = ?, interviewer = ?, taken_on = ?, sort_key = ?, date_lo = ?, date_hi = ?, place = ?,
       country = ?, language = ?, method = ?, statement = ?, translation = ?, translation_language = ?, statement_fold = ?, translation_fold = ?, consent = ?, updated_at = ? WHERE id = ?`,
    [...params(t), t.updatedAt, t.id],
  );
}

export async function loadTestimony(q: Queryable, id: string): Promise<TestimonyRecord> {
  const row = await q.get<TestimonyRow>(`SELECT ${READ_COLUMNS} FROM testimonies WHERE id = ?`, [
    id,
  ]);
  if (!row) throw notFound('testimony', id);
  return testimonyFromRow(row);
}

/**
 * Records a testimony. Without a consent record, the most protective one
 * applies: internal use only, nobody named. A named witness is linked to the
 * case as a witness.
 */
export async function createTestimony(
  vault: Vault,
  caseId: string,
  input: TestimonyCreate,
): Promise<TestimonyRecord> {
  const id = checkId(caseId, 'case');
  const data = parseInput(testimonyCreateSchema, input, 'testimony');
  return writeTransaction(vault, async (ctx) => {
    await assertCaseExists(ctx.tx, id);
    assertTerms('testimony', data, ctx.vocab, 'testimony');
    if (data.witnessId) await assertPersonsExist(ctx.tx, [data.witnessId], 'witness (person)');
    const record: TestimonyRecord = {
      id: randomUUID(),
      caseId: id,
      ...data,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    await insertTestimonyTx(ctx, record);
    if (record.witnessId) await linkTx(ctx, id, record.witnessId, 'witness');
    await vault.record(ctx.tx, {
      action: 'testimony.create',
      entityType: 'testimony',
      entityId: record.id,
      detail: { caseId: id, fields: filledFields(data) },
    });
    return record;
  });
}

export async function getTestimony(vault: Vault, id: string): Promise<TestimonyRecord> {
  return loadTestimony(vault.db, checkId(id, 'testimony'));
}

export async function updateTestimony(
  vault: Vault,
  id: string,
  patch: TestimonyUpdate,
): Promise<TestimonyRecord> {
  const testimonyId = checkId(id, 'testimony');
  const changes = parseInput(testimonyUpdateSchema, patch, 'testimony update');
  return writeTransaction(vault, async (ctx) => {
    const before = await loadTestimony(ctx.tx, testimonyId);
    const merged = parseInput(testimonyRecordSchema, { ...before, ...changes }, 'testimony');
    assertTerms('testimony', merged, ctx.vocab, 'testimony');
    const fields = changedFields(before, merged, FIELDS);
    if (fields.length === 0) return before;
    if (merged.witnessId && fields.includes('witnessId'))
      await assertPersonsExist(ctx.tx, [merged.witnessId], 'witness (person)');
    const record = { ...merged, updatedAt: ctx.now };
    await writeTestimonyTx(ctx, record);
    if (record.witnessId && fields.includes('witnessId'))
      await linkTx(ctx, record.caseId, record.witnessId, 'witness');
    await vault.record(ctx.tx, {
      action: 'testimony.update',
      entityType: 'testimony',
      entityId: testimonyId,
      detail: { fields },
    });
    return record;
  });
}

/**
 * Records that consent was withdrawn (today unless `on` is given). The
 * statement stays in the vault; every export leaves it out from now on.
 */
export async function withdrawTestimonyConsent(
  vault: Vault,
  id: string,
  on?: string,
): Promise<TestimonyRecord> {
  const testimony = await getTestimony(vault, id);
  if (testimony.consent.withdrawn)
    throw new VigilError('CONFLICT', 'Consent for this testimony was already withdrawn.');
  return updateTestimony(vault, testimony.id, {
    consent: { ...testimony.consent, withdrawn: true, withdrawnOn: on ?? isoDay(vault.now()) },
  });
}

export async function deleteTestimony(vault: Vault, id: string): Promise<void> {
  const testimonyId = checkId(id, 'testimony');
  await writeTransaction(vault, async (ctx) => {
    const result = await ctx.tx.run('DELETE FROM testimonies WHERE id = ?', [testimonyId]);
    if (result.changes === 0) throw notFound('testimony', testimonyId);
    await dropEmptySourcesTx(ctx.tx);
    await vault.record(ctx.tx, {
      action: 'testimony.delete',
      entityType: 'testimony',
      entityId: testimonyId,
      detail: {},
    });
  });
}

export interface TestimonyListQuery {
  caseId?: string;
  witnessId?: string;
  limit?: number;
  offset?: number;
}

/** Testimonies in the order they were taken, without their texts (see `getTestimony`). */
export async function listTestimonies(
  vault: Vault,
  query: TestimonyListQuery = {},
): Promise<TestimonySummary[]> {
  const where: string[] = [];
  const values: (string | number)[] = [];
  if (query.caseId !== undefined) {
    const caseId = checkId(query.caseId, 'case');
    await assertCaseExists(vault.db, caseId);
    where.push('case_id = ?');
    values.push(caseId);
  }
  if (query.witnessId !== undefined) {
    where.push('witness_id = ?');
    values.push(checkId(query.witnessId, 'person'));
  }
  values.push(query.limit ?? -1, query.offset ?? 0);
  const rows = await vault.db.all<
    Omit<TestimonyRow, 'statement' | 'translation'> & {
      statement_bytes: number;
      translation_bytes: number;
    }
  >(
    `SELECT ${META_COLUMNS}, octet_length(statement) AS statement_bytes, octet_length(translation) AS translation_bytes
     FROM testimonies ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY sort_key, created_at, rowid LIMIT ? OFFSET ?`,
    values,
  );
  return rows.map((row) => {
    const {
      statement: _s,
      translation: _t,
      ...rest
    } = testimonyFromRow({ ...row, statement: '', translation: '' });
    return {
      ...rest,
      statementBytes: row.statement_bytes,
      hasTranslation: row.translation_bytes > 0,
    };
  });
}
