// The OpenPGP layer: the organisation's key, partners' keys, detached
// signatures, and bundles encrypted and decrypted in the form GnuPG 2.2 reads.
export {
  generateOrgKey,
  importKeys,
  listKeys,
  getKey,
  getOrganisationKey,
  setTrust,
  exportPublicKey,
  exportSecretKey,
  type KeyInfo,
  type ImportedKey,
} from './keys';
export type { KeyKind } from './keyStore';
export { signDetached, verifyDetached, type SignatureCheck } from './signatures';
export { encryptToRecipients, type EncryptOptions, type EncryptResult } from './encrypt';
export {
  decryptMessage,
  type DecryptOptions,
  type DecryptReport,
  type VerifiedPlaintext,
  type SignatureStatus,
} from './decrypt';
export { SignatureRefusedError, type SignerRefusal } from './errors';
export {
  formatFingerprint,
  gpgFingerprint,
  groupFingerprint,
  parseFingerprint,
} from './fingerprint';
export { verifyDetachedWith } from './signatures';
export {
  vaultKeyring,
  fileKeyring,
  mergeKeyrings,
  EMPTY_KEYRING,
  type Keyring,
  type KnownKey,
  type KeyOrigin,
} from './keyring';
