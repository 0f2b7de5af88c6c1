import type { VocabularySet } from '../../../shared/vocabularies';
import type { Queryable } from '../vault/database';
import type { Vault } from '../vault/vault';
import { loadVocabularies } from './vocabularies';
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
}

/** Runs `work` in one transaction with a fresh write context. */
export function writeTransaction<T>(
  vault: Vault,
  work: (ctx: WriteContext) => Promise<T>,
): Promise<T> {
  return vault.db.transaction(async (tx) => {
    const sql = new Statements(tx);
    try {
      const vocab = await loadVocabularies(tx);
      return await work({ vault, tx, sql, vocab, now: vault.now().toISOString(), auditEach: true });
    } finally {
      await sql.finalize();
    }
  });
}
