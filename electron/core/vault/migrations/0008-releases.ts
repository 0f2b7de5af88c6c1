import type { Migration } from './types';

/**
 * Release versions of free texts that a person approved for one audience:
 * one row per field and version (who and when), with the hash of the source
 * text it was approved for, the decisions on each proposed change, and the
 * whole text when the user wrote it. The latest version of a field is the
 * one in force; earlier ones stay as its history.
 */
export const releases: Migration = {
  version: 8,
  name: 'releases',
  async up(tx) {
    await tx.exec(`
      CREATE TABLE releases (
        case_id        TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        audience       TEXT NOT NULL,
        record_kind    TEXT NOT NULL,
        record_id      TEXT NOT NULL,
        field          TEXT NOT NULL,
        version        INTEGER NOT NULL CHECK (version >= 1),
        source_sha256  TEXT NOT NULL,
        decisions      TEXT NOT NULL,
        text           TEXT,
        kept           TEXT NOT NULL,
        release_sha256 TEXT NOT NULL,
        actor          TEXT NOT NULL,
        created_at     TEXT NOT NULL,
        PRIMARY KEY (case_id, audience, record_kind, record_id, field, version)
      ) STRICT;
    `);
  },
};
