import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import {
  createMessage,
  enums,
  readSignature,
  sign,
  verify,
  type Signature,
  type SignaturePacket,
} from 'openpgp';
import { VigilError } from '../errors';
import type { Vault } from '../vault/vault';
import { gpg22Config, LIMITS } from './config';
import { requireOrganisationKey, withSecretKey, type KeyKind } from './keyStore';
import { vaultKeyring, type KeyOrigin, type Keyring } from './keyring';

/** The outcome of checking a signature against the vault's keys. */
export interface SignatureCheck {
  /** True only when a signature was checked and found good, by a key in the vault. */
  valid: boolean;
  /**
   * The key that made the signature when it is in the vault; otherwise the
   * fingerprint the signature names (unproven, since it cannot be checked).
   */
  signerFingerprint?: string;
  /** The 16-hex-digit key id the signature names. */
  signerKeyId?: string;
  signerKnown: boolean;
  /** The organisation's own key, or a partner key a user marked trusted. */
  signerTrusted: boolean;
  signerKind?: KeyKind;
  /** Where the key that checked the signature came from (see KeyOrigin). */
  signerOrigin?: KeyOrigin;
  /** The signer's user ids, as its key states them. */
  signerUserIds?: string[];
  /** When the signer says it signed (ISO 8601). */
  signedAt?: string;
  /** A plain sentence saying why `valid` is false. */
  problem?: string;
}

function toWeb(stream: Readable): ReadableStream<Uint8Array> {
  return Readable.toWeb(stream) as ReadableStream<Uint8Array>;
}

/** openpgp.js's reasons, in words a user can act on. */
function explain(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/digest did not match|verification failed/i.test(message)) {
    return 'The signature does not match the data: the data or the signature was altered.';
  }
  if (/revoked/i.test(message)) return 'The key that made the signature has been revoked.';
  if (/expired/i.test(message)) return 'The signature, or the key that made it, had expired.';
  if (/hash algorithm|insecure/i.test(message))
    return 'The signature uses a hash algorithm that is no longer safe.';
  return `The signature is not valid (${message}).`;
}

export async function parseSignature(signature: string | Uint8Array): Promise<Signature> {
  const size = typeof signature === 'string' ? Buffer.byteLength(signature) : signature.byteLength;
  if (size === 0 || size > LIMITS.signatureBytes)
    throw new VigilError(
      'INVALID_INPUT',
      'The signature file is empty or too large to be a signature.',
    );
  const text =
    typeof signature === 'string'
      ? signature
      : Buffer.from(signature.subarray(0, 64)).toString('latin1').includes('-----BEGIN PGP')
        ? Buffer.from(signature).toString('utf8')
        : null;
  try {
    return text !== null
      ? await readSignature({ armoredSignature: text, config: gpg22Config() })
      : await readSignature({ binarySignature: signature as Uint8Array, config: gpg22Config() });
  } catch (error) {
    throw new VigilError(
      'INVALID_INPUT',
      'The signature cannot be read: it is not an OpenPGP signature.',
      { cause: error },
    );
  }
}

type VerifyResult = Awaited<ReturnType<typeof verify>>;

/**
 * Turns openpgp.js's per-signature outcomes into one answer. Every signature
 * is checked; one that fails with a known key makes the whole result
 * invalid, so a good signature cannot hide a forged one. `proven` lets a
 * caller refuse a success that did not go through its own digest.
 */
async function evaluate(
  known: Keyring,
  result: VerifyResult,
  proven: (packet: SignaturePacket | undefined) => boolean = () => true,
): Promise<SignatureCheck> {
  const checks: SignatureCheck[] = [];
  for (const entry of result.signatures) {
    const keyId = entry.keyID.toHex().toUpperCase();
    const packet = (await entry.signature.catch(() => undefined))?.packets[0];
    const signedAt = packet?.created ? packet.created.toISOString() : undefined;
    const claimed = packet?.issuerFingerprint
      ? Buffer.from(packet.issuerFingerprint).toString('hex').toUpperCase()
      : undefined;
    const signer = known.byKeyId.get(keyId);
    if (!signer) {
      checks.push({
        valid: false,
        signerFingerprint: claimed,
        signerKeyId: keyId,
        signerKnown: false,
        signerTrusted: false,
        signedAt,
        problem: `The signature was made by a key that is not ${known.places.join(' nor ') || 'available'} (key id ${keyId}${claimed ? `, fingerprint ${claimed}` : ''}).`,
      });
      continue;
    }
    const base = {
      signerFingerprint: signer.fingerprint,
      signerKeyId: keyId,
      signerKnown: true,
      signerTrusted: signer.trusted,
      ...(signer.kind ? { signerKind: signer.kind } : {}),
      signerOrigin: signer.origin,
      signerUserIds: signer.userIds,
      signedAt,
    };
    try {
      // `verified` resolves to true, or rejects with the reason; nothing else counts as good.
      const good = (await entry.verified) === true && proven(packet);
      checks.push(
        good
          ? { valid: true, ...base }
          : { valid: false, ...base, problem: 'The signature is not valid.' },
      );
    } catch (error) {
      checks.push({ valid: false, ...base, problem: explain(error) });
    }
  }
  if (checks.length === 0)
    return {
      valid: false,
      signerKnown: false,
      signerTrusted: false,
      problem: 'The signature file holds no signature.',
    };
  const bad = checks.find((c) => c.signerKnown && !c.valid);
  if (bad) return bad;
  const good = checks.filter((c) => c.valid);
  return good.find((c) => c.signerTrusted) ?? good[0] ?? checks[0]!;
}

function quiet(result: VerifyResult): void {
  // Each outcome is awaited later; until then a rejection (an unknown key's) must not count as unhandled.
  for (const entry of result.signatures) {
    void entry.verified.catch(() => undefined);
    void entry.signature.catch(() => undefined);
  }
}

/**
 * Checks `signature` (armored or binary, detached) over `data`, a buffer or a
 * stream that is read to its end, against every key in the vault.
 */
export async function verifyDetached(
  vault: Vault,
  data: Uint8Array | Readable,
  signature: string | Uint8Array | Signature,
): Promise<SignatureCheck> {
  return verifyDetachedWith(await vaultKeyring(vault), vault.now(), data, signature);
}

/** `verifyDetached` against any keyring (a vault's, a dossier's own signer key, a pinned key), as of `now`. */
export async function verifyDetachedWith(
  known: Keyring,
  now: Date,
  data: Uint8Array | Readable,
  signature: string | Uint8Array | Signature,
): Promise<SignatureCheck> {
  const parsed =
    typeof signature === 'string' || signature instanceof Uint8Array
      ? await parseSignature(signature)
      : signature;
  const message =
    data instanceof Uint8Array
      ? await createMessage({ binary: data })
      : await createMessage({ binary: toWeb(data) });
  const result = await verify({
    message,
    signature: parsed,
    verificationKeys: known.keys,
    format: 'binary',
    date: now,
    config: gpg22Config(),
  });
  quiet(result);
  if (!(data instanceof Uint8Array)) {
    // The digests are only final once the data has been read to its end.
    const stream = result.data as unknown as NodeReadableStream<Uint8Array>;
    for await (const chunk of Readable.fromWeb(stream)) void chunk;
  }
  return evaluate(known, result);
}

/** Signatures whose digest can be computed while the data streams past: v4, over binary data. */
export function canVerifyWithDigest(packet: SignaturePacket): boolean {
  return packet.version === 4 && packet.signatureType === enums.signature.binary;
}

// The data is already in the digest: openpgp.js sees an empty literal and builds only the signature fields.
const NO_DATA = { text: null, getBytes: () => new Uint8Array(0) };

interface HashHooks {
  toHash(signatureType: unknown, data: unknown, detached: boolean): Uint8Array;
}

/**
 * Checks signatures over data that was hashed as it streamed (a bundle's
 * content, hashed while it was decrypted), without reading it again.
 * `digestOf` finishes the running hash of the signature's algorithm with
 * the signature's own fields and trailer. openpgp.js then compares the
 * digest and checks the signature and the key exactly as for any detached
 * signature; it takes the digest from the packet's `hashed` field, and a
 * success where that field was not read is refused, so a change inside
 * openpgp.js cannot turn this into a check over empty data.
 */
export async function verifyWithDigests(
  known: Keyring,
  now: Date,
  signature: Signature,
  digestOf: (packet: SignaturePacket, fieldsAndTrailer: Uint8Array) => Promise<Uint8Array>,
): Promise<SignatureCheck> {
  const used = new WeakSet<SignaturePacket>();
  for (const packet of signature.packets) {
    if (!canVerifyWithDigest(packet))
      throw new Error('this signature cannot be checked from a digest');
    const tail = (packet as unknown as HashHooks).toHash(packet.signatureType, NO_DATA, true);
    const digest = digestOf(packet, tail);
    void digest.catch(() => undefined);
    Object.defineProperty(packet, 'hashed', {
      configurable: true,
      get() {
        used.add(packet);
        return digest;
      },
    });
  }
  const result = await verify({
    message: await createMessage({ binary: new Uint8Array(0) }),
    signature,
    verificationKeys: known.keys,
    format: 'binary',
    date: now,
    config: gpg22Config(),
  });
  quiet(result);
  return evaluate(known, result, (packet) => packet !== undefined && used.has(packet));
}

/** An armored detached signature by the organisation's active key (binary document signature, as `gpg --detach-sign --armor`). */
export async function signDetached(vault: Vault, data: Uint8Array): Promise<string> {
  const stored = await requireOrganisationKey(vault.db);
  return withSecretKey(vault, stored.fingerprint, async (key) => {
    const message = await createMessage({ binary: data });
    // openpgp.js's published types for stream-or-string results do not resolve here; check what came back.
    const armored: unknown = await sign({
      message,
      signingKeys: key,
      detached: true,
      format: 'armored',
      date: vault.now(),
      config: gpg22Config(),
    });
    if (typeof armored !== 'string') throw new Error('openpgp.js returned no armored signature');
    return armored;
  });
}
