import type { Migration } from './types';

/**
 * Whether Vigil could read an evidence file's metadata at intake, and if not,
 * why. NULL means it was read: an empty list of fields then really means
 * "nothing found". Rows written before this column existed are marked
 * unreadable when no list was recorded or when the Vigil that took them in
 * could not read their format (it recorded an empty list for those), so the
 * vault never claims that such a file carries nothing.
 */
export const evidenceReadable: Migration = {
  version: 6,
  name: 'evidence-readable',
  async up(tx) {
    await tx.exec(`
      ALTER TABLE evidence ADD COLUMN metadata_problem TEXT;
      UPDATE evidence SET metadata_problem = 'Vigil did not read this file''s metadata when it was added.'
        WHERE kind = 'original'
          AND (metadata IS NULL
            OR media_type NOT IN ('jpeg', 'png', 'webp', 'gif', 'tiff', 'heic', 'avif', 'pdf'));
    `);
  },
};
