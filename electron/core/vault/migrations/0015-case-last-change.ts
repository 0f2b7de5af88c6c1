import type { Migration } from './types';

/**
 * When anything in a case last changed: the case list's "Last change".
 *
 * The case's own `updated_at` is not bumped by its records on purpose: an
 * update from a partner compares it with the time of the last import to tell
 * whether the case itself was changed here. So the time lives beside the
 * counts, in `case_counts.last_change`, kept by triggers like the counts: any
 * insert, change or removal of the case's events, testimonies, interventions
 * and their steps, evidence, persons' links (and the linked persons' edits),
 * WGAD submission, release reviews, or its entries in the trash (a deletion
 * puts one there; a restore or purge takes it out) moves it forward, never
 * back. Rows that carry the writer's time (updated_at, intake_at, created_at,
 * deleted_at) give it; an unlink, an evidence edit and a trash entry's
 * removal, which carry none, take SQLite's clock in the same ISO 8601 form. The list
 * reads the later of this and the case's own `updated_at`.
 */
const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;

const bump = (caseId: string, at: string) =>
  `UPDATE case_counts SET last_change = max(coalesce(last_change, ''), ${at}) WHERE case_id = ${caseId};`;

/**
 * Insert and update triggers on a table whose rows name their case, and a
 * delete trigger where a removal leaves no other trace: records that go to
 * the trash are stamped by their trash entry's `deleted_at` instead.
 */
function caseRows(
  table: string,
  time: { insert: string; update: string },
  onDelete = false,
): string {
  return `
    CREATE TRIGGER ${table}_last_change_insert AFTER INSERT ON ${table} BEGIN
      ${bump('new.case_id', time.insert)}
    END;
    CREATE TRIGGER ${table}_last_change_update AFTER UPDATE ON ${table} BEGIN
      ${bump('new.case_id', time.update)}
      ${bump('old.case_id', time.update)}
    END;${
      onDelete
        ? `
    CREATE TRIGGER ${table}_last_change_delete AFTER DELETE ON ${table} BEGIN
      ${bump('old.case_id', NOW)}
    END;`
        : ''
    }`;
}

/** The latest time among a case's records when the migration runs (existing vaults). */
const BACKFILL = `
  UPDATE case_counts SET last_change = (
    SELECT max(t) FROM (
      SELECT max(updated_at) AS t FROM events WHERE case_id = case_counts.case_id
      UNION ALL SELECT max(updated_at) FROM testimonies WHERE case_id = case_counts.case_id
      UNION ALL SELECT max(updated_at) FROM interventions WHERE case_id = case_counts.case_id
      UNION ALL SELECT max(s.recorded_at) FROM intervention_states s
                JOIN interventions i ON i.id = s.intervention_id WHERE i.case_id = case_counts.case_id
      UNION ALL SELECT max(intake_at) FROM evidence WHERE case_id = case_counts.case_id
      UNION ALL SELECT max(max(cp.created_at, p.updated_at)) FROM case_persons cp
                JOIN persons p ON p.id = cp.person_id WHERE cp.case_id = case_counts.case_id
      UNION ALL SELECT max(updated_at) FROM submissions WHERE case_id = case_counts.case_id
      UNION ALL SELECT max(created_at) FROM releases WHERE case_id = case_counts.case_id
      UNION ALL SELECT max(deleted_at) FROM trash WHERE case_id = case_counts.case_id
    )
  );`;

export const caseLastChange: Migration = {
  version: 15,
  name: 'case-last-change',
  async up(tx) {
    await tx.exec(`
      ALTER TABLE case_counts ADD COLUMN last_change TEXT;
      ${caseRows('events', { insert: 'new.updated_at', update: 'new.updated_at' })}
      ${caseRows('testimonies', { insert: 'new.updated_at', update: 'new.updated_at' })}
      ${caseRows('interventions', { insert: 'new.updated_at', update: 'new.updated_at' })}
      ${caseRows('evidence', { insert: 'new.intake_at', update: NOW })}
      ${caseRows('case_persons', { insert: 'new.created_at', update: NOW }, true)}
      ${caseRows('submissions', { insert: 'new.updated_at', update: 'new.updated_at' })}
      ${caseRows('releases', { insert: 'new.created_at', update: NOW })}
      CREATE TRIGGER intervention_states_last_change AFTER INSERT ON intervention_states BEGIN
        UPDATE case_counts SET last_change = max(coalesce(last_change, ''), new.recorded_at)
        WHERE case_id = (SELECT case_id FROM interventions WHERE id = new.intervention_id);
      END;
      CREATE TRIGGER persons_last_change AFTER UPDATE ON persons BEGIN
        UPDATE case_counts SET last_change = max(coalesce(last_change, ''), new.updated_at)
        WHERE case_id IN (SELECT case_id FROM case_persons WHERE person_id = new.id);
      END;
      CREATE TRIGGER trash_last_change_insert AFTER INSERT ON trash WHEN new.case_id IS NOT NULL BEGIN
        ${bump('new.case_id', 'new.deleted_at')}
      END;
      CREATE TRIGGER trash_last_change_delete AFTER DELETE ON trash WHEN old.case_id IS NOT NULL BEGIN
        ${bump('old.case_id', NOW)}
      END;
      ${BACKFILL}
    `);
  },
};
