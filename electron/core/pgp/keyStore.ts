import { readKey, readPrivateKey, type PrivateKey, type PublicKey } from 'openpgp';
import { VigilError } from '../errors';
import { wipe } from '../crypto/secrets';
import type { Queryable } from '../vault/database';
import type { Vault } from '../vault/vault';
import { gpg22Config } from './config';

export type KeyKind = 'organisation' | 'partner';

/** A row of `pgp_keys` without its secret part: what every reader but the signer and decrypter needs. */
export interface StoredKey {
  fingerprint: string;
  kind: KeyKind;
  publicKey: string;
  userIds: string[];
  algorithm: string;
  createdAt: string;
  importedAt: string;
  importedBy: string;
  active: boolean;
  trusted: boolean;
  trustedBy: string | null;
  trustedAt: string | null;
}

interface Row {
  fingerprint: string;
  kind: KeyKind;
  public_key: string;
  user_ids: string;
  algorithm: string;
  created_at: string;
  imported_at: string;
  imported_by: string;
  active: number;
  trusted: number;
  trusted_by: string | null;
  trusted_at: string | null;
}

// The secret column is named in exactly one query (`withSecretKey`); every other read leaves it out.
const PUBLIC_COLUMNS =
  'fingerprint, kind, public_key, user_ids, algorithm, created_at, imported_at, imported_by, active, trusted, trusted_by, trusted_at';

function fromRow(row: Row): StoredKey {
  return {
    fingerprint: row.fingerprint,
    kind: row.kind,
    publicKey: row.public_key,
    userIds: JSON.parse(row.user_ids) as string[],
    algorithm: row.algorithm,
    createdAt: row.created_at,
    importedAt: row.imported_at,
    importedBy: row.imported_by,
    active: row.active === 1,
    trusted: row.trusted === 1,
    trustedBy: row.trusted_by,
    trustedAt: row.trusted_at,
  };
}

export async function allKeys(db: Queryable): Promise<StoredKey[]> {
  const rows = await db.all<Row>(
    `SELECT ${PUBLIC_COLUMNS} FROM pgp_keys ORDER BY kind DESC, active DESC, imported_at, fingerprint`,
  );
  return rows.map(fromRow);
}

export async function findKey(db: Queryable, fingerprint: string): Promise<StoredKey | undefined> {
  const row = await db.get<Row>(`SELECT ${PUBLIC_COLUMNS} FROM pgp_keys WHERE fingerprint = ?`, [
    fingerprint,
  ]);
  return row ? fromRow(row) : undefined;
}

export async function requireKey(db: Queryable, fingerprint: string): Promise<StoredKey> {
  const key = await findKey(db, fingerprint);
  if (!key)
    throw new VigilError('NOT_FOUND', `No key with fingerprint ${fingerprint} is in the vault.`);
  return key;
}

export async function activeOrganisationKey(db: Queryable): Promise<StoredKey | undefined> {
  const row = await db.get<Row>(
    `SELECT ${PUBLIC_COLUMNS} FROM pgp_keys WHERE kind = 'organisation' AND active = 1`,
  );
  return row ? fromRow(row) : undefined;
}

export async function requireOrganisationKey(db: Queryable): Promise<StoredKey> {
  const key = await activeOrganisationKey(db);
  if (!key) {
    throw new VigilError(
      'NOT_FOUND',
      'The vault has no organisation key yet: generate one or import one.',
    );
  }
  return key;
}

export interface NewKeyRow {
  fingerprint: string;
  kind: KeyKind;
  publicKey: string;
  /** The unprotected secret key (organisation keys only); the caller wipes it after the insert. */
  secretKey?: Uint8Array;
  revocation?: string;
  userIds: string[];
  algorithm: string;
  createdAt: string;
  importedAt: string;
  importedBy: string;
  active: boolean;
  trusted: boolean;
}

export async function insertKey(tx: Queryable, row: NewKeyRow): Promise<void> {
  await tx.run(
    `INSERT INTO pgp_keys (fingerprint, kind, public_key, secret_key, revocation, user_ids, algorithm, created_at,
                           imported_at, imported_by, active, trusted, trusted_by, trusted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      row.fingerprint,
      row.kind,
      row.publicKey,
      row.secretKey ?? null,
      row.revocation ?? null,
      JSON.stringify(row.userIds),
      row.algorithm,
      row.createdAt,
      row.importedAt,
      row.importedBy,
      row.active ? 1 : 0,
      row.trusted ? 1 : 0,
      row.trusted ? row.importedBy : null,
      row.trusted ? row.importedAt : null,
    ],
  );
}

export async function updatePublicPart(
  tx: Queryable,
  fingerprint: string,
  update: { publicKey: string; userIds: string[]; algorithm: string },
): Promise<void> {
  await tx.run(
    'UPDATE pgp_keys SET public_key = ?, user_ids = ?, algorithm = ? WHERE fingerprint = ?',
    [update.publicKey, JSON.stringify(update.userIds), update.algorithm, fingerprint],
  );
}

export async function updateTrust(
  tx: Queryable,
  fingerprint: string,
  trusted: boolean,
  by: string,
  at: string,
): Promise<void> {
  await tx.run(
    'UPDATE pgp_keys SET trusted = ?, trusted_by = ?, trusted_at = ? WHERE fingerprint = ?',
    [trusted ? 1 : 0, trusted ? by : null, trusted ? at : null, fingerprint],
  );
}

export function parsePublicKey(stored: StoredKey): Promise<PublicKey> {
  return readKey({ armoredKey: stored.publicKey, config: gpg22Config() }).catch(
    (error: unknown) => {
      throw new VigilError(
        'VAULT_DAMAGED',
        `The stored key ${stored.fingerprint} cannot be read.`,
        { cause: error },
      );
    },
  );
}

/** Drops openpgp.js's copy of the secret numbers (it zero-fills them). */
export function clearSecret(key: PrivateKey | undefined): void {
  (key as unknown as { clearPrivateParams?: () => void } | undefined)?.clearPrivateParams?.();
}

/**
 * Lends the organisation's secret key to `work` and clears it afterwards,
 * whatever happens. The key bytes from the database and openpgp.js's parsed
 * numbers are both zeroed; never log or return the key.
 */
export async function withSecretKey<T>(
  vault: Vault,
  fingerprint: string,
  work: (key: PrivateKey) => Promise<T>,
): Promise<T> {
  const row = await vault.db.get<{ secret_key: Buffer | null }>(
    "SELECT secret_key FROM pgp_keys WHERE fingerprint = ? AND kind = 'organisation'",
    [fingerprint],
  );
  if (!row?.secret_key)
    throw new VigilError('NOT_FOUND', `The vault holds no secret key for ${fingerprint}.`);
  const bytes = row.secret_key;
  let key: PrivateKey | undefined;
  try {
    key = await readPrivateKey({ binaryKey: bytes, config: gpg22Config() }).catch(
      (error: unknown) => {
        throw new VigilError(
          'VAULT_DAMAGED',
          `The stored secret key ${fingerprint} cannot be read.`,
          { cause: error },
        );
      },
    );
    return await work(key);
  } finally {
    clearSecret(key);
    wipe(bytes);
  }
}

/** Every organisation key's fingerprint, the active one first (decryption tries them all). */
export async function organisationFingerprints(db: Queryable): Promise<string[]> {
  const rows = await db.all<{ fingerprint: string }>(
    "SELECT fingerprint FROM pgp_keys WHERE kind = 'organisation' ORDER BY active DESC, imported_at",
  );
  return rows.map((r) => r.fingerprint);
}
