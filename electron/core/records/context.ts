import type { RecordKind } from '../../../shared/domain/vocabCheck';
import type { VocabularySet } from '../../../shared/vocabularies';
import type { Queryable } from '../vault/database';
import type { Vault } from '../vault/vault';
import { loadVocabularies } from './vocabularies';
import { RowBatch } from './rowBatch';
import { Statements } from './sql';

/**
 * What a write needs inside its transaction: the statements, the vocabulary
 * set (built-in and the vault's own terms), the time, and whether to write
 * one audit entry per record (single edits) or leave it to the caller (a bulk
 * import writes one entry for the whole document).
 */
export interface WriteContext {
  vault: Vault;
  tx: Queryable;
  sql: Statements;
  vocab: VocabularySet;
  now: string;
  auditEach: boolean;
  /**
   * The transaction itself, past a bulk write's row batch (./rowBatch.ts): a
   * read here neither writes out the rows held nor sees them. Only for a
   * read whose caller accounts for the rows it wrote itself.
   */
  direct: Queryable;
}

/**
 * Runs `work` in one transaction with a fresh write context. `bulk` (an
 * import) writes the rows of plain INSERTs many at a time (./rowBatch.ts);
 * what is read or written meanwhile sees them all the same.
 */
export function writeTransaction<T>(
  vault: Vault,
  work: (ctx: WriteContext) => Promise<T>,
  options: { bulk?: boolean } = {},
): Promise<T> {
  return vault.db.transaction(async (raw) => {
    const batch = options.bulk ? new RowBatch(raw) : undefined;
    const tx = batch ? batch.queryable() : raw;
    const sql = new Statements(tx, batch);
    try {
      const vocab = await loadVocabularies(tx);
      const now = vault.now().toISOString();
      const result = await work({ vault, tx, sql, vocab, now, auditEach: true, direct: raw });
      await batch?.flush();
      return result;
    } finally {
      await sql.finalize();
      await batch?.finalize();
    }
  });
}

/** What an audit entry for one record says was done to it. */
export type AuditVerb =
  'create' | 'update' | 'delete' | 'restore' | 'purge' | 'seal' | 'link' | 'unlink' | 'export-json';

/**
 * Appends `<kind>.<verb>` for one record to the audit log, in the write's
 * transaction; a bulk import (`auditEach` off) writes its own single entry.
 * `detail` holds ids, field names and counts only, never case content.
 */
export async function auditTx(
  ctx: WriteContext,
  kind: RecordKind,
  verb: AuditVerb,
  entityId: string,
  detail: Record<string, unknown>,
): Promise<void> {
  if (!ctx.auditEach) return;
  await ctx.vault.record(ctx.tx, { action: `${kind}.${verb}`, entityType: kind, entityId, detail });
}
