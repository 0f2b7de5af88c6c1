import type { Migration } from './types';

/**
 * The trash: a deleted record (with everything that goes with it: a case's
 * events, testimonies, interventions, evidence…) is moved here, not erased,
 * so that a mistaken delete loses nothing. Each entry keeps the rows as they
 * were (`rows`, JSON of `{table, row}` in the order they are put back) and the
 * evidence blobs they use (`blob_ids`), which stay encrypted on disk until the
 * trash is emptied and their keys destroyed. The rows leave their tables, so
 * search, lists, counts, timelines and exports never see them.
 *
 * `record_id` and `case_id` carry no foreign key: the record is gone from its
 * table, and its case may be in the trash too.
 */
export const trash: Migration = {
  version: 10,
  name: 'trash',
  async up(tx) {
    await tx.exec(`
      CREATE TABLE trash (
        id         TEXT PRIMARY KEY,
        kind       TEXT NOT NULL
                   CHECK (kind IN ('case', 'person', 'event', 'testimony', 'intervention', 'evidence')),
        record_id  TEXT NOT NULL,
        case_id    TEXT,
        label      TEXT NOT NULL,
        deleted_at TEXT NOT NULL,
        deleted_by TEXT NOT NULL,
        rows       TEXT NOT NULL CHECK (json_valid(rows)),
        blob_ids   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(blob_ids))
      ) STRICT;
      CREATE INDEX trash_record ON trash (record_id);
      CREATE INDEX trash_deleted ON trash (deleted_at);
    `);
  },
};
