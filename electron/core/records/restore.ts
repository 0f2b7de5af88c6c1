import type { Vault } from '../vault/vault';
import { nextReference } from './cases';
import { restoreFromTrash, type RestoreResult } from './trash';

/**
 * Restores a trash entry (by its id, or the id of the record deleted): the
 * record and what went with it come back as they were, in one transaction,
 * recorded in the audit log as `<kind>.restore`. See ./trash.ts for what a
 * restore does when the vault changed meanwhile.
 */
export function restoreTrashEntry(vault: Vault, id: string): Promise<RestoreResult> {
  return restoreFromTrash(vault, id, {
    nextReference,
    audit: async (ctx, result) => {
      await ctx.vault.record(ctx.tx, {
        action: `${result.entry.kind}.restore`,
        entityType: result.entry.kind,
        entityId: result.entry.recordId,
        detail: {
          trash: result.entry.id,
          rows: result.entry.rows,
          dropped: result.dropped.length,
          ...(result.referenceChanged ? { referenceChanged: true } : {}),
        },
      });
    },
  });
}
