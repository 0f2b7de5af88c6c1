// Failures throw (a failed authentication included).
// The subset of sodium-native that Vigil uses. (The published @types package
// describes an older major version.)
declare module 'sodium-native' {
  export interface SecureBuffer extends Buffer {
    readonly secure: boolean;
  }
  interface Sodium {
    sodium_malloc(size: number): SecureBuffer;
    sodium_memzero(buf: Uint8Array): void;
    sodium_memcmp(a: Uint8Array, b: Uint8Array): boolean;
    randombytes_buf(buf: Uint8Array): void;

    readonly crypto_pwhash_ALG_ARGON2ID13: number;
    readonly crypto_pwhash_SALTBYTES: number;
    readonly crypto_pwhash_OPSLIMIT_MIN: number;
    readonly crypto_pwhash_OPSLIMIT_MAX: number;
    readonly crypto_pwhash_MEMLIMIT_MIN: number;
    readonly crypto_pwhash_MEMLIMIT_MAX: number;
    crypto_pwhash(
      out: Uint8Array,
      passwd: Uint8Array,
      salt: Uint8Array,
      opslimit: number,
      memlimit: number,
      alg: number,
    ): void;
    crypto_pwhash_async(
      out: Uint8Array,
      passwd: Uint8Array,
      salt: Uint8Array,
      opslimit: number,
      memlimit: number,
      alg: number,
    ): Promise<void>;

    readonly crypto_aead_xchacha20poly1305_ietf_KEYBYTES: number;
    readonly crypto_aead_xchacha20poly1305_ietf_NPUBBYTES: number;
    readonly crypto_aead_xchacha20poly1305_ietf_ABYTES: number;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
      ciphertext: Uint8Array,
      message: Uint8Array,
      additionalData: Uint8Array | null,
      nsec: null,
      npub: Uint8Array,
      key: Uint8Array,
    ): number;
    crypto_aead_xchacha20poly1305_ietf_decrypt(
      message: Uint8Array,
      nsec: null,
      ciphertext: Uint8Array,
      additionalData: Uint8Array | null,
      npub: Uint8Array,
      key: Uint8Array,
    ): number;

    readonly crypto_generichash_BYTES: number;
    readonly crypto_generichash_KEYBYTES: number;
    crypto_generichash(out: Uint8Array, input: Uint8Array, key?: Uint8Array): void;

    readonly crypto_secretstream_xchacha20poly1305_STATEBYTES: number;
    readonly crypto_secretstream_xchacha20poly1305_ABYTES: number;
    readonly crypto_secretstream_xchacha20poly1305_HEADERBYTES: number;
    readonly crypto_secretstream_xchacha20poly1305_KEYBYTES: number;
    readonly crypto_secretstream_xchacha20poly1305_TAG_MESSAGE: number;
    readonly crypto_secretstream_xchacha20poly1305_TAG_FINAL: number;
    crypto_secretstream_xchacha20poly1305_init_push(
      state: Uint8Array,
      header: Uint8Array,
      key: Uint8Array,
    ): void;
    crypto_secretstream_xchacha20poly1305_push(
      state: Uint8Array,
      ciphertext: Uint8Array,
      message: Uint8Array,
      additionalData: Uint8Array | null,
      tag: number,
    ): number;
    crypto_secretstream_xchacha20poly1305_init_pull(
      state: Uint8Array,
      header: Uint8Array,
      key: Uint8Array,
    ): void;
    crypto_secretstream_xchacha20poly1305_pull(
      state: Uint8Array,
      message: Uint8Array,
      tag: Uint8Array,
      ciphertext: Uint8Array,
      additionalData: Uint8Array | null,
    ): number;
  }
  const sodium: Sodium;
  export default sodium;
}
