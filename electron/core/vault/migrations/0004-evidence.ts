import type { Migration } from './types';

/**
 * Evidence items. An original (the evidentiary copy, kept bit for bit) and
 * its derivatives (stripped or redacted working copies) are rows of the same
 * table linked by `parent_id`, each with its own blob, key and hash. A blob's
 * key lives only here, inside the encrypted database: deleting the row
 * crypto-erases the file.
 */
export const evidence: Migration = {
  version: 4,
  name: 'evidence',
  async up(tx) {
    await tx.exec(`
      CREATE TABLE evidence (
        id            TEXT PRIMARY KEY,
        case_id       TEXT NOT NULL REFERENCES cases(id) ON DELETE RESTRICT,
        parent_id     TEXT REFERENCES evidence(id) ON DELETE RESTRICT,
        kind          TEXT NOT NULL CHECK (kind IN ('original', 'stripped', 'redacted')),
        blob_id       TEXT NOT NULL,
        blob_key      BLOB NOT NULL CHECK (length(blob_key) = 32),
        sha256        TEXT NOT NULL CHECK (length(sha256) = 64),
        size          INTEGER NOT NULL CHECK (size >= 0),
        media_type    TEXT NOT NULL,
        mime          TEXT NOT NULL,
        original_name TEXT,
        title         TEXT,
        description   TEXT,
        source        TEXT,
        intake_at     TEXT NOT NULL,
        intake_by     TEXT NOT NULL,
        capture_time  TEXT,
        capture_lat   REAL,
        capture_lon   REAL,
        capture_alt   REAL,
        metadata      TEXT,
        strip_report  TEXT
      ) STRICT;
      CREATE INDEX evidence_case ON evidence (case_id, intake_at);
      CREATE INDEX evidence_hash ON evidence (sha256);
      CREATE INDEX evidence_parent ON evidence (parent_id);
      CREATE INDEX evidence_blob ON evidence (blob_id);
    `);
  },
};
