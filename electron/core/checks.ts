import { checkEvidenceBlobs, repairEvidenceBlobs } from './evidence/check';
import { checkCaseRecords } from './records';
import { runVaultChecks, type CheckReport, type VaultCheck } from './vault/check';
import type { Vault } from './vault/vault';

/** Checks contributed by modules that keep data outside the database tables. */
const MODULE_CHECKS: VaultCheck[] = [checkCaseRecords, checkEvidenceBlobs];

/** Everything `vigil check` verifies: pages, structure, references, the audit chain, evidence blobs. */
export function checkVault(vault: Vault): Promise<CheckReport> {
  return runVaultChecks(vault, MODULE_CHECKS);
}

/** Removes what a crash can leave behind (orphan blobs, temp files); never data a record uses. */
export async function repairVault(vault: Vault): Promise<{ removed: string[] }> {
  return repairEvidenceBlobs(vault);
}
