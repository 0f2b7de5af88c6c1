import type { Migration } from './types';

/**
 * Where a case came from, so that importing it again is recognised, and
 * partners' vocabulary terms kept with their case.
 *
 * - `cases.origin_id`: the id the case has in the vault where it was begun
 *   (it travels in every partner dossier's case.json); NULL for a case begun
 *   in this vault, whose origin is its own id. `cases.origin_org`: the
 *   fingerprint of the organisation key that began it, when known.
 *   `cases.origin_submitter`: the sending partner's details as it signs its
 *   submissions (JSON), from the last import of the case.
 * - `record_origins`: for each record an import brought in, its id at the
 *   origin, and what the last import wrote (the hash of the partner's
 *   version, and the record's `updated_at` right after), so that an update
 *   can tell a partner's change from a local edit and never overwrite the
 *   latter.
 * - `case_vocab_terms`: a partner's own vocabulary terms that an imported
 *   case uses. They belong to that case (deleted with it) and do not join
 *   the vault's vocabularies, which only the user extends.
 *
 * Cases imported before this version have no recorded origin: they count as
 * begun here, and a later import of the same case is not recognised.
 */
export const caseOrigins: Migration = {
  version: 14,
  name: 'case-origins',
  async up(tx) {
    await tx.exec(`
      ALTER TABLE cases ADD COLUMN origin_id TEXT;
      ALTER TABLE cases ADD COLUMN origin_org TEXT;
      ALTER TABLE cases ADD COLUMN origin_submitter TEXT;
      CREATE INDEX cases_origin ON cases (origin_id) WHERE origin_id IS NOT NULL;

      CREATE TABLE record_origins (
        case_id           TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        kind              TEXT NOT NULL
                          CHECK (kind IN ('case', 'person', 'event', 'testimony', 'intervention')),
        origin_id         TEXT NOT NULL,
        record_id         TEXT NOT NULL,
        synced_hash       TEXT NOT NULL,
        synced_updated_at TEXT NOT NULL,
        PRIMARY KEY (case_id, kind, origin_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX record_origins_record ON record_origins (record_id);

      CREATE TABLE case_vocab_terms (
        case_id    TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        vocabulary TEXT NOT NULL,
        term       TEXT NOT NULL,
        labels     TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (case_id, vocabulary, term)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
