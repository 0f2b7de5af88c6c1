import { describe, expect, it } from 'vitest';
import {
  argon2idParams,
  deriveArgon2id,
  DEFAULT_ARGON2ID,
  MIB,
} from '../../../electron/core/crypto/kdf';

describe('Argon2id parameters', () => {
  it('defaults to at least 256 MiB and 3 iterations', () => {
    expect(DEFAULT_ARGON2ID.memlimit).toBeGreaterThanOrEqual(256 * MIB);
    expect(DEFAULT_ARGON2ID.opslimit).toBeGreaterThanOrEqual(3);
  });

  it('never goes below 64 MiB and refuses nonsense precisely', () => {
    expect(() => argon2idParams({ memoryMiB: 32 })).toThrow(/from 64 to 4096/);
    expect(() => argon2idParams({ iterations: 0 })).toThrow(/iterations/);
    expect(() => argon2idParams({ memoryMiB: 100.5 })).toThrow(/whole number/);
    expect(argon2idParams({ memoryMiB: 512, iterations: 4 })).toEqual({
      alg: 'argon2id13',
      memlimit: 512 * MIB,
      opslimit: 4,
    });
  });

  it('derives the same key for composed and decomposed accents (NFC)', async () => {
    const salt = Buffer.alloc(16, 1);
    const params = argon2idParams({ memoryMiB: 64, iterations: 1 });
    const composed = await deriveArgon2id('contraseña segura', salt, params);
    const decomposed = await deriveArgon2id('contrasen\u0303a segura', salt, params);
    const other = await deriveArgon2id('contrasena segura', salt, params);
    expect(composed.equals(decomposed)).toBe(true);
    expect(composed.equals(other)).toBe(false);
  });
});
