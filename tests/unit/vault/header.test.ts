import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  parseHeader,
  serializeHeader,
  type VaultHeader,
} from '../../../electron/core/vault/header';
import { argon2idParams } from '../../../electron/core/crypto/kdf';
import { isVigilError } from '../../../electron/core/errors';

const b64 = (n: number) => Buffer.alloc(n, 7).toString('base64');
const header: VaultHeader = {
  format: 1,
  vaultId: randomUUID(),
  createdAt: new Date('2026-01-02T03:04:05.000Z').toISOString(),
  slots: {
    passphrase: { kdf: argon2idParams(), salt: b64(16), nonce: b64(24), wrappedKey: b64(48) },
    recovery: { kdf: { alg: 'blake2b' }, salt: b64(16), nonce: b64(24), wrappedKey: b64(48) },
  },
};

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return isVigilError(error) ? error.code : 'OTHER';
  }
  return undefined;
}

describe('vault header', () => {
  it('round-trips and is readable text with a checksum line', () => {
    const bytes = serializeHeader(header);
    expect(parseHeader(bytes)).toEqual(header);
    const lines = bytes.toString('utf8').split('\n');
    expect(lines[0]).toBe('VIGIL-VAULT-HEADER 1');
    expect(lines[2]).toMatch(/^sha256 [0-9a-f]{64}$/);
  });

  it('reports every single flipped byte as a damaged header', () => {
    const bytes = serializeHeader(header);
    for (let offset = 0; offset < bytes.length; offset += 1) {
      for (const mask of [0x01, 0x80, 0xff]) {
        const copy = Buffer.from(bytes);
        copy[offset]! ^= mask;
        expect(
          codeOf(() => parseHeader(copy)),
          `offset ${offset} mask ${mask}`,
        ).toBe('HEADER_DAMAGED');
      }
    }
  });

  it('reports truncation, an empty file and trailing junk as damage', () => {
    const bytes = serializeHeader(header);
    expect(codeOf(() => parseHeader(bytes.subarray(0, bytes.length - 1)))).toBe('HEADER_DAMAGED');
    expect(codeOf(() => parseHeader(Buffer.alloc(0)))).toBe('HEADER_DAMAGED');
    expect(codeOf(() => parseHeader(Buffer.concat([bytes, Buffer.from('x')])))).toBe(
      'HEADER_DAMAGED',
    );
  });

  it('refuses KDF parameters below the floor even with a valid checksum', () => {
    const weak = {
      ...header,
      slots: {
        ...header.slots,
        passphrase: {
          ...header.slots.passphrase,
          kdf: { alg: 'argon2id13', opslimit: 1, memlimit: 1024 * 1024 },
        },
      },
    };
    const body = `VIGIL-VAULT-HEADER 1\n${JSON.stringify(weak)}\n`;
    const forged = Buffer.from(
      `${body}sha256 ${createHash('sha256').update(body).digest('hex')}\n`,
    );
    expect(codeOf(() => parseHeader(forged))).toBe('HEADER_DAMAGED');
  });

  it('tells a header from a newer Vigil apart from damage', () => {
    const body = `VIGIL-VAULT-HEADER 2\n${JSON.stringify({ format: 2 })}\n`;
    const newer = Buffer.from(`${body}sha256 ${createHash('sha256').update(body).digest('hex')}\n`);
    expect(codeOf(() => parseHeader(newer))).toBe('VAULT_TOO_NEW');
  });
});
