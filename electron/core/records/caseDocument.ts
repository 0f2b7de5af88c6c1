import type { Queryable } from '../vault/database';
import { randomUUID } from 'node:crypto';
import {
  CASE_DOCUMENT_FORMAT,
  CASE_DOCUMENT_VERSION,
  checkCaseDocument,
  documentVocabularyIssues,
  type CaseDocument,
  type DocumentEvent,
  type DocumentIntervention,
  type DocumentPerson,
  type DocumentTestimony,
} from '../../../shared/domain/caseDocument';
import type { CaseRecord } from '../../../shared/domain/case';
import type { EventRecord } from '../../../shared/domain/event';
import type { InterventionRecord } from '../../../shared/domain/intervention';
import { describeIssues } from '../../../shared/domain/issues';
import type { PersonRecord } from '../../../shared/domain/person';
import type { TestimonyRecord } from '../../../shared/domain/testimony';
import { termRefs, type RecordKind } from '../../../shared/domain/vocabCheck';
import {
  VOCABULARY_NAMES,
  VocabularySet,
  type CustomTerm,
  type VocabularyName,
} from '../../../shared/vocabularies';
import { VigilError } from '../errors';
import { crashPoint } from '../fs/crashPoints';
import { writeFileAtomic } from '../fs/atomic';
import { assertNewOutput, writeOutgoing } from '../vault/outgoing';
import type { Vault } from '../vault/vault';
import { caseFromRow, insertCaseTx, nextReference, referenceTaken, writeCaseTx } from './cases';
import { auditTx, writeTransaction, type WriteContext } from './context';
import {
  eventsFromRows,
  insertEventRowTx,
  updateEventRowTx,
  writeEventLinksTx,
  writeEventPartsTx,
} from './events';
import { insertInterventionTx, loadIntervention, writeInterventionTx } from './interventions';
import {
  casePersonsTx,
  insertPersonTx,
  PERSON_COLUMNS,
  personFromRow,
  writePersonTx,
} from './persons';
import { placeholders } from './sql';
import { insertTestimonyTx, loadTestimony, writeTestimonyTx } from './testimonies';
import { checkId, invalidInput, notFound } from './validate';
import { addCustomTermTx } from './vocabularies';

export type { CaseDocument };

const withoutCase = <T extends { caseId: string }>({ caseId: _c, ...rest }: T): Omit<T, 'caseId'> =>
  rest;

/**
 * Everything a case holds, as one `vigil-case` document: the case, its
 * persons with their roles (and persons its records refer to), events with
 * all their parts, testimonies with consent, interventions, and the
 * organisation's own vocabulary terms the records use. Recorded in the audit
 * log. The order is stable, so that export → import → export gives the same
 * document up to ids.
 */
export async function exportCaseDocument(vault: Vault, caseId: string): Promise<CaseDocument> {
  const id = checkId(caseId, 'case');
  return writeTransaction(vault, async (ctx) => {
    const q = ctx.tx;
    const row = await q.get<Parameters<typeof caseFromRow>[0]>('SELECT * FROM cases WHERE id = ?', [
      id,
    ]);
    if (!row) throw notFound('case', id);
    const record = caseFromRow(row);
    const linked = await casePersonsTx(q, id);
    const eventRows = await q.all<Parameters<typeof eventsFromRows>[1][number]>(
      'SELECT * FROM events WHERE case_id = ? ORDER BY sort_key, created_at, rowid',
      [id],
    );
    const events = await eventsFromRows(q, eventRows);
    const testimonies = await loadEach(
      q,
      'SELECT id FROM testimonies WHERE case_id = ? ORDER BY sort_key, created_at, rowid',
      id,
      loadTestimony,
    );
    const interventions = await loadEach(
      q,
      'SELECT id FROM interventions WHERE case_id = ? ORDER BY created_at, rowid',
      id,
      loadIntervention,
    );

    const linkedIds = new Set(linked.map((p) => p.id));
    const referenced = [
      ...events.flatMap((e) => [
        ...e.victims,
        ...e.perpetrators.map((p) => p.personId),
        ...e.sources.flatMap((s) => (s.personId ? [s.personId] : [])),
      ]),
      ...testimonies.flatMap((t) => (t.witnessId ? [t.witnessId] : [])),
    ].filter((pid) => !linkedIds.has(pid));
    const others: PersonRecord[] = [];
    const unique = [...new Set(referenced)];
    if (unique.length > 0) {
      const rows = await q.all<Parameters<typeof personFromRow>[0]>(
        `SELECT ${PERSON_COLUMNS} FROM persons WHERE id IN (${placeholders(unique.length)}) ORDER BY created_at, rowid`,
        unique,
      );
      others.push(...rows.map(personFromRow));
    }
    const persons: DocumentPerson[] = [
      ...linked,
      ...others.map((p) => ({ ...p, roles: [] as string[] })),
    ];

    const used = new Map<string, CustomTerm>();
    const useTerm = (vocabulary: VocabularyName, termId: string) => {
      if (ctx.vocab.builtIn(vocabulary, termId)) return;
      const custom = ctx.vocab
        .customTerms()
        .find((t) => t.vocabulary === vocabulary && t.id === termId);
      if (custom) used.set(`${vocabulary}/${termId}`, custom);
    };
    const useTerms = (kind: RecordKind, r: object) => {
      for (const ref of termRefs(kind, r as Record<string, unknown>))
        useTerm(ref.vocabulary, ref.id);
    };
    useTerms('case', record);
    persons.forEach((p) => useTerms('person', p));
    for (const p of persons) for (const role of p.roles) useTerm('person-role', role);
    events.forEach((e) => useTerms('event', e));
    testimonies.forEach((t) => useTerms('testimony', t));
    interventions.forEach((i) => useTerms('intervention', i));

    const document: CaseDocument = {
      format: CASE_DOCUMENT_FORMAT,
      version: CASE_DOCUMENT_VERSION,
      vocabularies: Object.fromEntries(
        VOCABULARY_NAMES.map((name) => [name, ctx.vocab.version(name)]),
      ),
      customTerms: [...used.values()].sort((a, b) =>
        `${a.vocabulary}/${a.id}`.localeCompare(`${b.vocabulary}/${b.id}`),
      ),
      case: record,
      persons,
      events: events.map(withoutCase),
      testimonies: testimonies.map(withoutCase),
      interventions: interventions.map(withoutCase),
    };
    await auditTx(ctx, 'case', 'export-json', id, {
      counts: {
        persons: persons.length,
        events: events.length,
        testimonies: testimonies.length,
        interventions: interventions.length,
      },
    });
    return document;
  });
}

/** The records `sql` lists for one case (by id, in its order), each loaded whole. */
async function loadEach<R>(
  q: Queryable,
  sql: string,
  caseId: string,
  load: (q: Queryable, id: string) => Promise<R>,
): Promise<R[]> {
  const out: R[] = [];
  for (const row of await q.all<{ id: string }>(sql, [caseId])) out.push(await load(q, row.id));
  return out;
}

export type ImportMode = 'new-ids' | 'merge';

export interface ImportCounts {
  cases: number;
  persons: number;
  events: number;
  testimonies: number;
  interventions: number;
}

export interface ImportResult {
  caseId: string;
  reference: string;
  mode: ImportMode;
  /** The document's reference was taken in this vault, so the case got a new one. */
  referenceChanged: boolean;
  created: ImportCounts;
  updated: ImportCounts;
  customTermsAdded: number;
  /** Document id → vault id, for every record (the same ids when merging). */
  ids: Record<string, string>;
}

export interface ImportOptions {
  mode: ImportMode;
  /** Called after each record is written, for progress lines. */
  onProgress?: (done: number, total: number) => void;
}

const zero = (): ImportCounts => ({
  cases: 0,
  persons: 0,
  events: 0,
  testimonies: 0,
  interventions: 0,
});

/** Validates a parsed JSON value as a case document, or throws INVALID_INPUT naming every problem. */
export function parseCaseDocument(value: unknown, what = 'case document'): CaseDocument {
  const checked = checkCaseDocument(value);
  if (!checked.ok) throw invalidInput(what, checked.issues);
  return checked.document;
}

/** A document record's own fields: the import gives it its id in this vault and its times. */
const ownFields = <T extends { id: string; createdAt?: string; updatedAt?: string }>({
  id: _id,
  createdAt: _c,
  updatedAt: _u,
  ...rest
}: T): Omit<T, 'id' | 'createdAt' | 'updatedAt'> => rest;

/** The owner query of each kind of case record a merge may update. */
const CASE_OF = {
  testimony: 'SELECT case_id FROM testimonies WHERE id = ?',
  event: 'SELECT case_id FROM events WHERE id = ?',
  intervention: 'SELECT case_id FROM interventions WHERE id = ?',
} as const;

/**
 * Whether a merge updates this record rather than adding it. A record of
 * another case is never taken over: that stops the whole import.
 */
async function existsInCase(
  ctx: WriteContext,
  merge: boolean,
  kind: keyof typeof CASE_OF,
  id: string,
  caseId: string,
): Promise<boolean> {
  if (!merge) return false;
  const existing = await ctx.sql.get<{ case_id: string }>(CASE_OF[kind], [id]);
  if (!existing) return false;
  if (existing.case_id !== caseId)
    throw new VigilError(
      'CONFLICT',
      `The ${kind} ${id} belongs to another case in this vault. Nothing was imported.`,
    );
  return true;
}

async function importOneTx(
  ctx: WriteContext,
  doc: CaseDocument,
  options: ImportOptions,
  progress: { done: number; total: number },
): Promise<ImportResult> {
  const merge = options.mode === 'merge';
  const q = ctx.tx;

  let customTermsAdded = 0;
  const known = ctx.vocab.customTerms();
  for (const term of doc.customTerms) {
    if (ctx.vocab.has(term.vocabulary, term.id)) continue;
    await addCustomTermTx(q, ctx.vocab, term, ctx.now);
    known.push(term);
    customTermsAdded += 1;
  }
  if (customTermsAdded > 0) ctx.vocab = new VocabularySet(known);
  const problems = documentVocabularyIssues(doc, ctx.vocab);
  if (problems.length > 0)
    throw new VigilError(
      'INVALID_INPUT',
      `The case document is not valid: ${describeIssues(problems)}. Nothing was imported.`,
    );

  const ids: Record<string, string> = {};
  const map = (docId: string) => ids[docId] ?? docId;
  const mapNullable = (docId: string | null) => (docId === null ? null : map(docId));
  for (const r of [
    doc.case,
    ...doc.persons,
    ...doc.events,
    ...doc.testimonies,
    ...doc.interventions,
  ])
    ids[r.id] = merge ? r.id : randomUUID();
  const created = zero();
  const updated = zero();
  const stamp = (r: { createdAt?: string; updatedAt?: string }) => ({
    createdAt: r.createdAt ?? ctx.now,
    updatedAt: r.updatedAt ?? r.createdAt ?? ctx.now,
  });
  const tick = () => {
    progress.done += 1;
    if (progress.done === Math.floor(progress.total / 2)) crashPoint('case-import:halfway');
    if (options.onProgress && (progress.done % 100 === 0 || progress.done === progress.total))
      options.onProgress(progress.done, progress.total);
  };
  /** One record written: counted as updated or created, and reported. */
  const written = (kind: keyof ImportCounts, existed: boolean) => {
    (existed ? updated : created)[kind] += 1;
    tick();
  };

  // The case.
  const caseId = map(doc.case.id);
  const existingCase = merge
    ? await q.get<Parameters<typeof caseFromRow>[0]>('SELECT * FROM cases WHERE id = ?', [caseId])
    : undefined;
  let reference =
    doc.case.reference ??
    (existingCase ? existingCase.reference : await nextReference(q, ctx.vault.now()));
  let referenceChanged = false;
  if (await referenceTaken(q, reference, caseId)) {
    if (merge)
      throw new VigilError(
        'CONFLICT',
        `Another case in this vault already has the reference ${reference}. Nothing was imported.`,
      );
    reference = await nextReference(q, ctx.vault.now());
    referenceChanged = true;
  }
  const { id: _caseDocId, reference: _r, createdAt: _ca, updatedAt: _ua, ...caseFields } = doc.case;
  const caseRecord: CaseRecord = { id: caseId, ...caseFields, reference, ...stamp(doc.case) };
  if (existingCase) await writeCaseTx(ctx, caseRecord);
  else await insertCaseTx(ctx, caseRecord);
  written('cases', existingCase !== undefined);

  // Persons, then their roles in this case.
  for (const p of doc.persons) {
    const { roles, ...fields } = ownFields(p);
    const record: PersonRecord = { id: map(p.id), ...fields, ...stamp(p) };
    const exists =
      merge &&
      (await ctx.sql.get<{ x: number }>('SELECT 1 AS x FROM persons WHERE id = ?', [record.id])) !==
        undefined;
    if (exists) await writePersonTx(ctx, record);
    else await insertPersonTx(ctx, record);
    for (const role of roles) {
      await ctx.sql.run(
        'INSERT OR IGNORE INTO case_persons (case_id, person_id, role, created_at) VALUES (?, ?, ?, ?)',
        [caseId, record.id, role, record.createdAt],
      );
    }
    written('persons', exists);
  }

  // Testimonies before events: an event's sources may cite them.
  for (const t of doc.testimonies) {
    const record: TestimonyRecord = {
      id: map(t.id),
      caseId,
      ...ownFields(t),
      witnessId: mapNullable(t.witnessId),
      ...stamp(t),
    };
    const exists = await existsInCase(ctx, merge, 'testimony', record.id, caseId);
    if (exists) await writeTestimonyTx(ctx, record);
    else await insertTestimonyTx(ctx, record);
    written('testimonies', exists);
  }

  // Events, then their parts once every event exists (links point to one another).
  const eventRecords: [EventRecord, boolean][] = [];
  for (const e of doc.events) {
    const record: EventRecord = {
      id: map(e.id),
      caseId,
      ...ownFields(e),
      victims: e.victims.map(map),
      perpetrators: e.perpetrators.map((p) => ({ ...p, personId: map(p.personId) })),
      sources: e.sources.map((s) => ({
        ...s,
        personId: mapNullable(s.personId),
        testimonyId: mapNullable(s.testimonyId),
      })),
      links: e.links.map((l) => ({ ...l, eventId: map(l.eventId) })),
      detention: e.detention && {
        ...e.detention,
        places: e.detention.places.map((place) => ({
          ...place,
          detainees: place.detainees.map(map),
        })),
      },
      ...stamp(e),
    };
    const exists = await existsInCase(ctx, merge, 'event', record.id, caseId);
    if (exists) await updateEventRowTx(ctx, record);
    else await insertEventRowTx(ctx, record);
    await writeEventPartsTx(ctx, record, { links: false, replace: exists });
    eventRecords.push([record, exists]);
    written('events', exists);
  }
  for (const [record, existed] of eventRecords) {
    if (existed) await ctx.sql.run('DELETE FROM event_links WHERE event_id = ?', [record.id]);
    await writeEventLinksTx(ctx, record);
  }

  for (const v of doc.interventions) {
    const record: InterventionRecord = { id: map(v.id), caseId, ...ownFields(v), ...stamp(v) };
    const exists = await existsInCase(ctx, merge, 'intervention', record.id, caseId);
    if (exists) await writeInterventionTx(ctx, record);
    else await insertInterventionTx(ctx, record);
    written('interventions', exists);
  }

  crashPoint('case-import:records-written');
  await ctx.vault.record(q, {
    action: 'case.import',
    entityType: 'case',
    entityId: caseId,
    detail: { mode: options.mode, created, updated, customTermsAdded, referenceChanged },
  });
  return {
    caseId,
    reference,
    mode: options.mode,
    referenceChanged,
    created,
    updated,
    customTermsAdded,
    ids,
  };
}

const recordCount = (doc: CaseDocument) =>
  1 + doc.persons.length + doc.events.length + doc.testimonies.length + doc.interventions.length;

/**
 * Writes a case document to a file. It is plaintext (every name and
 * statement), so it is a recorded outgoing write: complete or gone, even
 * after a crash (see vault/outgoing.ts).
 */
export async function exportCaseDocumentFile(
  vault: Vault,
  caseId: string,
  out: string,
): Promise<{ out: string; bytes: number }> {
  const target = await assertNewOutput(out, 'the case document');
  const document = await exportCaseDocument(vault, caseId);
  const bytes = Buffer.from(`${JSON.stringify(document, null, 2)}\n`, 'utf8');
  await writeOutgoing(vault, { kind: 'case-document', target }, ({ temp }) =>
    writeFileAtomic(target, bytes, {
      overwrite: false,
      temp,
      label: `the case document ${target}`,
    }),
  );
  return { out: target, bytes: bytes.length };
}

/**
 * Imports a case document in one transaction: all of it or nothing, even if
 * the process is killed half-way. `new-ids` gives every record a fresh id
 * (and the case a new reference if its own is taken); `merge` keeps the ids,
 * updating records that exist and adding the others (nothing is deleted).
 * Victims and witnesses are not linked to the case automatically: the
 * document's roles are taken as they are.
 */
export async function importCaseDocument(
  vault: Vault,
  input: unknown,
  options: ImportOptions,
): Promise<ImportResult> {
  return (await importCaseDocuments(vault, [input], options))[0]!;
}

/** Several case documents in one transaction (the bulk path): all of them, or none. */
export async function importCaseDocuments(
  vault: Vault,
  inputs: readonly unknown[],
  options: ImportOptions,
): Promise<ImportResult[]> {
  if (options.mode !== 'new-ids' && options.mode !== 'merge') {
    throw new VigilError('INVALID_INPUT', 'The import mode must be "new-ids" or "merge".');
  }
  const docs = inputs.map((input, i) =>
    parseCaseDocument(input, inputs.length > 1 ? `case document ${i + 1}` : 'case document'),
  );
  const progress = { done: 0, total: docs.reduce((n, d) => n + recordCount(d), 0) };
  return withImportCache(vault, () =>
    writeTransaction(vault, async (ctx) => {
      ctx.auditEach = false;
      const results: ImportResult[] = [];
      for (const doc of docs) results.push(await importOneTx(ctx, doc, options, progress));
      return results;
    }),
  );
}

/** Page cache for a bulk import, in KiB. */
const IMPORT_CACHE_KIB = 64 * 1024;

/**
 * Runs a bulk import with a page cache of at least 64 MiB, then restores the
 * connection's own setting. With SQLite's default 2 MiB, the index pages a
 * large import touches keep falling out of the cache, and every reload of
 * an encrypted page means decrypting it again (measured: a third faster).
 */
async function withImportCache<T>(vault: Vault, work: () => Promise<T>): Promise<T> {
  const before =
    (await vault.db.get<{ cache_size: number }>('PRAGMA cache_size'))?.cache_size ?? -2000;
  const pageSize =
    (await vault.db.get<{ page_size: number }>('PRAGMA page_size'))?.page_size ?? 4096;
  const kib = before < 0 ? -before : (before * pageSize) / 1024;
  if (kib >= IMPORT_CACHE_KIB) return work();
  await vault.db.exec(`PRAGMA cache_size = -${IMPORT_CACHE_KIB}`);
  try {
    return await work();
  } finally {
    // The number comes from SQLite itself; PRAGMA takes no bound parameter.
    await vault.db.exec(`PRAGMA cache_size = ${Math.trunc(before)}`).catch(() => undefined);
  }
}

export type { DocumentEvent, DocumentIntervention, DocumentPerson, DocumentTestimony };

/**
 * Imports one case document as a new case and runs `more` in the same
 * transaction (the bundle import adds the case's evidence rows and its
 * provenance there): all of it is written, or none.
 */
export async function importCaseDocumentTx<T>(
  vault: Vault,
  doc: CaseDocument,
  more: (tx: Queryable, caseId: string) => Promise<T>,
): Promise<{
  caseId: string;
  reference: string;
  records: { persons: number; events: number; testimonies: number; interventions: number };
  extra: T;
}> {
  return writeTransaction(vault, async (ctx) => {
    ctx.auditEach = false;
    const result = await importOneTx(
      ctx,
      doc,
      { mode: 'new-ids' },
      { done: 0, total: recordCount(doc) },
    );
    const extra = await more(ctx.tx, result.caseId);
    const { persons, events, testimonies, interventions } = result.created;
    return {
      caseId: result.caseId,
      reference: result.reference,
      records: { persons, events, testimonies, interventions },
      extra,
    };
  });
}
