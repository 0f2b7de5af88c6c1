import { checkEvidenceBlobs, repairEvidenceBlobs } from './evidence/check';
import { removeStaleSealedFiles, staleSealedFiles } from './pgp/sealedTemp';
import { checkCaseRecords } from './records';
import { runVaultChecks, type CheckItem, type CheckReport, type VaultCheck } from './vault/check';
import { describeRecovery, pendingOutgoing } from './vault/outgoing';
import type { Vault } from './vault/vault';

/**
 * What interrupted processes left: outgoing writes (removed when the vault
 * was opened, reported here; a failure to remove is a problem), and sealed
 * temporary files in the vault folder (encrypted under a key that died
 * with their process: noise, but reported, and removed by --repair).
 */
async function checkInterruptedWork(vault: Vault): Promise<CheckItem> {
  const problems: string[] = [];
  const notes: string[] = [];
  for (const note of vault.recovered) {
    if (note.outcome === 'not-removed') problems.push(describeRecovery(note));
    else notes.push(describeRecovery(note));
  }
  const failedRemovals = vault.recovered.filter((n) => n.outcome === 'not-removed').length;
  const pending = (await pendingOutgoing(vault)) - failedRemovals;
  if (pending > 0)
    problems.push(
      `${pending} interrupted export(s) are still recorded as in progress; open the vault for writing to remove what they left`,
    );
  for (const name of await staleSealedFiles(vault.dir))
    problems.push(
      `leftover sealed temporary file ${name} from an interrupted bundle import or verification (--repair removes it)`,
    );
  return {
    code: 'interrupted-work',
    name: 'interrupted work (exports, temporary files)',
    ok: problems.length === 0,
    problems,
    ...(notes.length > 0 ? { notes } : {}),
  };
}

/** Checks contributed by modules that keep data outside the database tables. */
const MODULE_CHECKS: VaultCheck[] = [checkCaseRecords, checkEvidenceBlobs, checkInterruptedWork];

/**
 * Everything `vigil check` verifies: pages, structure, references, the audit
 * chain, evidence blobs, and what interrupted work left. It holds the writer
 * lock, so that no other process is midway through writing a blob or an
 * export while the folder is compared with the database.
 */
export async function checkVault(vault: Vault): Promise<CheckReport> {
  await vault.ensureWriter();
  return runVaultChecks(vault, MODULE_CHECKS);
}

/**
 * Removes what a crash can leave behind (orphan blobs, temp files, sealed
 * temporaries); never data a record uses. Provably safe against live work:
 * it holds the writer lock, so no other process is writing blobs, and what
 * this process is still writing is skipped (fs/tempRegistry.ts).
 */
export async function repairVault(vault: Vault): Promise<{ removed: string[] }> {
  await vault.ensureWriter();
  const { removed } = await repairEvidenceBlobs(vault);
  removed.push(...(await removeStaleSealedFiles(vault.dir)));
  return { removed };
}
