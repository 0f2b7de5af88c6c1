import type { Vault } from '../vault/vault';
import type { Queryable } from '../vault/database';
import { existingCaseId } from './crud';
import { chunks, placeholders } from './sql';

export interface CaseAuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string | null;
  detail: Record<string, unknown>;
  hash: string;
  /**
   * What the record is called, so the log reads "camera.jpg" rather than a
   * hash or an id: a file's name, a person's name, an event's title, a
   * testimony's witness, an intervention's recipient, a case's reference;
   * the trash's label for a deleted record; null when nothing is known.
   */
  label: string | null;
  /** The entry was written by the account this vault is open under now. */
  byThisAccount: boolean;
}

/** Name of each kind of record, for the ids of one page of the log. */
const LABELS: Record<string, string> = {
  case: 'SELECT id, reference AS label FROM cases WHERE id IN (LIST)',
  person: 'SELECT id, name AS label FROM persons WHERE id IN (LIST)',
  event: 'SELECT id, title AS label FROM events WHERE id IN (LIST)',
  testimony: `SELECT t.id, coalesce(p.name, t.witness_description) AS label
              FROM testimonies t LEFT JOIN persons p ON p.id = t.witness_id WHERE t.id IN (LIST)`,
  intervention: 'SELECT id, recipient AS label FROM interventions WHERE id IN (LIST)',
  evidence: 'SELECT id, coalesce(original_name, title) AS label FROM evidence WHERE id IN (LIST)',
};

async function labelsOf(
  q: Queryable,
  entries: { entityType: string; entityId: string | null }[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const ids = new Map<string, Set<string>>();
  for (const e of entries)
    if (e.entityId && LABELS[e.entityType])
      ids.set(e.entityType, (ids.get(e.entityType) ?? new Set()).add(e.entityId));
  for (const [type, set] of ids)
    for (const part of chunks([...set]))
      for (const row of await q.all<{ id: string; label: string | null }>(
        LABELS[type]!.replace('LIST', placeholders(part.length)),
        part,
      ))
        if (row.label) out.set(`${type}:${row.id}`, row.label);
  // Deleted records keep the label the trash gave them.
  const missing = entries.filter((e) => e.entityId && !out.has(`${e.entityType}:${e.entityId}`));
  for (const part of chunks([...new Set(missing.map((e) => e.entityId!))]))
    for (const row of await q.all<{ kind: string; record_id: string; label: string }>(
      `SELECT kind, record_id, label FROM trash WHERE record_id IN (${placeholders(part.length)})`,
      part,
    ))
      if (row.label) out.set(`${row.kind}:${row.record_id}`, row.label);
  return out;
}

/**
 * The entries of the vault's hash-chained audit log that concern one case:
 * the case itself, the records and evidence it holds now, and entries whose
 * detail names the case (person links, creations). Newest first. Entries of
 * records since deleted are only found when their detail named the case.
 * Read-only; the log itself is written by the core.
 */
export async function caseAuditLog(
  vault: Vault,
  caseId: string,
  limit: number,
): Promise<CaseAuditEntry[]> {
  await existingCaseId(vault.db, caseId);
  const rows = await vault.db.all<{
    seq: number;
    at: string;
    actor: string;
    action: string;
    entity_type: string;
    entity_id: string | null;
    detail: string;
    hash: string;
  }>(
    `SELECT seq, at, actor, action, entity_type, entity_id, detail, hash FROM audit_log
     WHERE (entity_type = 'case' AND entity_id = ?1)
        OR entity_id IN (SELECT id FROM events WHERE case_id = ?1
                         UNION ALL SELECT id FROM testimonies WHERE case_id = ?1
                         UNION ALL SELECT id FROM interventions WHERE case_id = ?1
                         UNION ALL SELECT id FROM evidence WHERE case_id = ?1)
        OR (json_valid(detail) AND json_extract(detail, '$.caseId') = ?1)
     ORDER BY seq DESC LIMIT ?2`,
    [caseId, limit],
  );
  const labels = await labelsOf(
    vault.db,
    rows.map((r) => ({ entityType: r.entity_type, entityId: r.entity_id })),
  );
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    detail: parseDetail(r.detail),
    hash: r.hash,
    label: labels.get(`${r.entity_type}:${r.entity_id}`) ?? null,
    byThisAccount: r.actor === vault.actor,
  }));
}

function parseDetail(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}
