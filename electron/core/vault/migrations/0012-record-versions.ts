import type { Migration } from './types';

/**
 * Versions of testimonies and persons (a person's consent record is part of
 * them): every change adds a row with the whole record as it then was, which
 * fields changed, who and when. Rows are only added. A version can be sealed
 * (the SHA-256 of its content, when, by whom); the trigger refuses any change
 * to a sealed version, whatever writes it.
 */
export const recordVersions: Migration = {
  version: 12,
  name: 'record-versions',
  async up(tx) {
    await tx.exec(`
      CREATE TABLE record_versions (
        kind          TEXT NOT NULL CHECK (kind IN ('testimony', 'person')),
        record_id     TEXT NOT NULL,
        version       INTEGER NOT NULL CHECK (version >= 1),
        data          TEXT NOT NULL CHECK (json_valid(data)),
        fields        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(fields)),
        actor         TEXT NOT NULL,
        created_at    TEXT NOT NULL,
        sealed_sha256 TEXT CHECK (sealed_sha256 IS NULL OR length(sealed_sha256) = 64),
        sealed_at     TEXT,
        sealed_by     TEXT,
        PRIMARY KEY (kind, record_id, version)
      ) STRICT, WITHOUT ROWID;
      CREATE TRIGGER record_versions_sealed BEFORE UPDATE ON record_versions
        WHEN old.sealed_sha256 IS NOT NULL
      BEGIN
        SELECT RAISE(ABORT, 'a sealed version never changes');
      END;
    `);
  },
};
