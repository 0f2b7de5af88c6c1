import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { CheckItem } from '../vault/check';
import type { Vault } from '../vault/vault';
import { blobDir } from '../vault/layout';
import { deleteBlob, listBlobFiles, verifyBlob } from './blobStore';
import { trashBlobIds } from '../records/trash';

interface BlobRow {
  id: string;
  blob_id: string;
  blob_key: Buffer;
  sha256: string;
  size: number;
}

async function hasTable(vault: Vault, name: string): Promise<boolean> {
  return Boolean(
    await vault.db.get("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name]),
  );
}
const hasEvidenceTable = (vault: Vault) => hasTable(vault, 'evidence');

/** Blobs kept for entries in the trash: not orphans, and never removed by a repair. */
async function trashed(vault: Vault): Promise<string[]> {
  return (await hasTable(vault, 'trash')) ? trashBlobIds(vault.db) : [];
}

/**
 * Decrypts and re-hashes every evidence blob, and compares the blob folder
 * with the database: missing files, orphan files (a blob no row points to,
 * e.g. after a crash during intake) and leftover temp files.
 */
export async function checkEvidenceBlobs(vault: Vault): Promise<CheckItem> {
  const problems: string[] = [];
  const rows = (await hasEvidenceTable(vault))
    ? await vault.db.all<BlobRow>(
        'SELECT id, blob_id, blob_key, sha256, size FROM evidence ORDER BY id',
      )
    : [];
  const onDisk = await listBlobFiles(vault.dir);
  const present = new Set(onDisk.blobIds);
  const referenced = new Set([...rows.map((r) => r.blob_id), ...(await trashed(vault))]);
  const verified = new Set<string>();
  for (const row of rows) {
    if (!present.has(row.blob_id)) {
      problems.push(`evidence ${row.id}: its encrypted file is missing`);
      continue;
    }
    if (verified.has(row.blob_id)) continue;
    verified.add(row.blob_id);
    const problem = await verifyBlob(vault.dir, row.blob_id, row.blob_key, row);
    if (problem) problems.push(`evidence ${row.id}: ${problem}`);
  }
  for (const blobId of onDisk.blobIds)
    if (!referenced.has(blobId))
      problems.push(`orphan blob ${blobId} (no evidence record uses it; --repair removes it)`);
  for (const temp of onDisk.tempFiles)
    problems.push(
      `leftover temporary file ${temp} from an interrupted intake (--repair removes it)`,
    );
  return {
    code: 'evidence-files',
    name: `evidence files (${rows.length} items, ${onDisk.blobIds.length} blobs)`,
    ok: problems.length === 0,
    problems,
  };
}

/** Removes orphan blobs and leftover temp files; never touches a blob that a record uses. */
export async function repairEvidenceBlobs(vault: Vault): Promise<{ removed: string[] }> {
  const referenced = new Set([
    ...((await hasEvidenceTable(vault))
      ? (await vault.db.all<{ blob_id: string }>('SELECT blob_id FROM evidence')).map(
          (r) => r.blob_id,
        )
      : []),
    ...(await trashed(vault)),
  ]);
  const onDisk = await listBlobFiles(vault.dir);
  const removed: string[] = [];
  for (const blobId of onDisk.blobIds) {
    if (referenced.has(blobId)) continue;
    await deleteBlob(vault.dir, blobId);
    removed.push(`${blobId}.blob`);
  }
  for (const temp of onDisk.tempFiles) {
    await unlink(join(blobDir(vault.dir), temp)).catch(() => undefined);
    removed.push(temp);
  }
  if (removed.length > 0) {
    await vault.db.transaction((tx) =>
      vault.record(tx, {
        action: 'vault.repair',
        entityType: 'vault',
        entityId: vault.id,
        detail: { removedFiles: removed.length },
      }),
    );
  }
  return { removed };
}
