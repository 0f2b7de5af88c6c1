import type { Migration } from './types';

/**
 * Submission drafts: what a template needs beyond the case facts (for WGAD,
 * the arguments of part IV, the domestic remedies and the submitter), one
 * draft per case and template, edited by the lawyer and kept in the vault.
 */
export const submissions: Migration = {
  version: 5,
  name: 'submissions',
  async up(tx) {
    await tx.exec(`
      CREATE TABLE submissions (
        case_id    TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        template   TEXT NOT NULL,
        data       TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (case_id, template)
      ) STRICT;
    `);
  },
};
