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
import { describeIssues } from '../../../shared/domain/issues';
import type { PersonRecord } from '../../../shared/domain/person';
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
import type { AuditEvent } from '../vault/audit';
import type { Vault } from '../vault/vault';
import { caseFromRow, nextReference, referenceTaken } from './cases';
import { auditTx, writeTransaction, type WriteContext } from './context';
import { writeDocumentTx, type DocumentKind, type KindCounts } from './documentWrite';
import { eventsFromRows } from './events';
import { loadIntervention } from './interventions';
import { carriedSteps } from './interventionStates';
import {
  documentOriginOf,
  partnerVersionHash,
  recordSyncedTx,
  type DocumentRecord,
} from './origins';
import { casePersonsTx, PERSON_COLUMNS, personFromRow } from './persons';
import { placeholders } from './sql';
import { loadTestimony } from './testimonies';
import { checkId, invalidInput, notFound } from './validate';
import { addCaseTermTx, addCustomTermTx, MAX_CASE_TERMS } from './vocabularies';

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
    const document = await caseDocumentTx(ctx, id);
    await auditTx(ctx, 'case', 'export-json', id, {
      counts: {
        persons: document.persons.length,
        events: document.events.length,
        testimonies: document.testimonies.length,
        interventions: document.interventions.length,
      },
    });
    return document;
  });
}

/** The case document of a case, read in the caller's transaction (no audit entry). */
export async function caseDocumentTx(ctx: WriteContext, id: string): Promise<CaseDocument> {
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
    for (const ref of termRefs(kind, r as Record<string, unknown>)) useTerm(ref.vocabulary, ref.id);
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
    interventions: [],
  };
  for (const i of interventions)
    document.interventions.push({ ...withoutCase(i), states: await carriedSteps(q, i.id) });
  document.origin = await documentOriginOf(q, id, document);
  return document;
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

export type ImportCounts = KindCounts;

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
  /** What `more` returned (null without it). */
  extra: Record<string, unknown> | null;
}

/**
 * A higher layer's part of the import, run in its transaction once the
 * records are written (the dossier module keeps the case's submissions
 * there): a throw undoes the whole import. What it returns goes into the
 * import's audit entry, so it must never hold the vault's text.
 */
export type ImportMore = (
  tx: Queryable,
  caseId: string,
  /** Document id → vault id, for every record. */
  ids: Readonly<Record<string, string>>,
  doc: CaseDocument,
) => Promise<Record<string, unknown>>;

export interface ImportOptions {
  mode: ImportMode;
  /** Called after each record is written, for progress lines. */
  onProgress?: (done: number, total: number) => void;
  more?: ImportMore;
  /** What each document is called in messages (its file, say); by default "case document N". */
  names?: readonly string[];
  /**
   * One statement per row, as imports were written before the set-based
   * path (./rowBatch.ts): kept so that tests can check that both write the
   * same vault.
   */
  rowByRow?: boolean;
}

/** Validates a parsed JSON value as a case document, or throws INVALID_INPUT naming every problem. */
export function parseCaseDocument(value: unknown, what = 'case document'): CaseDocument {
  const checked = checkCaseDocument(value);
  if (!checked.ok) throw invalidInput(what, checked.issues);
  return checked.document;
}

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
  kind: keyof typeof CASE_OF,
  id: string,
  caseId: string,
): Promise<boolean> {
  const existing = await ctx.sql.get<{ case_id: string }>(CASE_OF[kind], [id]);
  if (!existing) return false;
  if (existing.case_id !== caseId)
    throw new VigilError(
      'CONFLICT',
      `The ${kind} ${id} belongs to another case in this vault. Nothing was imported.`,
    );
  return true;
}

/** How one document is imported, beyond its mode. */
interface OneImport extends ImportOptions {
  /**
   * Record where the case was begun (the document's origin, else its own
   * case id), so that importing it again is recognised. Off for a copy the
   * user asked to keep separate.
   */
  linkOrigin?: boolean;
  /** The organisation key that began the case, when the document does not say (the dossier's signer). */
  originOrganisation?: string | null;
  /**
   * Keep the document's own vocabulary terms with the case (a partner's
   * dossier) instead of adding them to the vault's vocabularies.
   */
  caseTerms?: boolean;
}

/**
 * The document's own terms that the vault does not know: added to the
 * vault's vocabularies, or kept for the case (at most MAX_CASE_TERMS), and
 * the records checked against them.
 */
async function takeTerms(
  ctx: WriteContext,
  doc: CaseDocument,
  caseTerms: boolean,
): Promise<CustomTerm[]> {
  const fresh = doc.customTerms.filter((t) => !ctx.vocab.has(t.vocabulary, t.id));
  if (caseTerms && fresh.length > MAX_CASE_TERMS)
    throw new VigilError(
      'INVALID_INPUT',
      `The case brings ${fresh.length} vocabulary terms of its own; Vigil keeps at most ${MAX_CASE_TERMS} with one case. Nothing was imported.`,
    );
  if (!caseTerms) for (const term of fresh) await addCustomTermTx(ctx.tx, ctx.vocab, term, ctx.now);
  if (fresh.length > 0) ctx.vocab = new VocabularySet([...ctx.vocab.customTerms(), ...fresh]);
  const problems = documentVocabularyIssues(doc, ctx.vocab);
  if (problems.length > 0)
    throw new VigilError(
      'INVALID_INPUT',
      `The case document is not valid: ${describeIssues(problems)}. Nothing was imported.`,
    );
  return fresh;
}

type DocRecordOf = { kind: DocumentKind; record: DocumentRecord };

/** Every record of a document with its kind, the case first. */
export function documentRecordList(doc: CaseDocument): DocRecordOf[] {
  return [
    { kind: 'case', record: doc.case },
    ...doc.persons.map((record) => ({ kind: 'person' as const, record })),
    ...doc.events.map((record) => ({ kind: 'event' as const, record })),
    ...doc.testimonies.map((record) => ({ kind: 'testimony' as const, record })),
    ...doc.interventions.map((record) => ({ kind: 'intervention' as const, record })),
  ];
}

async function importOneTx(
  ctx: WriteContext,
  doc: CaseDocument,
  options: OneImport,
  progress: { done: number; total: number },
  references: ImportedReferences,
): Promise<{ result: ImportResult; audit: AuditEvent }> {
  const merge = options.mode === 'merge';
  const q = ctx.tx;
  const fresh = await takeTerms(ctx, doc, options.caseTerms === true);

  const ids: Record<string, string> = {};
  for (const { record } of documentRecordList(doc))
    ids[record.id] = merge ? record.id : randomUUID();
  const caseId = ids[doc.case.id]!;
  const exists = new Set<string>();
  const existingCase = merge
    ? await q.get<Parameters<typeof caseFromRow>[0]>('SELECT * FROM cases WHERE id = ?', [caseId])
    : undefined;
  if (existingCase) exists.add(caseId);
  if (merge) {
    for (const p of doc.persons)
      if (await ctx.sql.get<{ x: number }>('SELECT 1 AS x FROM persons WHERE id = ?', [p.id]))
        exists.add(p.id);
    for (const { kind, record } of documentRecordList(doc))
      if (
        kind !== 'case' &&
        kind !== 'person' &&
        (await existsInCase(ctx, kind, record.id, caseId))
      )
        exists.add(record.id);
  }

  let reference =
    doc.case.reference ??
    (existingCase ? existingCase.reference : await nextReference(q, ctx.vault.now()));
  let referenceChanged = false;
  if (await references.taken(ctx, reference, caseId)) {
    if (merge)
      throw new VigilError(
        'CONFLICT',
        `Another case in this vault already has the reference ${reference}. Nothing was imported.`,
      );
    reference = await nextReference(q, ctx.vault.now());
    referenceChanged = true;
  }

  // A new case records where it was begun, and what each record was at its origin.
  const linking = options.linkOrigin !== false && !existingCase;
  const hashes = new Map<string, string>();
  if (linking && !merge)
    for (const { kind, record } of documentRecordList(doc))
      hashes.set(record.id, partnerVersionHash(doc, kind, record));
  const tick = () => {
    progress.done += 1;
    if (progress.done === Math.floor(progress.total / 2)) crashPoint('case-import:halfway');
    if (options.onProgress && (progress.done % 100 === 0 || progress.done === progress.total))
      options.onProgress(progress.done, progress.total);
  };
  const originId = doc.origin?.id ?? doc.case.id;
  references.add(reference, caseId);
  const { created, updated } = await writeDocumentTx(ctx, doc, {
    caseId,
    reference,
    // A linked case is new here, so its origin goes in with its row.
    caseOrigin:
      linking && originId !== caseId
        ? {
            id: originId,
            organisation: doc.origin?.organisation ?? options.originOrganisation ?? null,
          }
        : undefined,
    ids,
    exists,
    skip: new Set(),
    tick,
    onWritten: async (kind, docId, vaultId, updatedAt) => {
      const hash = hashes.get(docId);
      if (hash)
        await recordSyncedTx(ctx.sql, {
          caseId,
          kind,
          originId: doc.origin?.records[docId] ?? docId,
          recordId: vaultId,
          hash,
          updatedAt,
        });
    },
  });
  if (options.caseTerms)
    for (const term of fresh) await addCaseTermTx(ctx.sql, caseId, term, ctx.now);

  crashPoint('case-import:records-written');
  const extra = options.more ? await options.more(q, caseId, ids, doc) : null;
  const customTermsAdded = fresh.length;
  const audit: AuditEvent = {
    action: 'case.import',
    entityType: 'case',
    entityId: caseId,
    detail: {
      mode: options.mode,
      created,
      updated,
      customTermsAdded,
      customTermsKept: options.caseTerms ? 'with the case' : 'in the vault',
      referenceChanged,
      ...extra,
    },
  };
  return {
    result: {
      caseId,
      reference,
      mode: options.mode,
      referenceChanged,
      created,
      updated,
      customTermsAdded,
      ids,
      extra,
    },
    audit,
  };
}

/**
 * The references of the cases a transaction's imports have written, for
 * the check that a reference is free. Their rows may still be held by the
 * bulk path (./rowBatch.ts), and a read through the transaction would write
 * them out first: at every document, which would cut the import into a
 * statement per table and document, and the search index into as many
 * segments (measured: a sixth of the import's time). So a new-ids import
 * asks the vault once, before the first document, which of its references
 * it has, and the cases written since are all here.
 */
class ImportedReferences {
  /** Reference, compared as the column's NOCASE collation compares (ASCII letters folded) → case id. */
  private readonly written = new Map<string, string>();
  /** References asked of the vault before anything was written → the case that has it, or null. */
  private readonly inVault = new Map<string, string | null>();

  private static key(reference: string): string {
    return reference.replace(/[A-Z]/g, (c) => c.toLowerCase());
  }

  /** Asks the vault, once, about the references of documents about to be imported with new ids. */
  async askFirst(q: Queryable, references: readonly string[]): Promise<void> {
    const unique = [...new Set(references)];
    for (let i = 0; i < unique.length; i += 500) {
      const part = unique.slice(i, i + 500);
      for (const r of part) this.inVault.set(ImportedReferences.key(r), null);
      const rows = await q.all<{ id: string; reference: string }>(
        `SELECT id, reference FROM cases WHERE reference IN (${placeholders(part.length)})`,
        part,
      );
      for (const row of rows) this.inVault.set(ImportedReferences.key(row.reference), row.id);
    }
  }

  /** The key each case written here has now: a merge may change a case's reference twice. */
  private readonly keyOf = new Map<string, string>();

  add(reference: string, caseId: string): void {
    const before = this.keyOf.get(caseId);
    if (before !== undefined && this.written.get(before) === caseId) this.written.delete(before);
    const key = ImportedReferences.key(reference);
    this.written.set(key, caseId);
    this.keyOf.set(caseId, key);
  }

  /** Whether another case has `reference`, in the vault or among the cases written here. */
  async taken(ctx: WriteContext, reference: string, caseId: string): Promise<boolean> {
    const key = ImportedReferences.key(reference);
    const here = this.written.get(key);
    if (here !== undefined && here !== caseId) return true;
    const asked = this.inVault.get(key);
    if (asked !== undefined) return asked !== null && asked !== caseId;
    // Not asked first (a merge, or a reference given here): the cases written here are in `written`.
    return referenceTaken(ctx.direct, reference, caseId);
  }
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
  /** What to add to the document before it is written (the dossier module's submissions). */
  extend: (document: CaseDocument) => Promise<CaseDocument> = async (d) => d,
): Promise<{ out: string; bytes: number }> {
  const target = await assertNewOutput(out, 'the case document');
  const document = await extend(await exportCaseDocument(vault, caseId));
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
    parseCaseDocument(
      input,
      options.names?.[i] ?? (inputs.length > 1 ? `case document ${i + 1}` : 'case document'),
    ),
  );
  const progress = { done: 0, total: docs.reduce((n, d) => n + recordCount(d), 0) };
  return withImportSettings(vault, () =>
    writeTransaction(
      vault,
      async (ctx) => {
        ctx.auditEach = false;
        const references = new ImportedReferences();
        // A merge reads and updates existing cases as it goes: it asks the vault each time.
        if (options.mode === 'new-ids')
          await references.askFirst(
            ctx.tx,
            docs.flatMap((d) => (d.case.reference ? [d.case.reference] : [])),
          );
        const imported: { result: ImportResult; audit: AuditEvent }[] = [];
        for (const doc of docs)
          imported.push(await importOneTx(ctx, doc, options, progress, references));
        // After every document: reading the audit log's last entry would write out the rows held.
        for (const { audit } of imported) await ctx.vault.record(ctx.tx, audit);
        return imported.map(({ result }) => result);
      },
      { bulk: options.rowByRow !== true },
    ),
  );
}

/** Page cache for a bulk import, in KiB. */
const IMPORT_CACHE_KIB = 64 * 1024;
/** WAL pages that start a checkpoint during a bulk import (SQLite's default: 1,000). */
const IMPORT_CHECKPOINT_PAGES = 10_000;

/**
 * Runs a bulk import with a page cache of at least 64 MiB and checkpoints at
 * 10,000 WAL pages, then restores the connection's own settings.
 * - With SQLite's default 2 MiB cache, the index pages a large import touches
 *   keep falling out of the cache, and every reload of an encrypted page means
 *   decrypting it again (measured: a third faster).
 * - An import transaction writes several thousand pages, so with the default
 *   every commit copied the WAL into the database and synced it; fewer, larger
 *   checkpoints copy a page changed by several transactions once (measured: 5%
 *   faster on 30,000 testimonies). The WAL is the vault's own encrypted pages,
 *   and a crash leaves the vault as it was after the last commit either way.
 */
async function withImportSettings<T>(vault: Vault, work: () => Promise<T>): Promise<T> {
  const before =
    (await vault.db.get<{ cache_size: number }>('PRAGMA cache_size'))?.cache_size ?? -2000;
  const pageSize =
    (await vault.db.get<{ page_size: number }>('PRAGMA page_size'))?.page_size ?? 4096;
  const checkpoint =
    (await vault.db.get<{ wal_autocheckpoint: number }>('PRAGMA wal_autocheckpoint'))
      ?.wal_autocheckpoint ?? 1000;
  const kib = before < 0 ? -before : (before * pageSize) / 1024;
  const settings = [
    ...(kib < IMPORT_CACHE_KIB ? [`PRAGMA cache_size = -${IMPORT_CACHE_KIB}`] : []),
    // 0 (or less) means never: left as it is.
    ...(checkpoint > 0 && checkpoint < IMPORT_CHECKPOINT_PAGES
      ? [`PRAGMA wal_autocheckpoint = ${IMPORT_CHECKPOINT_PAGES}`]
      : []),
  ];
  if (settings.length === 0) return work();
  await vault.db.exec(settings.join('; '));
  try {
    return await work();
  } finally {
    // The numbers come from SQLite itself; PRAGMA takes no bound parameter.
    await vault.db
      .exec(
        `PRAGMA cache_size = ${Math.trunc(before)}; PRAGMA wal_autocheckpoint = ${Math.trunc(checkpoint)}`,
      )
      .catch(() => undefined);
  }
}

export type { DocumentEvent, DocumentIntervention, DocumentPerson, DocumentTestimony };

/**
 * Imports one case document as a new case and runs `more` in the same
 * transaction (the bundle import adds the case's evidence rows and its
 * provenance there): all of it is written, or none. A partner's terms stay
 * with the case; its origin is recorded unless `linkOrigin` is false (a copy
 * kept apart from the one already in the vault).
 */
export async function importCaseDocumentTx<T>(
  vault: Vault,
  doc: CaseDocument,
  /** More work in the same transaction; `ids` maps the document's record ids to the vault's. */
  more: (tx: Queryable, caseId: string, ids: Readonly<Record<string, string>>) => Promise<T>,
  options: { linkOrigin?: boolean; originOrganisation?: string | null } = {},
): Promise<{
  caseId: string;
  reference: string;
  records: { persons: number; events: number; testimonies: number; interventions: number };
  customTermsKept: number;
  extra: T;
}> {
  return writeTransaction(
    vault,
    async (ctx) => {
      ctx.auditEach = false;
      const { result, audit } = await importOneTx(
        ctx,
        doc,
        { mode: 'new-ids', caseTerms: true, ...options },
        { done: 0, total: recordCount(doc) },
        new ImportedReferences(),
      );
      await ctx.vault.record(ctx.tx, audit);
      const extra = await more(ctx.tx, result.caseId, result.ids);
      const { persons, events, testimonies, interventions } = result.created;
      return {
        caseId: result.caseId,
        reference: result.reference,
        records: { persons, events, testimonies, interventions },
        customTermsKept: result.customTermsAdded,
        extra,
      };
    },
    { bulk: true },
  );
}
