import type { AlgorithmInfo, Key, Subkey } from 'openpgp';
import { gpg22Config } from './config';
import { formatFingerprint } from './fingerprint';
import { coreWarning, type CoreWarning } from '../../../shared/warnings';

/** What Vigil knows about a key from the key itself (the vault adds kind, trust and provenance). */
export interface KeyFacts {
  fingerprint: string;
  version: number;
  userIds: string[];
  created: Date;
  /** null: never expires. */
  expires: Date | null;
  /** gpg's short names: `ed25519 + cv25519`, `rsa3072 + rsa3072`. */
  algorithm: string;
  revoked: boolean;
  expired: boolean;
  /** Can make signatures that Vigil can check. */
  canSign: boolean;
  /** Can receive a bundle that GnuPG 2.2 decrypts (v4 key, an encryption key gpg 2.2 reads). */
  canEncrypt: boolean;
  /** Advertises encryption modes GnuPG 2.2 cannot decrypt (SEIPDv2 or OCB). */
  advertisesAead: boolean;
  /** Plain English sentences, as the CLI prints them (`notices[i].text`). */
  warnings: string[];
  /** The same warnings as codes with their values, which the UI words in the user's language. */
  notices: CoreWarning[];
}

// Bits of the Features subpacket (RFC 9580 §5.2.3.32; 0x02 is LibrePGP's OCB, used by GnuPG 2.3+).
const FEATURE_LIBREPGP_OCB = 0x02;
const FEATURE_SEIPDV2 = 0x08;

// The algorithms and curves libgcrypt/GnuPG 2.2 implement. RFC 9580's new
// algorithm ids (X25519, X448, Ed25519, Ed448) and post-quantum ones are not among them.
const GPG22_ALGORITHMS = new Set<string>([
  'rsaEncryptSign',
  'rsaEncrypt',
  'rsaSign',
  'elgamal',
  'dsa',
  'ecdh',
  'ecdsa',
  'eddsaLegacy',
]);
const GPG22_CURVES = new Set<string>([
  'nistP256',
  'nistP384',
  'nistP521',
  'brainpoolP256r1',
  'brainpoolP384r1',
  'brainpoolP512r1',
  'secp256k1',
  'curve25519Legacy',
  'ed25519Legacy',
]);

export function gpg22Reads(info: AlgorithmInfo): boolean {
  return (
    GPG22_ALGORITHMS.has(info.algorithm) &&
    (info.curve === undefined || GPG22_CURVES.has(info.curve))
  );
}

const CURVE_NAMES: Record<string, string> = {
  curve25519Legacy: 'cv25519',
  ed25519Legacy: 'ed25519',
  nistP256: 'nistp256',
  nistP384: 'nistp384',
  nistP521: 'nistp521',
  brainpoolP256r1: 'brainpoolP256r1',
  brainpoolP384r1: 'brainpoolP384r1',
  brainpoolP512r1: 'brainpoolP512r1',
  secp256k1: 'secp256k1',
};

/** gpg's way of naming a (sub)key's algorithm, so the list reads like `gpg --list-keys`. */
export function algorithmName(info: AlgorithmInfo): string {
  switch (info.algorithm) {
    case 'rsaEncryptSign':
    case 'rsaEncrypt':
    case 'rsaSign':
      return `rsa${info.bits ?? ''}`;
    case 'dsa':
      return `dsa${info.bits ?? ''}`;
    case 'elgamal':
      return `elg${info.bits ?? ''}`;
    case 'ecdh':
    case 'ecdsa':
    case 'eddsaLegacy':
      return info.curve ? (CURVE_NAMES[info.curve] ?? info.curve) : info.algorithm;
    case 'ed25519':
      return 'ed25519 (RFC 9580)';
    case 'x25519':
      return 'x25519 (RFC 9580)';
    case 'ed448':
      return 'ed448';
    case 'x448':
      return 'x448';
    default:
      return info.algorithm;
  }
}

const NO_SELF_SIGNATURE = 'This key has no valid self-signature: it cannot be used.';

function dateOnly(date: Date): string {
  return date.toISOString().slice(0, 10);
}

async function firstOk<T>(work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch {
    return undefined;
  }
}

/**
 * Reads a key's capabilities and what stands between it and GnuPG 2.2.
 * Validity is judged at `now`; a key that is expired or revoked can still be
 * kept (to check old signatures) but cannot receive bundles.
 */
export async function keyFacts(key: Key, now: Date): Promise<KeyFacts> {
  const config = gpg22Config();
  const notices: CoreWarning[] = [];
  const version = key.keyPacket.version;
  const primaryInfo = key.getAlgorithmInfo();
  const subkeys: Subkey[] = key.getSubkeys();
  const algorithm = [
    algorithmName(primaryInfo),
    ...subkeys.map((s) => algorithmName(s.getAlgorithmInfo())),
  ].join(' + ');

  const revoked = await key.isRevoked(undefined, undefined, now).catch(() => false);
  const expiration = await key.getExpirationTime(undefined, config).catch(() => null);
  const expires = expiration instanceof Date ? expiration : null;
  const expired = expires !== null && expires.getTime() <= now.getTime();
  const primaryValid =
    (await firstOk(() => key.verifyPrimaryKey(now, undefined, config).then(() => true))) ?? false;

  const encryptionKey = await firstOk(() =>
    key.getEncryptionKey(undefined, now, undefined, config),
  );
  const signingKey = await firstOk(() => key.getSigningKey(undefined, now, undefined, config));
  const encryptionReadable =
    encryptionKey !== undefined && version === 4 && gpg22Reads(encryptionKey.getAlgorithmInfo());
  const canSign = signingKey !== undefined;

  // Preferences and features live in the primary user's self-signature for v4 keys.
  const selfSignature = (await firstOk(() => key.getPrimaryUser(now, undefined, config)))
    ?.selfCertification;
  const features = selfSignature?.features?.[0] ?? 0;
  const seipdv2 = (features & FEATURE_SEIPDV2) !== 0;
  const ocb = (features & FEATURE_LIBREPGP_OCB) !== 0;

  const warn = (...args: Parameters<typeof coreWarning>) => notices.push(coreWarning(...args));
  if (revoked)
    warn(
      'key-revoked',
      'This key has been revoked by its owner: do not encrypt to it, and signatures it makes are refused.',
    );
  else if (expired && expires)
    warn(
      'key-expired',
      `This key expired on ${dateOnly(expires)}: bundles cannot be encrypted to it.`,
      { date: dateOnly(expires) },
    );
  else if (!primaryValid) warn('key-no-self-signature', NO_SELF_SIGNATURE);
  if (version !== 4) {
    warn(
      'key-version-unreadable',
      `This is a version ${version} (RFC 9580) key: GnuPG 2.2 cannot read it, and Vigil will not encrypt bundles to it.`,
      { version },
    );
  } else if (!gpg22Reads(primaryInfo) || subkeys.some((s) => !gpg22Reads(s.getAlgorithmInfo()))) {
    warn(
      'key-algorithm-unreadable',
      `This key uses an algorithm GnuPG 2.2 cannot read (${algorithm}).`,
      { algorithm },
    );
  }
  if (encryptionKey === undefined) {
    if (!revoked && !expired && primaryValid)
      warn(
        'key-no-encryption-key',
        'This key has no valid encryption key: bundles cannot be encrypted to it.',
      );
  } else if (!encryptionReadable && version === 4) {
    const name = algorithmName(encryptionKey.getAlgorithmInfo());
    warn(
      'key-encryption-unreadable',
      `Its encryption key (${name}) is one GnuPG 2.2 cannot read: Vigil will not encrypt bundles to it.`,
      { algorithm: name },
    );
  }
  if (seipdv2 || ocb) {
    const mode =
      seipdv2 && ocb
        ? 'SEIPDv2 and OCB (AEAD)'
        : seipdv2
          ? 'SEIPDv2 (AEAD)'
          : 'OCB (AEAD, GnuPG 2.3 and later)';
    // The mode's technical name is the same in every language; only the sentence is worded.
    warn(
      'key-asks-aead',
      `This key asks for ${mode} encryption, which GnuPG 2.2 cannot decrypt. Vigil still encrypts to it in the SEIPD v1 form with an integrity check (MDC) that GnuPG 2.2 reads, but other OpenPGP programs may not.`,
      { mode: seipdv2 && ocb ? 'SEIPDv2, OCB' : seipdv2 ? 'SEIPDv2' : 'OCB' },
    );
  }
  if (!canSign && primaryValid && !revoked && !expired)
    warn('key-cannot-sign', 'This key cannot sign: no signature can be checked against it.');

  return {
    fingerprint: formatFingerprint(key.getFingerprint()),
    version,
    userIds: key.getUserIDs(),
    created: key.getCreationTime(),
    expires,
    algorithm,
    revoked,
    expired,
    canSign: canSign && !revoked && !expired,
    canEncrypt: encryptionReadable && !revoked && !expired,
    advertisesAead: seipdv2 || ocb,
    warnings: notices.map((n) => n.text),
    notices,
  };
}
