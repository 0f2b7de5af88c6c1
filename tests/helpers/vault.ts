import { join } from 'node:path';
import { createVault, openVault, type CreatedVault, type Vault } from '../../electron/core';
import { argon2idParams } from '../../electron/core/crypto/kdf';
import { tempDir } from './tmp';

/** The cheapest Argon2id the vault accepts, so tests stay fast; the default is tested on its own. */
export const TEST_KDF = argon2idParams({ memoryMiB: 64, iterations: 1 });
export const PASSPHRASE = 'correct horse battery staple';

export async function newVault(options: { passphrase?: string; actor?: string } = {}): Promise<CreatedVault & { dir: string }> {
  const dir = join(await tempDir(), 'vault');
  const created = await createVault({ dir, passphrase: options.passphrase ?? PASSPHRASE, kdf: TEST_KDF, actor: options.actor ?? 'tester' });
  return { ...created, dir };
}

export function reopen(dir: string, passphrase = PASSPHRASE): Promise<Vault> {
  return openVault({ dir, passphrase, actor: 'tester' });
}
