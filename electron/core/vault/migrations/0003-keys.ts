import type { Migration } from './types';

/**
 * OpenPGP keys: the organisation's own keys (with their secret part) and the
 * partners' public keys. Secret key material lives only in this table, inside
 * the SQLCipher database; it is stored unprotected by a passphrase because the
 * database encryption already protects it, and it never leaves the vault
 * except as a passphrase-protected backup the user asks for.
 *
 * - `fingerprint`: upper-case hex, 40 digits (v4 keys) or 64 (v6 keys, kept
 *   to check their signatures; gpg 2.2 cannot read them).
 * - `active`: the organisation key that signs and that partners encrypt to;
 *   older organisation keys stay to decrypt bundles sent to them.
 * - `trusted`: a partner key the user vouched for; `trusted_by`/`trusted_at`
 *   say who and when (the audit log keeps the history).
 */
export const keys: Migration = {
  version: 3,
  name: 'keys',
  async up(tx) {
    await tx.exec(`
      CREATE TABLE pgp_keys (
        fingerprint     TEXT PRIMARY KEY CHECK (length(fingerprint) IN (40, 64) AND fingerprint NOT GLOB '*[^0-9A-F]*'),
        kind            TEXT NOT NULL CHECK (kind IN ('organisation', 'partner')),
        public_key      TEXT NOT NULL,
        secret_key      BLOB,
        revocation      TEXT,
        user_ids        TEXT NOT NULL,
        algorithm       TEXT NOT NULL,
        created_at      TEXT NOT NULL,
        imported_at     TEXT NOT NULL,
        imported_by     TEXT NOT NULL,
        active          INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1)),
        trusted         INTEGER NOT NULL DEFAULT 0 CHECK (trusted IN (0, 1)),
        trusted_by      TEXT,
        trusted_at      TEXT,
        CHECK ((kind = 'organisation') = (secret_key IS NOT NULL)),
        CHECK (kind = 'organisation' OR active = 0)
      ) STRICT;
      CREATE UNIQUE INDEX pgp_keys_one_active ON pgp_keys (active) WHERE active = 1;
    `);
  },
};
