import { createHash } from 'node:crypto';
import { VigilError } from '../errors';
import { allocSecret, randomSecret, wipe, type SecretBytes } from './secrets';

// Crockford's base32: no I, L, O or U, so a handwritten key is hard to misread.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const KEY_BYTES = 32;
const CHECK_BYTES = 3;
const GROUP = 4;
const ENCODED_LENGTH = Math.ceil(((KEY_BYTES + CHECK_BYTES) * 8) / 5); // 56 characters

function checksum(key: Uint8Array): Buffer {
  return createHash('sha256')
    .update('vigil-recovery-key-v1')
    .update(key)
    .digest()
    .subarray(0, CHECK_BYTES);
}

function toBase32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** A new random recovery key: the raw secret and its printable form in groups of four. */
export function generateRecoveryKey(): { secret: SecretBytes; text: string } {
  const secret = randomSecret(KEY_BYTES);
  const encoded = toBase32(Buffer.concat([secret, checksum(secret)]));
  const groups = encoded.match(new RegExp(`.{1,${GROUP}}`, 'g')) ?? [];
  return { secret, text: groups.join('-') };
}

/**
 * Parses a recovery key as a person would type it: any case, with or without
 * hyphens or spaces, O for 0 and I or L for 1. A typo is caught by the checksum
 * and reported as such, not as a wrong key.
 */
export function parseRecoveryKey(text: string): SecretBytes {
  const cleaned = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (cleaned.length !== ENCODED_LENGTH) {
    throw new VigilError(
      'WRONG_RECOVERY_KEY',
      `A recovery key has ${ENCODED_LENGTH} characters (${ENCODED_LENGTH / GROUP} groups of ${GROUP}); this one has ${cleaned.length}.`,
    );
  }
  const bytes = allocSecret(KEY_BYTES + CHECK_BYTES);
  let bits = 0;
  let value = 0;
  let index = 0;
  for (const char of cleaned) {
    const digit = ALPHABET.indexOf(char);
    if (digit < 0) {
      wipe(bytes);
      throw new VigilError(
        'WRONG_RECOVERY_KEY',
        `The recovery key contains a character that cannot be in it: "${char}".`,
      );
    }
    value = ((value << 5) | digit) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      if (index < bytes.length) bytes[index] = (value >>> (bits - 8)) & 0xff;
      index += 1;
      bits -= 8;
    }
  }
  const secret = allocSecret(KEY_BYTES);
  bytes.copy(secret, 0, 0, KEY_BYTES);
  const ok = checksum(secret).equals(bytes.subarray(KEY_BYTES));
  wipe(bytes);
  if (!ok) {
    wipe(secret);
    throw new VigilError(
      'WRONG_RECOVERY_KEY',
      'The recovery key has a typo: its check characters do not match. Compare it with the written copy.',
    );
  }
  return secret;
}
