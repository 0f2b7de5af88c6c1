import { afterAll, beforeAll } from 'vitest';
import { MIB } from '../../electron/core/crypto/kdf';
import { KDF_PRESETS } from '../../shared/vault';
import { TEST_KDF } from './vault';

/**
 * The app's handlers take a preset name, and the cheapest, 'standard', is the real
 * default (256 MiB, 3 passes): seconds per vault created or unlocked on a busy machine.
 * For a test file about what the app does with a vault (locking, closing, windows), not
 * about the preset: for the rest of this file (each test file runs in its own process),
 * 'standard' costs what the tests' KDF does. Nothing else changes: the real handlers
 * derive the real Argon2id with the parameters they are given. (The end-to-end tests
 * still create their vaults with the shipped preset.)
 */
export function cheapStandardPresetInThisFile(): void {
  const standard = KDF_PRESETS.standard as { memoryMiB: number; iterations: number };
  const shipped = { ...standard };
  beforeAll(() => {
    Object.assign(standard, { memoryMiB: TEST_KDF.memlimit / MIB, iterations: TEST_KDF.opslimit });
  });
  afterAll(() => {
    Object.assign(standard, shipped);
  });
}
