import { deriveBlake2b } from '../crypto/kdf';
import type { SecretBytes } from '../crypto/secrets';

/**
 * The key that authenticates a backup of the vault as a whole (the MAC over
 * its manifest). It is derived from the vault key, so whoever can unwrap the
 * vault key from a backup's header (passphrase or recovery key) can check the
 * backup, and nobody else can make one that passes. A separate context keeps
 * it unrelated to every other use of the vault key.
 */
const BACKUP_CONTEXT = 'vigil-backup-mac-v1';

export function deriveBackupKey(vaultKey: Uint8Array, vaultId: string): SecretBytes {
  return deriveBlake2b(vaultKey, BACKUP_CONTEXT, Buffer.from(vaultId, 'utf8'));
}
