import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createVault, type Vault } from '../../electron/core';
import { argon2idParams } from '../../electron/core/crypto/kdf';

// Scratch space for fuzz targets that need files or a vault: one folder per
// process, removed when the process ends (targets run thousands of inputs,
// so a per-test cleanup hook does not fit).
let root: string | undefined;

export function scratchDir(): string {
  if (!root) {
    root = mkdtempSync(join(tmpdir(), 'vigil-fuzz-'));
    const dir = root;
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return root;
}

let count = 0;
/** A new path inside the scratch folder. */
export function scratchPath(name: string): string {
  count += 1;
  return join(scratchDir(), `${count}-${name}`);
}

/** A vault with the cheapest key derivation the vault accepts (fuzzing opens it once per target). */
export async function scratchVault(name: string): Promise<Vault> {
  const created = await createVault({
    dir: join(scratchDir(), `vault-${name}`),
    passphrase: 'fuzzing passphrase, not a secret',
    kdf: argon2idParams({ memoryMiB: 64, iterations: 1 }),
    actor: 'fuzz',
  });
  return created.vault;
}

/** A value computed once, on first use, by an async function (fixtures for a target). */
export function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}
