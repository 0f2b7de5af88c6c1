import { VigilError } from '../errors';
import type { Vault } from '../vault/vault';
import { purgeTrashTx, type TrashEntry } from '../records/trash';
import { releaseBlob } from './evidence';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Empties the trash (everything, or what was deleted more than `olderThanDays`
 * days ago): the entries go in one transaction, recorded in the audit log as
 * `<kind>.purge`; then the evidence blobs no record and no remaining entry
 * uses are deleted, and with them the only copies of their keys went with the
 * rows (crypto-erasure). A crash between the two leaves orphan blobs that
 * `vigil check --repair` removes.
 */
export async function emptyTrash(
  vault: Vault,
  options: { olderThanDays?: number; ids?: readonly string[] } = {},
): Promise<{ entries: TrashEntry[]; blobs: number }> {
  const ids = options.ids === undefined ? undefined : [...new Set(options.ids)];
  const days = options.olderThanDays;
  if (days !== undefined && (!Number.isInteger(days) || days < 0))
    throw new VigilError('INVALID_INPUT', 'The number of days must be a whole number, 0 or more.');
  const before =
    days === undefined ? undefined : new Date(vault.now().getTime() - days * DAY_MS).toISOString();
  const purged = await vault.db.transaction(async (tx) => {
    const result = await purgeTrashTx(tx, {
      ...(before === undefined ? {} : { before }),
      ...(ids === undefined ? {} : { ids }),
    });
    // Chosen entries (a selection in the Trash): all of them or none, as chosen.
    if (ids !== undefined && result.entries.length !== ids.length)
      throw new VigilError(
        'NOT_FOUND',
        `${ids.length - result.entries.length} of the chosen entries are no longer in the trash. Nothing was destroyed.`,
      );
    for (const entry of result.entries)
      await vault.record(tx, {
        action: `${entry.kind}.purge`,
        entityType: entry.kind,
        entityId: entry.recordId,
        detail: { trash: entry.id, rows: entry.rows, blobs: entry.blobs },
      });
    return result;
  });
  for (const blobId of purged.blobIds) await releaseBlob(vault, blobId);
  return { entries: purged.entries, blobs: purged.blobIds.length };
}
