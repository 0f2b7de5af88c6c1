// Whole-vault backups: one authenticated file, verified and restored with the vault's own keys.
export { createBackup, lastBackupAt, type BackupProgress, type BackupResult } from './write';
export {
  verifyBackup,
  restoreBackup,
  type BackupUnlock,
  type BackupSummary,
  type ReadProgress,
} from './read';
