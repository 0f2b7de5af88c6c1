import { cjkIndexText } from './searchIndex';
import type { z } from 'zod';
import type { ConsentRecord } from '../../../shared/domain/consent';
import {
  testimonyCreateSchema,
  testimonyListQuerySchema,
  testimonyRecordSchema,
  testimonyUpdateSchema,
  type TestimonyCreate,
  type TestimonyListQuery,
  type TestimonyRecord,
  type TestimonySummary,
  type TestimonyUpdate,
} from '../../../shared/domain/testimony';
import { isoDay } from '../../../shared/domain/partialDate';
import { foldSearchText } from '../../../shared/domain/searchText';
import { VigilError } from '../errors';
import type { Queryable } from '../vault/database';
import type { Vault } from '../vault/vault';
import type { WriteContext } from './context';
import {
  createInCase,
  deleteRecord,
  ListFilter,
  updateRecord,
  type UpdateOptions,
  type Entity,
} from './crud';
import { dateFromDb, dateToDb, spanOf } from './dates';
import { assertPersonsExist, dropEmptySourcesTx, linkTx } from './persons';
import { json } from './sql';
import { insertRowTx, recordTable, rowById, updateRowTx } from './table';
import type { TrashEntry } from './trash';
import { addVersionTx, sealLatestTx, versionPatch, type VersionSummary } from './versions';
import { auditTx, writeTransaction } from './context';
import { checkId, parseInput } from './validate';

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

const TESTIMONIES = recordTable(
  'testimonies',
  'witness_id, witness_description, interviewer, taken_on, sort_key, date_lo, date_hi, place, country, language, method, statement, translation, translation_language, statement_fold, translation_fold, consent, cjk_title',
  { inCase: true },
);
/** What a read needs: the date span and the folded texts are for ordering and search only. */
const READ_COLUMNS =
  'id, case_id, witness_id, witness_description, interviewer, taken_on, place, country, language, method, statement, translation, translation_language, consent, created_at, updated_at';
const BY_ID = `SELECT ${READ_COLUMNS} FROM testimonies WHERE id = ?`;
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
    cjkIndexText([t.witnessDescription, t.place]),
  ];
}

export async function insertTestimonyTx(ctx: WriteContext, t: TestimonyRecord): Promise<void> {
  await insertRowTx(ctx, TESTIMONIES, t, params(t));
}

export async function writeTestimonyTx(ctx: WriteContext, t: TestimonyRecord): Promise<void> {
  await updateRowTx(ctx, TESTIMONIES, t, params(t));
}

export async function loadTestimony(q: Queryable, id: string): Promise<TestimonyRecord> {
  return testimonyFromRow(await rowById<TestimonyRow>(q, BY_ID, 'testimony', id));
}

const TESTIMONY: Entity<TestimonyRecord, z.output<typeof testimonyCreateSchema>> = {
  kind: 'testimony',
  table: TESTIMONIES,
  create: testimonyCreateSchema,
  update: testimonyUpdateSchema,
  record: testimonyRecordSchema,
  fields: FIELDS,
  load: loadTestimony,
};

/** A named witness must be a person of this vault; they are linked to the case as a witness. */
const checkWitness = (q: Queryable, witnessId: string) =>
  assertPersonsExist(q, [witnessId], 'witness (person)');

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
  return createInCase(vault, TESTIMONY, caseId, input, async (ctx, record) => {
    if (record.witnessId) await checkWitness(ctx.tx, record.witnessId);
    await insertTestimonyTx(ctx, record);
    if (record.witnessId) await linkTx(ctx, record.caseId, record.witnessId, 'witness');
    await addVersionTx(ctx, 'testimony', record, []);
  });
}

export async function getTestimony(vault: Vault, id: string): Promise<TestimonyRecord> {
  return loadTestimony(vault.db, checkId(id, 'testimony'));
}

export async function updateTestimony(
  vault: Vault,
  id: string,
  patch: TestimonyUpdate,
  options: UpdateOptions = {},
): Promise<TestimonyRecord> {
  return updateRecord(
    vault,
    TESTIMONY,
    id,
    patch,
    async (ctx, record, fields, before) => {
      const newWitness = fields.includes('witnessId') ? record.witnessId : null;
      if (newWitness) await checkWitness(ctx.tx, newWitness);
      await writeTestimonyTx(ctx, record);
      if (newWitness) await linkTx(ctx, record.caseId, newWitness, 'witness');
      await addVersionTx(ctx, 'testimony', record, fields, before);
    },
    options,
  );
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

/**
 * Seals the current version of a testimony (Martus-style): the SHA-256 of its
 * content is recorded with it and in the audit log, and the vault refuses any
 * change to it; a later edit is a new version beside it.
 */
export async function sealTestimony(vault: Vault, id: string): Promise<VersionSummary> {
  const testimonyId = checkId(id, 'testimony');
  return writeTransaction(vault, async (ctx) => {
    const record = await loadTestimony(ctx.tx, testimonyId);
    const sealed = await sealLatestTx(ctx, 'testimony', record);
    await auditTx(ctx, 'testimony', 'seal', testimonyId, {
      version: sealed.version,
      sha256: sealed.sealed!.sha256,
    });
    return sealed;
  });
}

/**
 * Makes version `n` of a testimony current again, as a new version (through
 * the same checks as any edit): the versions in between are kept.
 */
export async function restoreTestimonyVersion(
  vault: Vault,
  id: string,
  n: number,
  options: UpdateOptions = {},
): Promise<TestimonyRecord> {
  const patch = await versionPatch(vault, 'testimony', id, n, FIELDS);
  return updateTestimony(vault, id, patch, {
    ...options,
    auditDetail: { ...options.auditDetail, restoredVersion: n },
  });
}

export async function deleteTestimony(vault: Vault, id: string): Promise<TrashEntry> {
  return deleteRecord(vault, TESTIMONY, id, (ctx) => dropEmptySourcesTx(ctx.tx));
}

/** Testimonies in the order they were taken, without their texts (see `getTestimony`). */
export async function listTestimonies(
  vault: Vault,
  input: TestimonyListQuery = {},
): Promise<TestimonySummary[]> {
  const query = parseInput(testimonyListQuerySchema, input, 'testimony list query');
  const filter = new ListFilter();
  await filter.inCase(vault.db, query.caseId);
  if (query.witnessId !== undefined) filter.where('witness_id = ?', query.witnessId);
  const rows = await vault.db.all<
    Omit<TestimonyRow, 'statement' | 'translation'> & {
      statement_bytes: number;
      translation_bytes: number;
    }
  >(
    `SELECT ${META_COLUMNS}, octet_length(statement) AS statement_bytes, octet_length(translation) AS translation_bytes
     FROM testimonies ${filter.sql}
     ORDER BY sort_key, created_at, rowid LIMIT ? OFFSET ?`,
    filter.params(query),
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
export type { TestimonyListQuery };
