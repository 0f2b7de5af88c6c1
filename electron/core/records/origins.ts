import type { Runner } from './sql';
import { createHash } from 'node:crypto';
import type { CaseDocument, DocumentOrigin } from '../../../shared/domain/caseDocument';
import type { Queryable } from '../vault/database';
import type { Vault } from '../vault/vault';
import { documentRecords, type DocumentKind } from './documentWrite';

/**
 * Where cases and their records came from (migration 10): a case carries
 * its origin (its id where it was begun, and that organisation's key) into
 * partner dossiers, and an import records, for each record it brings, its id
 * at the origin and the partner's version it wrote. That is how importing
 * the same case again is recognised, and how an update tells a partner's
 * change from a local edit.
 */

/** A case in this vault that has the origin being imported. */
export interface OriginMatch {
  caseId: string;
  reference: string;
  title: string;
  /** The organisation key that began the case, when known. */
  organisation: string | null;
  updatedAt: string;
  /** Whether the case was begun in this vault (the dossier is a partner's copy of it). */
  begunHere: boolean;
}

/** Cases with this origin: the one begun here with that id, or copies imported from it. Most recent first. */
export async function casesWithOrigin(q: Queryable, originId: string): Promise<OriginMatch[]> {
  const rows = await q.all<{
    id: string;
    reference: string;
    title: string;
    origin_id: string | null;
    origin_org: string | null;
    updated_at: string;
  }>(
    `SELECT id, reference, title, origin_id, origin_org, updated_at FROM cases
      WHERE origin_id = ? OR (origin_id IS NULL AND id = ?)
      ORDER BY updated_at DESC, id`,
    [originId, originId],
  );
  return rows.map((r) => ({
    caseId: r.id,
    reference: r.reference,
    title: r.title,
    organisation: r.origin_org,
    updatedAt: r.updated_at,
    begunHere: r.origin_id === null,
  }));
}

/**
 * The origin a case's document carries: the case's own, and the origin ids
 * of records that came from elsewhere, limited to the records `doc` holds
 * (a record left out of an export must not be named in it).
 */
export async function documentOriginOf(
  q: Queryable,
  caseId: string,
  doc: CaseDocument,
): Promise<DocumentOrigin> {
  const row = await q.get<{ origin_id: string | null; origin_org: string | null }>(
    'SELECT origin_id, origin_org FROM cases WHERE id = ?',
    [caseId],
  );
  const rows = await q.all<{ record_id: string; origin_id: string }>(
    'SELECT record_id, origin_id FROM record_origins WHERE case_id = ? AND record_id <> origin_id',
    [caseId],
  );
  const mapped = new Map(rows.map((r) => [r.record_id, r.origin_id]));
  return {
    id: row?.origin_id ?? caseId,
    organisation: row?.origin_org ?? null,
    records: pickRecords(doc, mapped),
  };
}

function pickRecords(
  doc: CaseDocument,
  mapped: ReadonlyMap<string, string>,
): Record<string, string> {
  const records: Record<string, string> = {};
  for (const r of [
    doc.case,
    ...doc.persons,
    ...doc.events,
    ...doc.testimonies,
    ...doc.interventions,
  ]) {
    const originId = mapped.get(r.id);
    if (originId !== undefined && originId !== r.id) records[r.id] = originId;
  }
  return records;
}

/** The document with its origin's record map limited to the records it still holds (after redaction). */
export function pruneOrigin(doc: CaseDocument): CaseDocument {
  if (!doc.origin) return doc;
  return {
    ...doc,
    origin: {
      ...doc.origin,
      records: pickRecords(doc, new Map(Object.entries(doc.origin.records))),
    },
  };
}

/** What the last import wrote for one record of a case. */
export interface SyncedRecord {
  recordId: string;
  hash: string;
  updatedAt: string;
}

const key = (kind: DocumentKind, originId: string) => `${kind}:${originId}`;

/** Every record of a case that came from its origin, by kind and origin id. */
export async function syncedRecords(
  q: Queryable,
  caseId: string,
): Promise<Map<string, SyncedRecord>> {
  const rows = await q.all<{
    kind: DocumentKind;
    origin_id: string;
    record_id: string;
    synced_hash: string;
    synced_updated_at: string;
  }>(
    'SELECT kind, origin_id, record_id, synced_hash, synced_updated_at FROM record_origins WHERE case_id = ?',
    [caseId],
  );
  return new Map(
    rows.map((r) => [
      key(r.kind, r.origin_id),
      { recordId: r.record_id, hash: r.synced_hash, updatedAt: r.synced_updated_at },
    ]),
  );
}

export function syncedKey(kind: DocumentKind, originId: string): string {
  return key(kind, originId);
}

export async function recordSyncedTx(
  q: Runner,
  row: { caseId: string; kind: DocumentKind; originId: string } & SyncedRecord,
): Promise<void> {
  await q.run(
    `INSERT INTO record_origins (case_id, kind, origin_id, record_id, synced_hash, synced_updated_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (case_id, kind, origin_id) DO UPDATE
         SET record_id = excluded.record_id, synced_hash = excluded.synced_hash,
             synced_updated_at = excluded.synced_updated_at`,
    [row.caseId, row.kind, row.originId, row.recordId, row.hash, row.updatedAt],
  );
}

const TABLES: Record<DocumentKind, string> = {
  case: 'cases',
  person: 'persons',
  event: 'events',
  testimony: 'testimonies',
  intervention: 'interventions',
};

/**
 * After a case document went to partners: what was sent becomes the baseline
 * of each record that has none yet (a record begun here, or one never
 * synced), so that when the partner's version comes back, a change of theirs
 * is told apart from a local edit made since. A record that already has a
 * baseline keeps it: another partner's later update must still see the local
 * edits made since that baseline as local.
 */
export async function recordSentTx(q: Queryable, caseId: string, doc: CaseDocument): Promise<void> {
  const originOf = (id: string) => doc.origin?.records[id] ?? id;
  for (const [kind, records] of [
    ['case', [doc.case]],
    ['person', doc.persons],
    ['event', doc.events],
    ['testimony', doc.testimonies],
    ['intervention', doc.interventions],
  ] as [DocumentKind, DocumentRecord[]][]) {
    for (const record of records) {
      const id = kind === 'case' ? caseId : record.id;
      // The table name comes from the fixed map above, never from input.
      const row = await q.get<{ updated_at: string }>(
        `SELECT updated_at FROM ${TABLES[kind]} WHERE id = ?`,
        [id],
      );
      if (!row) continue;
      await q.run(
        `INSERT INTO record_origins (case_id, kind, origin_id, record_id, synced_hash, synced_updated_at)
           VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (case_id, kind, origin_id) DO NOTHING`,
        [
          caseId,
          kind,
          originOf(record.id),
          id,
          partnerVersionHash(doc, kind, record),
          row.updated_at,
        ],
      );
    }
  }
}

export async function recordSentToPartners(
  vault: Vault,
  caseId: string,
  doc: CaseDocument,
): Promise<void> {
  await vault.db.transaction((tx) => recordSentTx(tx, caseId, doc));
}

/** JSON with object keys sorted, so that equal content always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/**
 * A partner's version of one record, as a hash that does not depend on ids
 * in any vault: references are written as the records' ids at the origin,
 * and ids, times and the case id are left out. Two exports of an unchanged
 * record hash the same; any change to its content changes the hash.
 */
export function partnerVersionHash(
  doc: CaseDocument,
  kind: DocumentKind,
  record: DocumentRecord,
): string {
  const originOf = (id: string) => doc.origin?.records[id] ?? id;
  const fixed = { createdAt: '', updatedAt: '' };
  const build = documentRecords(originOf, '', () => fixed);
  return contentHash(kind, buildRecord(build, kind, record));
}

/** The hash of a vault record's content (its ids as they are), comparable with a partner's version built with the same ids. */
export function contentHash(kind: DocumentKind, record: object): string {
  const {
    id: _id,
    caseId: _case,
    createdAt: _c,
    updatedAt: _u,
    reference: _r,
    ...content
  } = record as Record<string, unknown>;
  return createHash('sha256').update(canonical({ kind, content })).digest('hex');
}

export type DocumentRecord =
  | CaseDocument['case']
  | CaseDocument['persons'][number]
  | CaseDocument['events'][number]
  | CaseDocument['testimonies'][number]
  | CaseDocument['interventions'][number];

/** One document record as the vault record it becomes, with `build`'s mapping. */
export function buildRecord(
  build: ReturnType<typeof documentRecords>,
  kind: DocumentKind,
  record: DocumentRecord,
): object {
  switch (kind) {
    case 'case':
      return build.case(record as CaseDocument['case'], '');
    case 'person':
      return build.person(record as CaseDocument['persons'][number]);
    case 'event':
      return build.event(record as CaseDocument['events'][number]);
    case 'testimony':
      return build.testimony(record as CaseDocument['testimonies'][number]);
    default:
      return build.intervention(record as CaseDocument['interventions'][number]);
  }
}
