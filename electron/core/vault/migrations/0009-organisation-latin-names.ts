import type { Migration } from './types';

/**
 * The organisation profile and names in Latin letters.
 *
 * - `organisation`: one row, the organisation that keeps the vault and
 *   submits its communications (name, address, e-mail, telephone). Until now
 *   each WGAD submission carried its own submitter; the first one that named
 *   an organisation seeds the profile, so nothing a user typed is lost.
 * - `persons.family_name_latin`, `persons.given_name_latin`: the family and
 *   given names in Latin letters beside the own-script ones, which the WGAD
 *   questionnaire asks for separately.
 */
export const organisationLatinNames: Migration = {
  version: 9,
  name: 'organisation-latin-names',
  async up(tx) {
    await tx.exec(`
      CREATE TABLE organisation (
        id         INTEGER PRIMARY KEY CHECK (id = 1),
        name       TEXT NOT NULL DEFAULT '',
        address    TEXT NOT NULL DEFAULT '',
        email      TEXT NOT NULL DEFAULT '',
        phone      TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL
      ) STRICT;
      ALTER TABLE persons ADD COLUMN family_name_latin TEXT NOT NULL DEFAULT '';
      ALTER TABLE persons ADD COLUMN given_name_latin TEXT NOT NULL DEFAULT '';
    `);
    const rows = await tx.all<{ data: string; updated_at: string }>(
      "SELECT data, updated_at FROM submissions WHERE template = 'wgad' ORDER BY updated_at DESC",
    );
    for (const row of rows) {
      let submitter: Record<string, unknown> = {};
      try {
        const data = JSON.parse(row.data) as { submitter?: Record<string, unknown> };
        submitter = data.submitter ?? {};
      } catch {
        continue;
      }
      const text = (key: string) =>
        typeof submitter[key] === 'string' ? submitter[key].trim() : '';
      const name = text('organisation') || text('name');
      if (!name) continue;
      // The old free-text contact ("phone, e-mail") is split where it plainly holds an e-mail.
      const contact = text('contact');
      const email = /[^\s,;@]+@[^\s,;@]+\.[^\s,;@]+/u.exec(contact)?.[0] ?? '';
      const phone = contact
        .replace(email, '')
        .replace(/^[\s,;]+|[\s,;]+$/gu, '')
        .trim();
      await tx.run(
        'INSERT INTO organisation (id, name, address, email, phone, updated_at) VALUES (1, ?, ?, ?, ?, ?)',
        [name, text('address'), email, /\d/u.test(phone) ? phone : '', row.updated_at],
      );
      break;
    }
  },
};
