import type { Vault } from '../vault/vault';
import { existingCaseId } from './crud';

export interface CaseAuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string | null;
  detail: Record<string, unknown>;
  hash: string;
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
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    detail: parseDetail(r.detail),
    hash: r.hash,
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
