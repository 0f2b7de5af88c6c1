import { config as defaults, enums, type Config, type PartialConfig } from 'openpgp';

/**
 * openpgp.js settings that keep everything GnuPG 2.2 must read in RFC 4880
 * form: v4 keys, no AEAD (SEIPDv2) anywhere, no Argon2 or AEAD protection of
 * exported secret keys, no compression. openpgp.js's own defaults are close,
 * but written out so that a change of default in a later version cannot
 * silently produce bundles or keys gpg 2.2 rejects.
 */
export const GPG22_CONFIG: PartialConfig = {
  v6Keys: false,
  aeadProtect: false,
  preferredSymmetricAlgorithm: enums.symmetric.aes256,
  preferredHashAlgorithm: enums.hash.sha512,
  preferredCompressionAlgorithm: enums.compression.uncompressed,
  s2kType: enums.s2k.iterated,
  // 224 encodes 16,777,216 bytes hashed per passphrase try, gpg's order of magnitude.
  s2kIterationCountByte: 224,
  enableParsingV5Entities: false,
  allowUnauthenticatedMessages: false,
  allowUnauthenticatedStream: false,
  // Imported keys and signatures come from other people: keep openpgp.js's checks.
  minRSABits: 2047,
};

/** openpgp.js functions that take a full configuration (key methods) get this. */
export function gpg22Config(overrides: PartialConfig = {}): Config {
  return { ...defaults, ...GPG22_CONFIG, ...overrides };
}

/** Every size Vigil accepts from an untrusted OpenPGP input is capped. */
export const LIMITS = {
  /** A key file: even a key with many user ids and certifications stays far below this. */
  keyFileBytes: 4 * 1024 * 1024,
  /** A detached signature file. */
  signatureBytes: 64 * 1024,
  /** One packet before the encrypted data (session key packets, markers). */
  sessionPacketBytes: 16 * 1024,
  /** Session key packets in one message (one per recipient). */
  sessionPackets: 256,
  /** One signature packet inside a message. */
  signaturePacketBytes: 16 * 1024,
  /** One-pass signatures in one message. */
  signatures: 8,
  /**
   * Decompressed plaintext of a compressed message, per byte of ciphertext
   * (on top of `compressedSlackBytes`): enough for text, far below a
   * decompression bomb's ratio.
   */
  compressionRatio: 20,
  compressedSlackBytes: 64 * 1024 * 1024,
} as const;
