import { createCipheriv, createDecipheriv, randomBytes, randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CfbDecryptor } from '../../../electron/core/pgp/cfb';

describe('CFB decryption by ECB keystream', () => {
  it.each([
    ['aes-128', 16],
    ['aes-192', 24],
    ['aes-256', 32],
  ] as const)('%s matches OpenSSL CFB for any length and any chunking', (name, keyLength) => {
    for (const size of [0, 1, 15, 16, 17, 31, 32, 33, 1000, 65_537, 300_001]) {
      const key = randomBytes(keyLength);
      const plain = randomBytes(size);
      const cipherText = createCipheriv(`${name}-cfb`, key, Buffer.alloc(16)).update(plain);
      const expected = createDecipheriv(`${name}-cfb`, key, Buffer.alloc(16)).update(cipherText);
      expect(expected.equals(plain)).toBe(true);
      const decryptor = new CfbDecryptor(`${name}-ecb`, key);
      const parts: Buffer[] = [];
      for (let at = 0; at < cipherText.length;) {
        // Odd offsets too, so the aligned and unaligned XOR paths both run.
        const take = Math.min(cipherText.length - at, randomInt(1, 70_000));
        parts.push(decryptor.update(Buffer.from(cipherText.subarray(at, at + take))));
        at += take;
      }
      parts.push(decryptor.final());
      expect(Buffer.concat(parts).equals(plain), `${name} ${size}`).toBe(true);
    }
  });

  it('works on unaligned views', () => {
    const key = randomBytes(32);
    const plain = randomBytes(10_000);
    const cipherText = createCipheriv('aes-256-cfb', key, Buffer.alloc(16)).update(plain);
    const shifted = Buffer.alloc(cipherText.length + 3);
    cipherText.copy(shifted, 3);
    const decryptor = new CfbDecryptor('aes-256-ecb', key);
    const out = Buffer.concat([
      decryptor.update(shifted.subarray(3, 5003)),
      decryptor.update(shifted.subarray(5003)),
      decryptor.final(),
    ]);
    expect(out.equals(plain)).toBe(true);
  });
});
