import { cjkIndexText } from './searchIndex';
import type { ConsentRecord } from '../../../shared/domain/consent';
import {
  personCreateSchema,
  personListQuerySchema,
  personRecordSchema,
  personUpdateSchema,
  type CasePerson,
  type ContactDetails,
  type IdentityDocument,
  type PersonCreate,
  type PersonListQuery,
  type PersonRecord,
  type PersonSummary,
  type PersonUpdate,
} from '../../../shared/domain/person';
import { unknownTermIssue } from '../../../shared/domain/vocabCheck';
import type { Queryable } from '../vault/database';
import type { Vault } from '../vault/vault';
import { auditTx, writeTransaction, type WriteContext } from './context';
import {
  assertCaseExists,
  deleteRecord,
  existingCaseId,
  ListFilter,
  newRecord,
  updateRecord,
  type Entity,
  type UpdateOptions,
} from './crud';
import type { TrashEntry } from './trash';
import { addVersionTx, versionPatch } from './versions';
import { dateFromDb, dateToDb } from './dates';
import { bool, chunks, json, parseJson, placeholders } from './sql';
import { insertRowTx, qualified, recordTable, rowById, updateRowTx } from './table';
import { assertTerms, checkId, filledFields, invalidInput, notFound, parseInput } from './validate';

interface PersonRow {
  id: string;
  person_type: string;
  name: string;
  family_name: string;
  given_name: string;
  family_name_latin: string;
  given_name_latin: string;
  aliases: string;
  pseudonym: string;
  sex: string | null;
  birth_date: string | null;
  age: number | null;
  nationalities: string;
  identity_documents: string;
  occupation: string;
  hrd_work: string;
  affiliation: string;
  residence: string;
  contact: string;
  deceased: number;
  death_date: string | null;
  notes: string;
  consent: string | null;
  created_at: string;
  updated_at: string;
}

const PERSONS = recordTable(
  'persons',
  'person_type, name, family_name, given_name, family_name_latin, given_name_latin, aliases, pseudonym, sex, birth_date, age, nationalities, identity_documents, occupation, hrd_work, affiliation, residence, contact, deceased, death_date, notes, consent, cjk_title, cjk_body',
  { inCase: false },
);
export const PERSON_COLUMNS = PERSONS.columns;
const PERSON_BY_ID = `SELECT ${PERSON_COLUMNS} FROM persons WHERE id = ?`;
/** The columns with the persons table aliased as `p`, for joins. */
const P_COLUMNS = qualified(PERSON_COLUMNS, 'p');

const PERSON_FIELDS = [
  'personType',
  'name',
  'familyName',
  'givenName',
  'familyNameLatin',
  'givenNameLatin',
  'aliases',
  'pseudonym',
  'sex',
  'birthDate',
  'age',
  'nationalities',
  'identityDocuments',
  'occupation',
  'hrdWork',
  'affiliation',
  'residence',
  'contact',
  'deceased',
  'deathDate',
  'notes',
  'consent',
] as const;

export function personFromRow(row: PersonRow): PersonRecord {
  return {
    id: row.id,
    personType: row.person_type,
    name: row.name,
    familyName: row.family_name,
    givenName: row.given_name,
    familyNameLatin: row.family_name_latin,
    givenNameLatin: row.given_name_latin,
    aliases: parseJson<string[]>(row.aliases, []),
    pseudonym: row.pseudonym,
    sex: row.sex,
    birthDate: dateFromDb(row.birth_date),
    age: row.age,
    nationalities: parseJson<string[]>(row.nationalities, []),
    identityDocuments: parseJson<IdentityDocument[]>(row.identity_documents, []),
    occupation: row.occupation,
    hrdWork: parseJson<string[]>(row.hrd_work, []),
    affiliation: row.affiliation,
    residence: row.residence,
    contact: parseJson<ContactDetails>(row.contact, {
      phone: '',
      email: '',
      messaging: '',
      address: '',
      other: '',
    }),
    deceased: row.deceased === 1,
    deathDate: dateFromDb(row.death_date),
    notes: row.notes,
    consent: parseJson<ConsentRecord | null>(row.consent, null),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function personParams(p: PersonRecord): (string | number | null)[] {
  return [
    p.personType,
    p.name,
    p.familyName,
    p.givenName,
    p.familyNameLatin,
    p.givenNameLatin,
    json(p.aliases),
    p.pseudonym,
    p.sex,
    dateToDb(p.birthDate),
    p.age,
    json(p.nationalities),
    json(p.identityDocuments),
    p.occupation,
    json(p.hrdWork),
    p.affiliation,
    p.residence,
    json(p.contact),
    bool(p.deceased),
    dateToDb(p.deathDate),
    p.notes,
    p.consent ? json(p.consent) : null,
    cjkIndexText([p.name, p.familyName, p.givenName, ...p.aliases, p.pseudonym]),
    cjkIndexText([p.occupation, p.affiliation, p.notes]),
  ];
}

export async function insertPersonTx(ctx: WriteContext, p: PersonRecord): Promise<void> {
  await insertRowTx(ctx, PERSONS, p, personParams(p));
}

export async function writePersonTx(ctx: WriteContext, p: PersonRecord): Promise<void> {
  await updateRowTx(ctx, PERSONS, p, personParams(p));
}

export async function loadPerson(q: Queryable, id: string): Promise<PersonRecord> {
  return personFromRow(await rowById<PersonRow>(q, PERSON_BY_ID, 'person', id));
}

const PERSON: Entity<PersonRecord> = {
  kind: 'person',
  table: PERSONS,
  create: personCreateSchema,
  update: personUpdateSchema,
  record: personRecordSchema,
  fields: PERSON_FIELDS,
  load: loadPerson,
};

/** Fails with the first id that names no person. */
export async function assertPersonsExist(
  q: Queryable,
  ids: readonly string[],
  what = 'person',
): Promise<void> {
  const unique = [...new Set(ids)];
  for (const part of chunks(unique)) {
    const found = new Set(
      (
        await q.all<{ id: string }>(
          `SELECT id FROM persons WHERE id IN (${placeholders(part.length)})`,
          part,
        )
      ).map((r) => r.id),
    );
    const missing = part.find((id) => !found.has(id));
    if (missing) throw notFound(what, missing);
  }
}

function assertRole(ctx: WriteContext, role: string): void {
  if (!ctx.vocab.has('person-role', role)) {
    throw invalidInput('role', [
      unknownTermIssue(ctx.vocab, { path: 'role', vocabulary: 'person-role', id: role }),
    ]);
  }
}

/** Links a person to a case in a role; true when the link is new. */
export async function linkTx(
  ctx: WriteContext,
  caseId: string,
  personId: string,
  role: string,
): Promise<boolean> {
  const before = await ctx.sql.get<{ x: number }>(
    'SELECT 1 AS x FROM case_persons WHERE case_id = ? AND person_id = ? AND role = ?',
    [caseId, personId, role],
  );
  if (before) return false;
  await ctx.sql.run(
    'INSERT INTO case_persons (case_id, person_id, role, created_at) VALUES (?, ?, ?, ?)',
    [caseId, personId, role, ctx.now],
  );
  await auditTx(ctx, 'person', 'link', personId, { caseId, fields: ['role'] });
  return true;
}

/**
 * Creates a person, and links them to a case in a role when `link` is given.
 * The same person can later be linked to other cases (`linkPerson`).
 */
export async function createPerson(
  vault: Vault,
  input: PersonCreate,
  link?: { caseId: string; role: string },
): Promise<PersonRecord> {
  const data = parseInput(personCreateSchema, input, 'person');
  const caseId = link ? checkId(link.caseId, 'case') : undefined;
  return writeTransaction(vault, async (ctx) => {
    assertTerms('person', data, ctx.vocab, 'person');
    if (link && caseId) {
      await assertCaseExists(ctx.tx, caseId);
      assertRole(ctx, link.role);
    }
    const record: PersonRecord = newRecord(ctx, data);
    await insertPersonTx(ctx, record);
    await auditTx(ctx, 'person', 'create', record.id, { fields: filledFields(data) });
    if (link && caseId) await linkTx(ctx, caseId, record.id, link.role);
    return record;
  });
}

export async function getPerson(vault: Vault, id: string): Promise<PersonRecord> {
  return loadPerson(vault.db, checkId(id, 'person'));
}

export async function updatePerson(
  vault: Vault,
  id: string,
  patch: PersonUpdate,
  options: UpdateOptions = {},
): Promise<PersonRecord> {
  return updateRecord(
    vault,
    PERSON,
    id,
    patch,
    async (ctx, record, fields, before) => {
      await writePersonTx(ctx, record);
      await addVersionTx(ctx, 'person', record, fields, before);
    },
    options,
  );
}

/**
 * Makes version `n` of a person current again, consent record included, as a
 * new version (through the same checks as any edit): the versions in between
 * are kept, and a change of consent shows in the consent history.
 */
export async function restorePersonVersion(
  vault: Vault,
  id: string,
  n: number,
  options: UpdateOptions = {},
): Promise<PersonRecord> {
  const patch = await versionPatch(vault, 'person', id, n, PERSON_FIELDS);
  return updatePerson(vault, id, patch, {
    ...options,
    auditDetail: { ...options.auditDetail, restoredVersion: n },
  });
}

/**
 * Deletes a person everywhere: their role links, their places as victim or
 * perpetrator. Testimonies they gave stay, as anonymous; sources they were
 * keep their description (and go when nothing is left of them).
 */
export async function deletePerson(vault: Vault, id: string): Promise<TrashEntry> {
  return deleteRecord(vault, PERSON, id, (ctx) => dropEmptySourcesTx(ctx.tx));
}

/** Event sources left with neither a person, a testimony nor a description (after a deletion) carry nothing. */
export async function dropEmptySourcesTx(q: Queryable): Promise<void> {
  await q.run(
    "DELETE FROM event_sources WHERE person_id IS NULL AND testimony_id IS NULL AND description = ''",
  );
}

/** The cases one person appears in, with their roles there. */
export async function getPersonCases(
  vault: Vault,
  id: string,
): Promise<{ caseId: string; roles: string[] }[]> {
  const personId = checkId(id, 'person');
  await assertPersonsExist(vault.db, [personId]);
  return (await casesOfPersons(vault.db, [personId])).get(personId) ?? [];
}

export async function linkPerson(
  vault: Vault,
  link: { caseId: string; personId: string; role: string },
): Promise<{ linked: boolean }> {
  const caseId = checkId(link.caseId, 'case');
  const personId = checkId(link.personId, 'person');
  return writeTransaction(vault, async (ctx) => {
    await assertCaseExists(ctx.tx, caseId);
    await assertPersonsExist(ctx.tx, [personId]);
    assertRole(ctx, link.role);
    return { linked: await linkTx(ctx, caseId, personId, link.role) };
  });
}

/** Removes a person's role in a case (every role when `role` is omitted). The person stays. */
export async function unlinkPerson(
  vault: Vault,
  link: { caseId: string; personId: string; role?: string },
): Promise<{ removed: number }> {
  const caseId = checkId(link.caseId, 'case');
  const personId = checkId(link.personId, 'person');
  return writeTransaction(vault, async (ctx) => {
    const result = link.role
      ? await ctx.tx.run(
          'DELETE FROM case_persons WHERE case_id = ? AND person_id = ? AND role = ?',
          [caseId, personId, link.role],
        )
      : await ctx.tx.run('DELETE FROM case_persons WHERE case_id = ? AND person_id = ?', [
          caseId,
          personId,
        ]);
    if (result.changes > 0)
      await auditTx(ctx, 'person', 'unlink', personId, { caseId, count: result.changes });
    return { removed: result.changes };
  });
}

/** The cases each person appears in, with their roles there. */
export async function casesOfPersons(
  q: Queryable,
  personIds: readonly string[],
): Promise<Map<string, { caseId: string; roles: string[] }[]>> {
  const out = new Map<string, { caseId: string; roles: string[] }[]>();
  for (const part of chunks([...new Set(personIds)])) {
    const rows = await q.all<{ person_id: string; case_id: string; role: string }>(
      `SELECT person_id, case_id, role FROM case_persons WHERE person_id IN (${placeholders(part.length)}) ORDER BY person_id, case_id, role`,
      part,
    );
    for (const row of rows) {
      const list = out.get(row.person_id) ?? [];
      let entry = list.find((e) => e.caseId === row.case_id);
      if (!entry) list.push((entry = { caseId: row.case_id, roles: [] }));
      entry.roles.push(row.role);
      out.set(row.person_id, list);
    }
  }
  return out;
}

/** Persons (all, or those of one case, optionally in one role), by name, with the cases they appear in. */
export async function listPersons(
  vault: Vault,
  input: PersonListQuery = {},
): Promise<PersonSummary[]> {
  const query = parseInput(personListQuerySchema, input, 'person list query');
  const filter = new ListFilter();
  if (query.caseId !== undefined) {
    const caseId = await existingCaseId(vault.db, query.caseId);
    if (query.role)
      filter.where(
        'p.id IN (SELECT person_id FROM case_persons WHERE case_id = ? AND role = ?)',
        caseId,
        query.role,
      );
    else filter.where('p.id IN (SELECT person_id FROM case_persons WHERE case_id = ?)', caseId);
  } else if (query.role) {
    filter.where('p.id IN (SELECT person_id FROM case_persons WHERE role = ?)', query.role);
  }
  const rows = await vault.db.all<PersonRow>(
    `SELECT ${P_COLUMNS} FROM persons p
     ${filter.sql}
     ORDER BY p.name COLLATE NOCASE, p.created_at, p.rowid LIMIT ? OFFSET ?`,
    filter.params(query),
  );
  const cases = await casesOfPersons(
    vault.db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({ ...personFromRow(row), cases: cases.get(row.id) ?? [] }));
}

/** The persons of one case with their roles in it, in the order they were added. */
export async function listCasePersons(vault: Vault, caseId: string): Promise<CasePerson[]> {
  return casePersonsTx(vault.db, await existingCaseId(vault.db, caseId));
}

export async function casePersonsTx(q: Queryable, caseId: string): Promise<CasePerson[]> {
  const rows = await q.all<PersonRow & { roles: string }>(
    `SELECT ${P_COLUMNS}, group_concat(cp.role, ' ') AS roles
     FROM case_persons cp JOIN persons p ON p.id = cp.person_id
     WHERE cp.case_id = ? GROUP BY p.id ORDER BY p.created_at, p.rowid`,
    [caseId],
  );
  return rows.map((row) => ({ ...personFromRow(row), roles: row.roles.split(' ').sort() }));
}
export type { PersonListQuery };
