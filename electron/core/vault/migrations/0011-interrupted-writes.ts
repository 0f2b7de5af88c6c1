import type { Migration } from './types';

/**
 * What an interruption must not leave behind, recorded before the work starts:
 *
 * - `outgoing_writes`: every write outside the vault (a dossier folder, a
 *   bundle, an exported original, a case document, a database copy), with
 *   the temporary path it is written to. The row is removed when the output
 *   is in place; a row found later means the process died mid-way, and
 *   whoever opens the vault next removes what was left.
 * - `pending_header_changes`: a header rewrite (new passphrase, new recovery
 *   key) and the audit entry it owes; after a crash, the next opener records
 *   the entry if the new header is in place.
 */
export const interruptedWrites: Migration = {
  version: 11,
  name: 'interrupted-writes',
  async up(tx) {
    await tx.exec(`
      CREATE TABLE outgoing_writes (
        id         TEXT PRIMARY KEY,
        kind       TEXT NOT NULL,
        target     TEXT NOT NULL,
        temp       TEXT NOT NULL,
        temp_id    TEXT,
        started_at TEXT NOT NULL,
        pid        INTEGER NOT NULL,
        audit      TEXT
      ) STRICT;
      CREATE TABLE pending_header_changes (
        header_sha256 TEXT PRIMARY KEY,
        audit         TEXT NOT NULL,
        started_at    TEXT NOT NULL
      ) STRICT;
    `);
  },
};
