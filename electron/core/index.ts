// The core's public surface, used by the CLI and the Electron main process.
export { VigilError, isVigilError } from './errors';
export * from './vault/vault';
export { type CheckReport, type CheckItem, type VaultCheck } from './vault/check';
export { checkVault, repairVault } from './checks';
export { exportSqlcipher } from './vault/exportSqlcipher';
export { argon2idParams, DEFAULT_ARGON2ID, type Argon2idParams } from './crypto/kdf';
export { verifyAuditChain } from './vault/audit';
export * from './backup';
export { describeRecovery, type RecoveryNote } from './vault/outgoing';
export { DEFAULT_LOCK_WAIT_MS, readHolder, type LockHolder } from './vault/writerLock';
export { removeTrackedSync, trackedLabels } from './fs/tempRegistry';
export { databasePath } from './vault/layout';
