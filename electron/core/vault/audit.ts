import { createHash } from 'node:crypto';
import type { Queryable } from './database';

/**
 * The audit log records who did what, to which record, and when; never case
 * content. It is append-only and hash-chained: each row's hash covers the
 * previous row's hash and every stored column, so an edited, removed or
 * reordered row breaks the chain from that row on. Because the log can never
 * be pruned, `detail` holds field names, counts and file hashes, not the
 * values a user may later need to delete.
 */
export interface AuditEvent {
  action: string;
  entityType: string;
  entityId?: string | null;
  detail?: Record<string, unknown>;
}

export interface AuditContext {
  actor: string;
  now: () => Date;
}

export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  detail: string;
  prev_hash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

export function auditRowHash(row: Omit<AuditRow, 'hash'>): string {
  const material = JSON.stringify([
    row.prev_hash,
    row.seq,
    row.at,
    row.actor,
    row.action,
    row.entity_type,
    row.entity_id,
    row.detail,
  ]);
  return createHash('sha256').update(material, 'utf8').digest('hex');
}

/** Appends one entry; call it inside the transaction that makes the change it records. */
export async function appendAudit(
  tx: Queryable,
  context: AuditContext,
  event: AuditEvent,
): Promise<AuditRow> {
  const last = await tx.get<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
  );
  const row: Omit<AuditRow, 'hash'> = {
    seq: (last?.seq ?? 0) + 1,
    at: context.now().toISOString(),
    actor: context.actor,
    action: event.action,
    entity_type: event.entityType,
    entity_id: event.entityId ?? null,
    detail: JSON.stringify(event.detail ?? {}),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  const full: AuditRow = { ...row, hash: auditRowHash(row) };
  await tx.run(
    `INSERT INTO audit_log (seq, at, actor, action, entity_type, entity_id, detail, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      full.seq,
      full.at,
      full.actor,
      full.action,
      full.entity_type,
      full.entity_id,
      full.detail,
      full.prev_hash,
      full.hash,
    ],
  );
  return full;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  head: string;
  problems: string[];
}

/** Walks the whole chain in pages, so memory stays flat however long the log is. */
export async function verifyAuditChain(db: Queryable, pageSize = 5000): Promise<AuditVerification> {
  const problems: string[] = [];
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  for (;;) {
    const rows = await db.all<AuditRow>(
      'SELECT seq, at, actor, action, entity_type, entity_id, detail, prev_hash, hash FROM audit_log WHERE seq >= ? ORDER BY seq LIMIT ?',
      [expectedSeq, pageSize],
    );
    for (const row of rows) {
      entries += 1;
      if (row.seq !== expectedSeq)
        problems.push(`audit entry ${expectedSeq} is missing (next is ${row.seq})`);
      if (row.prev_hash !== expectedPrev)
        problems.push(`audit entry ${row.seq} does not link to the entry before it`);
      if (auditRowHash(row) !== row.hash)
        problems.push(`audit entry ${row.seq} was altered (its hash does not match its content)`);
      expectedPrev = row.hash;
      expectedSeq = row.seq + 1;
      if (problems.length >= 100) break;
    }
    if (rows.length < pageSize || problems.length >= 100) break;
  }
  return { ok: problems.length === 0, entries, head: expectedPrev, problems };
}
