import sodium from 'sodium-native';
import { allocSecret, randomBytes, wipe, type SecretBytes } from './secrets';

export const AEAD_KEY_BYTES = sodium.crypto_aead_xchacha20poly1305_ietf_KEYBYTES;
export const AEAD_NONCE_BYTES = sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
const AEAD_TAG_BYTES = sodium.crypto_aead_xchacha20poly1305_ietf_ABYTES;

export interface Sealed {
  nonce: Buffer;
  ciphertext: Buffer;
}

/** XChaCha20-Poly1305 with a fresh random 192-bit nonce. */
export function seal(plaintext: Uint8Array, key: Uint8Array, associatedData: Uint8Array): Sealed {
  const nonce = randomBytes(AEAD_NONCE_BYTES);
  const ciphertext = Buffer.alloc(plaintext.byteLength + AEAD_TAG_BYTES);
  sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
    ciphertext,
    plaintext,
    associatedData,
    null,
    nonce,
    key,
  );
  return { nonce, ciphertext };
}

/** Returns the plaintext in guarded memory, or null when authentication fails. */
export function open(
  sealed: Sealed,
  key: Uint8Array,
  associatedData: Uint8Array,
): SecretBytes | null {
  if (sealed.ciphertext.byteLength < AEAD_TAG_BYTES || sealed.nonce.byteLength !== AEAD_NONCE_BYTES)
    return null;
  const plaintext = allocSecret(sealed.ciphertext.byteLength - AEAD_TAG_BYTES);
  try {
    sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      plaintext,
      null,
      sealed.ciphertext,
      associatedData,
      sealed.nonce,
      key,
    );
    return plaintext;
  } catch {
    wipe(plaintext);
    return null;
  }
}
