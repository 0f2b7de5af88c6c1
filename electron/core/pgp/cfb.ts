import { createCipheriv, type Cipher } from 'node:crypto';

const BLOCK = 16;

/** a ^= b over `length` bytes, four at a time where both are aligned. */
function xorInto(out: Buffer, a: Buffer, b: Buffer, length: number): void {
  if (out.byteOffset % 4 === 0 && a.byteOffset % 4 === 0 && b.byteOffset % 4 === 0) {
    const words = length >>> 2;
    const o = new Int32Array(out.buffer, out.byteOffset, words);
    const x = new Int32Array(a.buffer, a.byteOffset, words);
    const y = new Int32Array(b.buffer, b.byteOffset, words);
    for (let i = 0; i < words; i += 1) o[i] = x[i]! ^ y[i]!;
    for (let i = words << 2; i < length; i += 1) out[i] = a[i]! ^ b[i]!;
    return;
  }
  for (let i = 0; i < length; i += 1) out[i] = a[i]! ^ b[i]!;
}

/**
 * AES-CFB decryption (128-bit feedback, as OpenPGP's SEIPD v1 uses it, with
 * an all-zero IV). Each plaintext block is its ciphertext block XORed with
 * the encryption of the previous ciphertext block, so all keystream blocks
 * of a chunk can be computed at once in ECB mode, which AES-NI pipelines:
 * about three times the speed of OpenSSL's block-by-block CFB here.
 */
export class CfbDecryptor {
  private readonly ecb: Cipher;
  private previous = Buffer.alloc(BLOCK);
  private carry = Buffer.alloc(0);

  constructor(algorithm: 'aes-128-ecb' | 'aes-192-ecb' | 'aes-256-ecb', key: Uint8Array) {
    this.ecb = createCipheriv(algorithm, key, null);
    this.ecb.setAutoPadding(false);
  }

  update(cipherText: Buffer): Buffer {
    const data = this.carry.length > 0 ? Buffer.concat([this.carry, cipherText]) : cipherText;
    const whole = data.length - (data.length % BLOCK);
    this.carry = Buffer.from(data.subarray(whole));
    if (whole === 0) return Buffer.alloc(0);
    const out = Buffer.allocUnsafe(whole);
    // Keystream: E(previous block) for the first block, E(C_i) for each following one.
    const first = this.ecb.update(this.previous);
    xorInto(out, data, first, BLOCK);
    if (whole > BLOCK) {
      const rest = this.ecb.update(data.subarray(0, whole - BLOCK));
      xorInto(out.subarray(BLOCK), data.subarray(BLOCK, whole), rest, whole - BLOCK);
    }
    this.previous = Buffer.from(data.subarray(whole - BLOCK, whole));
    return out;
  }

  /** The last, partial block (CFB needs no padding). */
  final(): Buffer {
    if (this.carry.length === 0) return Buffer.alloc(0);
    const keystream = this.ecb.update(this.previous);
    const out = Buffer.allocUnsafe(this.carry.length);
    xorInto(out, this.carry, keystream, this.carry.length);
    this.carry = Buffer.alloc(0);
    return out;
  }
}
