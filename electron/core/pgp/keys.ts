import {
  createMessage,
  decryptKey,
  decryptSessionKeys,
  encryptKey,
  encryptSessionKey,
  generateKey,
  readKeys,
  readMessage,
  readSignature,
  sign,
  verify,
  type Key,
  type PrivateKey,
  type PublicKey,
} from 'openpgp';
import type { CoreWarning } from '../../../shared/warnings';
import { VigilError } from '../errors';
import { randomBytes, wipe } from '../crypto/secrets';
import { assertPassphrase, type Vault } from '../vault/vault';
import { GPG22_CONFIG, gpg22Config, LIMITS } from './config';
import { parseFingerprint } from './fingerprint';
import { keyFacts, type KeyFacts } from './keyFacts';
import {
  activeOrganisationKey,
  allKeys,
  clearSecret,
  findKey,
  insertKey,
  parsePublicKey,
  requireKey,
  requireOrganisationKey,
  updatePublicPart,
  updateTrust,
  withSecretKey,
  type KeyKind,
  type StoredKey,
} from './keyStore';

/** A key as the user sees it: what the key says, and what the vault adds. */
export interface KeyInfo {
  /** Upper-case hex: 40 digits (v4 keys) or 64 (v6 keys). */
  fingerprint: string;
  kind: KeyKind;
  /** The organisation key that signs and that partners encrypt to. */
  active: boolean;
  userIds: string[];
  /** ISO 8601. */
  created: string;
  /** ISO 8601, or null when the key never expires. */
  expires: string | null;
  algorithm: string;
  version: number;
  canSign: boolean;
  /** Can receive a bundle GnuPG 2.2 decrypts. */
  canEncrypt: boolean;
  revoked: boolean;
  expired: boolean;
  /** Organisation keys are always trusted; partner keys once a user vouches for them. */
  trusted: boolean;
  trustedBy: string | null;
  trustedAt: string | null;
  importedAt: string;
  importedBy: string;
  warnings: string[];
  /** The warnings as codes with their values (shared/warnings). */
  notices: CoreWarning[];
}

export interface ImportedKey {
  key: KeyInfo;
  /** `new`: added; `updated`: merged new signatures, user ids or subkeys into a known key; `unchanged`: nothing new. */
  status: 'new' | 'updated' | 'unchanged';
}

function toInfo(stored: StoredKey, facts: KeyFacts): KeyInfo {
  return {
    fingerprint: stored.fingerprint,
    kind: stored.kind,
    active: stored.active,
    userIds: facts.userIds,
    created: facts.created.toISOString(),
    expires: facts.expires ? facts.expires.toISOString() : null,
    algorithm: facts.algorithm,
    version: facts.version,
    canSign: facts.canSign,
    canEncrypt: facts.canEncrypt,
    revoked: facts.revoked,
    expired: facts.expired,
    trusted: stored.kind === 'organisation' || stored.trusted,
    trustedBy: stored.trustedBy,
    trustedAt: stored.trustedAt,
    importedAt: stored.importedAt,
    importedBy: stored.importedBy,
    warnings: facts.warnings,
    notices: facts.notices,
  };
}

async function describe(vault: Vault, stored: StoredKey): Promise<KeyInfo> {
  return toInfo(stored, await keyFacts(await parsePublicKey(stored), vault.now()));
}

export async function listKeys(vault: Vault): Promise<KeyInfo[]> {
  const stored = await allKeys(vault.db);
  return Promise.all(stored.map((s) => describe(vault, s)));
}

/** The organisation's active key (the one that signs and that partners encrypt to); NOT_FOUND when there is none. */
export async function getOrganisationKey(vault: Vault): Promise<KeyInfo> {
  return describe(vault, await requireOrganisationKey(vault.db));
}

export async function getKey(vault: Vault, fingerprint: string): Promise<KeyInfo> {
  return describe(vault, await requireKey(vault.db, parseFingerprint(fingerprint)));
}

function checkUserId(name: string, email: string): { name: string; email: string } {
  const cleanName = name.trim();
  const cleanEmail = email.trim();
  // Control characters and the characters that delimit a user id would make it ambiguous to gpg.
  if (cleanName.length === 0 || cleanName.length > 200 || /[\p{Cc}<>]/u.test(cleanName)) {
    throw new VigilError(
      'INVALID_INPUT',
      'The key name must be 1 to 200 characters, without line breaks or angle brackets.',
    );
  }
  if (cleanEmail.length > 254 || !/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(cleanEmail)) {
    throw new VigilError('INVALID_INPUT', `"${cleanEmail}" is not an e-mail address.`);
  }
  return { name: cleanName, email: cleanEmail };
}

/**
 * Requirements for the key that signs bundles and receives them: a v4 key with
 * an Ed25519 signing key (bundle signing hashes the payload alongside the
 * encryption and signs the digest, which Vigil does for Ed25519) and an
 * encryption key GnuPG 2.2 reads, with their secret parts present.
 */
async function assertUsableOrganisationKey(key: PrivateKey, now: Date): Promise<void> {
  const facts = await keyFacts(key, now);
  const config = gpg22Config();
  if (facts.version !== 4)
    throw new VigilError(
      'UNSUPPORTED',
      'An organisation key must be a version 4 key, which GnuPG 2.2 reads.',
    );
  if (facts.revoked || facts.expired)
    throw new VigilError(
      'INVALID_INPUT',
      'This secret key is revoked or expired; it cannot be the organisation key.',
    );
  const signing = await key.getSigningKey(undefined, now, undefined, config).catch(() => undefined);
  if (!signing)
    throw new VigilError(
      'INVALID_INPUT',
      'This secret key cannot sign; the organisation key must.',
    );
  const signingAlgorithm = signing.getAlgorithmInfo();
  if (signingAlgorithm.algorithm !== 'eddsaLegacy' || signingAlgorithm.curve !== 'ed25519Legacy') {
    throw new VigilError(
      'UNSUPPORTED',
      "The organisation key must sign with Ed25519, as the keys Vigil generates and gpg's ed25519 keys do.",
    );
  }
  if (!facts.canEncrypt)
    throw new VigilError(
      'INVALID_INPUT',
      'This secret key has no encryption key GnuPG 2.2 reads; the organisation key needs one.',
    );
  const encryption = await key.getEncryptionKey(undefined, now, undefined, config);
  for (const part of [signing, encryption]) {
    const packet = part.keyPacket as { isDecrypted(): boolean | null; isDummy?: () => boolean };
    if (packet.isDummy?.() || packet.isDecrypted() !== true) {
      throw new VigilError(
        'INVALID_INPUT',
        'The secret parts of this key are missing (an export of subkeys only or a smartcard stub).',
      );
    }
  }
}

/** Proves that the secret parts match the public key: a signature and a session key make the round trip. */
async function proveKeyPair(key: PrivateKey): Promise<void> {
  const config = gpg22Config();
  const probe = randomBytes(32);
  const message = await createMessage({ binary: probe });
  // openpgp.js's published types for stream-or-buffer results do not resolve here; these are buffers.
  const signature = (await sign({
    message,
    signingKeys: key,
    detached: true,
    format: 'binary',
    config,
  })) as unknown as Uint8Array;
  const checked = await verify({
    message: await createMessage({ binary: probe }),
    signature: await readSignature({ binarySignature: signature }),
    verificationKeys: key.toPublic(),
    expectSigned: true,
    config,
  }).catch(() => undefined);
  const sessionKey = randomBytes(32);
  const encrypted = await encryptSessionKey({
    data: sessionKey,
    algorithm: 'aes256',
    encryptionKeys: key.toPublic(),
    format: 'binary',
    config,
  });
  const decrypted = await decryptSessionKeys({
    message: await readMessage({
      binaryMessage: encrypted,
      config: gpg22Config({ enforceGrammar: false }),
    }),
    decryptionKeys: key,
    config,
  }).catch(() => []);
  const roundTrip = decrypted.some((d) => Buffer.compare(Buffer.from(d.data), sessionKey) === 0);
  wipe(sessionKey);
  if (!checked || !roundTrip)
    throw new VigilError(
      'INVALID_INPUT',
      'The secret parts of this key do not match its public key.',
    );
}

/** Generates the organisation key in the vault: v4, Ed25519 signing, Curve25519 encryption, no expiry. */
export async function generateOrgKey(
  vault: Vault,
  input: { name: string; email: string },
): Promise<KeyInfo> {
  const userId = checkUserId(input.name, input.email);
  const existing = await activeOrganisationKey(vault.db);
  if (existing) {
    throw new VigilError(
      'CONFLICT',
      `The vault already has an organisation key (${existing.fingerprint}); it was not replaced.`,
    );
  }
  const now = vault.now();
  const generated = await generateKey({
    type: 'ecc',
    curve: 'curve25519Legacy',
    userIDs: [userId],
    date: now,
    keyExpirationTime: 0,
    format: 'object',
    config: GPG22_CONFIG,
  });
  const secret = generated.privateKey.write();
  try {
    const fingerprint = generated.publicKey.getFingerprint().toUpperCase();
    const facts = await keyFacts(generated.publicKey, now);
    await vault.db.transaction(async (tx) => {
      if (await activeOrganisationKey(tx))
        throw new VigilError(
          'CONFLICT',
          'Another organisation key was created meanwhile; nothing was changed.',
        );
      await insertKey(tx, {
        fingerprint,
        kind: 'organisation',
        publicKey: generated.publicKey.armor(),
        secretKey: secret,
        revocation: generated.revocationCertificate,
        userIds: facts.userIds,
        algorithm: facts.algorithm,
        createdAt: facts.created.toISOString(),
        importedAt: now.toISOString(),
        importedBy: vault.actor,
        active: true,
        trusted: true,
      });
      await vault.record(tx, {
        action: 'pgp.key-generated',
        entityType: 'pgp_key',
        entityId: fingerprint,
        detail: { kind: 'organisation' },
      });
    });
    return describe(vault, await requireKey(vault.db, fingerprint));
  } finally {
    wipe(secret);
    clearSecret(generated.privateKey);
  }
}

function isArmored(data: Uint8Array | string): boolean {
  const head =
    typeof data === 'string'
      ? data.slice(0, 1024)
      : Buffer.from(data.subarray(0, 1024)).toString('latin1');
  return head.includes('-----BEGIN PGP');
}

export async function parseKeyFile(data: Uint8Array | string): Promise<Key[]> {
  const size = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
  if (size === 0) throw new VigilError('INVALID_INPUT', 'The key file is empty.');
  if (size > LIMITS.keyFileBytes)
    throw new VigilError(
      'INVALID_INPUT',
      `The key file is larger than ${LIMITS.keyFileBytes / 1024 / 1024} MiB; it is not a key.`,
    );
  const config = gpg22Config();
  try {
    if (isArmored(data)) {
      const text = typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
      if (
        /-----BEGIN PGP (MESSAGE|SIGNATURE|SIGNED MESSAGE)-----/.test(text) &&
        !/-----BEGIN PGP (PUBLIC|PRIVATE) KEY BLOCK-----/.test(text)
      ) {
        throw new VigilError(
          'INVALID_INPUT',
          'This file holds an OpenPGP message or signature, not a key.',
        );
      }
      // gpg accepts several armored blocks in one file (`cat a.asc b.asc`); openpgp.js reads one at a time.
      const blocks =
        text.match(
          /-----BEGIN PGP (PUBLIC|PRIVATE) KEY BLOCK-----[\s\S]*?-----END PGP \1 KEY BLOCK-----/g,
        ) ?? [];
      if (blocks.length === 0)
        throw new VigilError('INVALID_INPUT', 'The file holds no armored OpenPGP key block.');
      const keys: Key[] = [];
      for (const block of blocks) keys.push(...(await readKeys({ armoredKeys: block, config })));
      return keys;
    }
    return await readKeys({
      binaryKeys: typeof data === 'string' ? Buffer.from(data, 'latin1') : data,
      config,
    });
  } catch (error) {
    if (error instanceof VigilError) throw error;
    const message = error instanceof Error ? error.message : '';
    if (/version 5|v5/i.test(message)) {
      throw new VigilError(
        'UNSUPPORTED',
        'This key is in the version 5 (LibrePGP) format of GnuPG 2.4; Vigil and GnuPG 2.2 cannot read it.',
        { cause: error },
      );
    }
    throw new VigilError(
      'INVALID_INPUT',
      'The file does not hold an OpenPGP key that can be read.',
      { cause: error },
    );
  }
}

interface PreparedImport {
  fingerprint: string;
  kind: KeyKind;
  publicKey: PublicKey;
  /** Unprotected secret key bytes for an organisation key; wiped after the transaction. */
  secret?: Uint8Array;
  facts: KeyFacts;
}

async function prepare(
  key: Key,
  passphrase: string | undefined,
  now: Date,
): Promise<PreparedImport> {
  const fingerprint = key.getFingerprint().toUpperCase();
  if (!key.isPrivate()) {
    const facts = await keyFacts(key, now);
    if (facts.notices.some((n) => n.code === 'key-no-self-signature')) {
      throw new VigilError(
        'INVALID_INPUT',
        `The key ${fingerprint} has no valid self-signature; it was not imported.`,
      );
    }
    return { fingerprint, kind: 'partner', publicKey: key, facts };
  }
  let privateKey: PrivateKey = key;
  const encryptedParts = privateKey
    .getKeys()
    .some((k) => (k.keyPacket as { isDecrypted(): boolean | null }).isDecrypted() === false);
  if (encryptedParts) {
    if (passphrase === undefined) {
      throw new VigilError(
        'INVALID_INPUT',
        `The secret key ${fingerprint} is protected by a passphrase: give its passphrase to import it.`,
      );
    }
    privateKey = await decryptKey({ privateKey: key, passphrase, config: gpg22Config() }).catch(
      (error: unknown) => {
        throw new VigilError(
          'WRONG_PASSPHRASE',
          `The passphrase of the secret key ${fingerprint} is wrong.`,
          { cause: error },
        );
      },
    );
  }
  try {
    await assertUsableOrganisationKey(privateKey, now);
    await proveKeyPair(privateKey);
    const publicKey = privateKey.toPublic();
    return {
      fingerprint,
      kind: 'organisation',
      publicKey,
      secret: privateKey.write(),
      facts: await keyFacts(publicKey, now),
    };
  } finally {
    clearSecret(privateKey);
    if (privateKey !== key) clearSecret(key);
  }
}

/**
 * Imports every key in `data` (armored or binary): partner public keys, or the
 * organisation's secret key (unprotected in the vault afterwards, since the
 * database is encrypted). A key already in the vault is merged: new
 * signatures, user ids, subkeys and revocations are kept, trust is unchanged
 * unless `trust` is given. All keys of the file are imported, or none.
 */
export async function importKeys(
  vault: Vault,
  data: Uint8Array | string,
  options: { trust?: boolean; passphrase?: string } = {},
): Promise<ImportedKey[]> {
  const now = vault.now();
  const keys = await parseKeyFile(data);
  if (keys.length === 0) throw new VigilError('INVALID_INPUT', 'The file holds no key.');
  const prepared: PreparedImport[] = [];
  try {
    for (const key of keys) prepared.push(await prepare(key, options.passphrase, now));
    const statuses = await vault.db.transaction(async (tx) => {
      const out: { fingerprint: string; status: ImportedKey['status'] }[] = [];
      for (const item of prepared) {
        const existing = await findKey(tx, item.fingerprint);
        if (!existing) {
          if (item.kind === 'organisation' && (await activeOrganisationKey(tx))) {
            throw new VigilError(
              'CONFLICT',
              `The vault already has an organisation key; the secret key ${item.fingerprint} was not imported (nothing was changed).`,
            );
          }
          const trusted = item.kind === 'organisation' || options.trust === true;
          await insertKey(tx, {
            fingerprint: item.fingerprint,
            kind: item.kind,
            publicKey: item.publicKey.armor(),
            secretKey: item.secret,
            userIds: item.facts.userIds,
            algorithm: item.facts.algorithm,
            createdAt: item.facts.created.toISOString(),
            importedAt: now.toISOString(),
            importedBy: vault.actor,
            active: item.kind === 'organisation',
            trusted,
          });
          await vault.record(tx, {
            action: 'pgp.key-imported',
            entityType: 'pgp_key',
            entityId: item.fingerprint,
            detail: { kind: item.kind, trusted },
          });
          out.push({ fingerprint: item.fingerprint, status: 'new' });
          continue;
        }
        if (item.kind === 'organisation' && existing.kind === 'partner') {
          throw new VigilError(
            'CONFLICT',
            `The key ${item.fingerprint} is in the vault as a partner key; its secret part was not imported (nothing was changed).`,
          );
        }
        const merged = await (
          await parsePublicKey(existing)
        ).update(item.publicKey, now, gpg22Config());
        const armored = merged.armor();
        let status: ImportedKey['status'] = 'unchanged';
        if (armored !== existing.publicKey) {
          const facts = await keyFacts(merged, now);
          await updatePublicPart(tx, item.fingerprint, {
            publicKey: armored,
            userIds: facts.userIds,
            algorithm: facts.algorithm,
          });
          await vault.record(tx, {
            action: 'pgp.key-updated',
            entityType: 'pgp_key',
            entityId: item.fingerprint,
            detail: { kind: existing.kind },
          });
          status = 'updated';
        }
        if (options.trust && existing.kind === 'partner' && !existing.trusted) {
          await updateTrust(tx, item.fingerprint, true, vault.actor, now.toISOString());
          await vault.record(tx, {
            action: 'pgp.key-trusted',
            entityType: 'pgp_key',
            entityId: item.fingerprint,
            detail: {},
          });
          status = status === 'unchanged' ? 'updated' : status;
        }
        out.push({ fingerprint: item.fingerprint, status });
      }
      return out;
    });
    const results: ImportedKey[] = [];
    for (const { fingerprint, status } of statuses)
      results.push({ key: await describe(vault, await requireKey(vault.db, fingerprint)), status });
    return results;
  } finally {
    for (const item of prepared) wipe(item.secret);
  }
}

/** Marks a partner key trusted (its signatures are accepted on import) or not. */
export async function setTrust(
  vault: Vault,
  fingerprint: string,
  trusted: boolean,
): Promise<KeyInfo> {
  const fpr = parseFingerprint(fingerprint);
  await vault.db.transaction(async (tx) => {
    const key = await findKey(tx, fpr);
    if (!key) throw new VigilError('NOT_FOUND', `No key with fingerprint ${fpr} is in the vault.`);
    if (key.kind === 'organisation')
      throw new VigilError(
        'INVALID_INPUT',
        'The organisation key is always trusted; only partner keys can be trusted or not.',
      );
    if (key.trusted === trusted) return;
    await updateTrust(tx, fpr, trusted, vault.actor, vault.now().toISOString());
    await vault.record(tx, {
      action: trusted ? 'pgp.key-trusted' : 'pgp.key-untrusted',
      entityType: 'pgp_key',
      entityId: fpr,
      detail: {},
    });
  });
  return getKey(vault, fpr);
}

/** The armored public key: the organisation's active key unless a fingerprint is given. */
export async function exportPublicKey(vault: Vault, fingerprint?: string): Promise<string> {
  const stored =
    fingerprint === undefined
      ? await requireOrganisationKey(vault.db)
      : await requireKey(vault.db, parseFingerprint(fingerprint));
  const armored = (await parsePublicKey(stored)).armor(gpg22Config());
  await vault.db.transaction((tx) =>
    vault.record(tx, {
      action: 'pgp.public-key-exported',
      entityType: 'pgp_key',
      entityId: stored.fingerprint,
      detail: { kind: stored.kind },
    }),
  );
  return armored;
}

/**
 * A backup of the organisation's secret key, armored and protected with
 * `passphrase` the way GnuPG 2.2 reads: iterated and salted S2K with SHA-256,
 * AES-256, SHA-1 checksum (never Argon2 or AEAD, which gpg 2.2 cannot read).
 */
export async function exportSecretKey(
  vault: Vault,
  input: { passphrase: string; fingerprint?: string },
): Promise<string> {
  assertPassphrase(input.passphrase, 'The backup passphrase');
  const stored =
    input.fingerprint === undefined
      ? await requireOrganisationKey(vault.db)
      : await requireKey(vault.db, parseFingerprint(input.fingerprint));
  if (stored.kind !== 'organisation')
    throw new VigilError(
      'INVALID_INPUT',
      `The key ${stored.fingerprint} is a partner key: the vault holds no secret part of it.`,
    );
  const armored = await withSecretKey(vault, stored.fingerprint, async (key) => {
    const locked = await encryptKey({
      privateKey: key,
      passphrase: input.passphrase,
      config: gpg22Config(),
    });
    try {
      return locked.armor(gpg22Config());
    } finally {
      clearSecret(locked);
    }
  });
  await vault.db.transaction((tx) =>
    vault.record(tx, {
      action: 'pgp.secret-key-exported',
      entityType: 'pgp_key',
      entityId: stored.fingerprint,
      detail: { protection: 'iterated-s2k-sha256-aes256' },
    }),
  );
  return armored;
}
