import { join } from 'node:path';
import { createVault, openVault, type CreatedVault, type Vault } from '../../electron/core';
import { argon2idParams } from '../../electron/core/crypto/kdf';
import { tempDir } from './tmp';
import { Database } from '../../electron/core/vault/database';
import { readHeader } from '../../electron/core/vault/header';
import { unlockWithPassphrase } from '../../electron/core/vault/keyslots';

/** The cheapest Argon2id the vault accepts, so tests stay fast; the default is tested on its own. */
export const TEST_KDF = argon2idParams({ memoryMiB: 64, iterations: 1 });
export const PASSPHRASE = 'correct horse battery staple';

/** A new vault with the test KDF, in a temp dir removed after the test unless `root` is given (for beforeAll). */
export async function newVault(
  options: { passphrase?: string; actor?: string; root?: string } = {},
): Promise<CreatedVault & { dir: string }> {
  const dir = join(options.root ?? (await tempDir()), 'vault');
  const created = await createVault({
    dir,
    passphrase: options.passphrase ?? PASSPHRASE,
    kdf: TEST_KDF,
    actor: options.actor ?? 'tester',
  });
  return { ...created, dir };
}

export function reopen(dir: string, passphrase = PASSPHRASE): Promise<Vault> {
  return openVault({ dir, passphrase, actor: 'tester' });
}

/**
 * The vault's database keyed but NOT migrated or checked: for tests that need
 * to put a vault into a state the core would never produce (an old schema, a
 * newer one, an edited audit row).
 */
export async function openRawDatabase(dir: string, passphrase = PASSPHRASE): Promise<Database> {
  const header = await readHeader(dir);
  const key = await unlockWithPassphrase(header, passphrase);
  const db = await Database.open(join(dir, 'vault.db'));
  await db.exec(`PRAGMA key = "x'${key.toString('hex')}'"`);
  await db.get('SELECT count(*) FROM sqlite_master');
  return db;
}
