import { randomUUID } from 'node:crypto';
import type { CaseDocument } from '../../../shared/domain/caseDocument';
import { describeIssues } from '../../../shared/domain/issues';
import { documentVocabularyIssues } from '../../../shared/domain/caseDocument';
import { keepPrivateFrom } from '../../../shared/domain/privateFields';
import { VocabularySet } from '../../../shared/vocabularies';
import { VigilError } from '../errors';
import type { Queryable } from '../vault/database';
import type { Vault } from '../vault/vault';
import { caseDocumentTx, documentRecordList } from './caseDocument';
import { writeTransaction } from './context';
import {
  documentRecords,
  writeDocumentTx,
  type DocumentKind,
  type KindCounts,
} from './documentWrite';
import {
  buildRecord,
  contentHash,
  partnerVersionHash,
  recordSyncedTx,
  syncedKey,
  syncedRecords,
} from './origins';
import { addCaseTermTx, MAX_CASE_TERMS } from './vocabularies';

/**
 * Updating a case from a partner's newer version of it (`vigil import
 * --update`). Records are matched by their ids at the case's origin, and each
 * is compared with what the last import wrote (its hash, and the record's
 * time right after):
 *
 * - a record the partner added is added;
 * - a record the partner changed and nobody changed here is overwritten with
 *   the partner's version;
 * - a record changed here and not by the partner keeps the local version;
 * - a record changed both here and by the partner keeps the LOCAL version,
 *   and is reported as a conflict with the fields that differ (the partner's
 *   version can be imported apart with --as-new to compare);
 * - a record deleted here that the partner still has comes back, reported;
 * - nothing is ever deleted: records the partner no longer sends stay.
 *
 * Persons' roles in the case are only added; the partner's own vocabulary
 * terms are kept with the case.
 */

export interface UpdateConflict {
  kind: DocumentKind;
  /** The record's id in this vault. */
  id: string;
  /** The fields the partner's version and the local one disagree on. */
  fields: string[];
}

export interface UpdateResult {
  caseId: string;
  reference: string;
  added: KindCounts;
  updated: KindCounts;
  /** Records the partner did not change, or changed only here. */
  unchanged: number;
  conflicts: UpdateConflict[];
  /** Records deleted here that the partner still had, added again. */
  restored: { kind: DocumentKind; id: string }[];
  customTermsKept: number;
}

type Row = { updated_at: string } | undefined;

const TABLE: Record<DocumentKind, string> = {
  case: 'cases',
  person: 'persons',
  event: 'events',
  testimony: 'testimonies',
  intervention: 'interventions',
};

async function updatedAt(q: Queryable, kind: DocumentKind, id: string): Promise<string | null> {
  // The table name comes from the fixed map above, never from input.
  const row: Row = await q.get<{ updated_at: string }>(
    `SELECT updated_at FROM ${TABLE[kind]} WHERE id = ?`,
    [id],
  );
  return row?.updated_at ?? null;
}

/** Top-level fields whose values differ between two records (ids and times aside). */
function differingFields(a: object, b: object): string[] {
  const skip = new Set(['id', 'caseId', 'createdAt', 'updatedAt', 'reference']);
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  return [...new Set([...Object.keys(left), ...Object.keys(right)])]
    .filter((k) => !skip.has(k) && JSON.stringify(left[k]) !== JSON.stringify(right[k]))
    .sort();
}

/**
 * Applies a partner's version of a case (already verified and validated) to
 * the local case `caseId`, and runs `more` in the same transaction (the
 * dossier import adds new evidence there).
 */
export async function updateCaseFromDocument<T>(
  vault: Vault,
  caseId: string,
  doc: CaseDocument,
  /** More work in the same transaction; `ids` maps the document's record ids to the vault's. */
  more: (tx: Queryable, result: UpdateResult, ids: Readonly<Record<string, string>>) => Promise<T>,
): Promise<UpdateResult & { extra: T }> {
  return writeTransaction(
    vault,
    async (ctx) => {
      ctx.auditEach = false;
      const q = ctx.tx;
      const local = await caseDocumentTx(ctx, caseId);
      const begunHere =
        (await q.get<{ origin_id: string | null }>('SELECT origin_id FROM cases WHERE id = ?', [
          caseId,
        ]))!.origin_id === null;
      const synced = await syncedRecords(q, caseId);
      const originOf = (docId: string) => doc.origin?.records[docId] ?? docId;

      // The partner's terms: kept with the case, within the cap for the case as a whole.
      const fresh = doc.customTerms.filter((t) => !ctx.vocab.has(t.vocabulary, t.id));
      const kept =
        (
          await q.get<{ n: number }>(
            'SELECT count(*) AS n FROM case_vocab_terms WHERE case_id = ?',
            [caseId],
          )
        )?.n ?? 0;
      if (kept + fresh.length > MAX_CASE_TERMS)
        throw new VigilError(
          'INVALID_INPUT',
          `With this update the case would keep ${kept + fresh.length} vocabulary terms of its partner's; Vigil keeps at most ${MAX_CASE_TERMS} with one case. Nothing was changed.`,
        );
      if (fresh.length > 0) ctx.vocab = new VocabularySet([...ctx.vocab.customTerms(), ...fresh]);
      const problems = documentVocabularyIssues(doc, ctx.vocab);
      if (problems.length > 0)
        throw new VigilError(
          'INVALID_INPUT',
          `The partner's case is not valid: ${describeIssues(problems)}. Nothing was changed.`,
        );

      // Where each of the partner's records lands here, and whether it is written.
      const localById = new Map(documentRecordList(local).map(({ record }) => [record.id, record]));
      const ids: Record<string, string> = {};
      const exists = new Set<string>();
      const skip = new Set<string>();
      const hashes = new Map<string, string>();
      const conflicts: UpdateConflict[] = [];
      const restored: UpdateResult['restored'] = [];
      let unchanged = 0;
      // Records whose content is the same on both sides although they were not in step: synced anew below.
      const equal: { kind: DocumentKind; docId: string; vaultId: string }[] = [];
      const list = documentRecordList(doc);
      for (const { kind, record } of list) {
        const originId = originOf(record.id);
        const entry = synced.get(syncedKey(kind, originId));
        let vaultId =
          kind === 'case'
            ? caseId
            : (entry?.recordId ?? (begunHere && localById.has(originId) ? originId : undefined));
        const hash = partnerVersionHash(doc, kind, record);
        hashes.set(record.id, hash);
        const localTime = vaultId === undefined ? null : await updatedAt(q, kind, vaultId);
        if (vaultId !== undefined && localTime === null) {
          // Deleted here since: it comes back (under a new id), and the user is told.
          restored.push({ kind, id: (vaultId = randomUUID()) });
        }
        if (vaultId === undefined || localTime === null) {
          ids[record.id] = vaultId ?? randomUUID();
          continue;
        }
        ids[record.id] = vaultId;
        if (entry && entry.hash === hash) {
          skip.add(record.id); // the partner did not change it
          unchanged += 1;
          continue;
        }
        const localChanged = !entry || entry.updatedAt !== localTime;
        if (!localChanged) {
          exists.add(vaultId); // changed by the partner only: their version is written
          continue;
        }
        skip.add(record.id);
        // Changed on both sides, or never synced (a case begun here): equal content is no conflict.
        const mine = localById.get(vaultId);
        const stamp = () => ({ createdAt: '', updatedAt: '' });
        const theirs = buildRecord(
          documentRecords((id) => ids[id] ?? id, caseId, stamp),
          kind,
          mine ? keepPrivateFrom(kind, record, mine) : record,
        );
        const ours = mine
          ? buildRecord(
              documentRecords((id) => id, caseId, stamp),
              kind,
              mine,
            )
          : {};
        if (contentHash(kind, theirs) === contentHash(kind, ours)) {
          unchanged += 1;
          equal.push({ kind, docId: record.id, vaultId });
        } else conflicts.push({ kind, id: vaultId, fields: differingFields(theirs, ours) });
      }
      // References from written records to the partner's other records need the final ids.
      const reference = local.case.reference ?? '';
      // A partner's version overwrites the local record: the private fields that never went to them
      // come back empty, and are kept from the local record rather than erased.
      const keep = <R extends { id: string }>(kind: DocumentKind, records: R[]): R[] =>
        records.map((r) => {
          const mine = exists.has(ids[r.id] ?? '') ? localById.get(ids[r.id]!) : undefined;
          return mine ? keepPrivateFrom(kind, r, mine) : r;
        });
      const written: CaseDocument = {
        ...doc,
        persons: keep('person', doc.persons),
        events: keep('event', doc.events),
        testimonies: keep('testimony', doc.testimonies),
      };
      const counts = await writeDocumentTx(ctx, written, {
        caseId,
        reference,
        ids,
        exists,
        skip,
        onWritten: async (kind, docId, vaultId, at) =>
          recordSyncedTx(ctx.sql, {
            caseId,
            kind,
            originId: originOf(docId),
            recordId: vaultId,
            hash: hashes.get(docId)!,
            updatedAt: at,
          }),
      });
      // Records equal on both sides: the partner's version is now the one last synced. (A record the
      // partner did not change keeps its old baseline, so that a local edit is still seen as one.)
      for (const { kind, docId, vaultId } of equal) {
        const at = await updatedAt(q, kind, vaultId);
        if (at)
          await recordSyncedTx(q, {
            caseId,
            kind,
            originId: originOf(docId),
            recordId: vaultId,
            hash: hashes.get(docId)!,
            updatedAt: at,
          });
      }
      for (const term of fresh) await addCaseTermTx(q, caseId, term, ctx.now);

      const result: UpdateResult = {
        caseId,
        reference,
        added: counts.created,
        updated: counts.updated,
        unchanged,
        conflicts,
        restored,
        customTermsKept: fresh.length,
      };
      await vault.record(q, {
        action: 'case.updated-from-partner',
        entityType: 'case',
        entityId: caseId,
        detail: {
          added: result.added,
          updated: result.updated,
          unchanged,
          conflicts: conflicts.map((c) => ({ kind: c.kind, id: c.id, fields: c.fields })),
          restored,
          customTermsKept: fresh.length,
        },
      });
      const extra = await more(q, result, ids);
      return { ...result, extra };
    },
    // Rows written many at a time, as a new case's import does (./rowBatch.ts).
    { bulk: true },
  );
}
