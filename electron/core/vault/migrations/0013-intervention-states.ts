import type { Migration } from './types';

/**
 * The dated steps of an intervention (drafted, sent, acknowledged, the
 * government replied, an opinion or decision adopted with its number,
 * closed): one row per change of status, in order, with who recorded it and
 * when. `via` says how the status came: at creation, by a checked step, or
 * corrected by an edit. Rows are only added; they go to the trash and come
 * back with their intervention.
 */
export const interventionStates: Migration = {
  version: 13,
  name: 'intervention-states',
  async up(tx) {
    await tx.exec(`
      CREATE TABLE intervention_states (
        intervention_id TEXT NOT NULL REFERENCES interventions (id),
        position        INTEGER NOT NULL CHECK (position >= 1),
        state           TEXT NOT NULL CHECK (length(state) > 0),
        on_date         TEXT,
        number          TEXT NOT NULL DEFAULT '',
        via             TEXT NOT NULL CHECK (via IN ('create', 'step', 'edit')),
        actor           TEXT NOT NULL,
        recorded_at     TEXT NOT NULL,
        PRIMARY KEY (intervention_id, position)
      ) STRICT, WITHOUT ROWID;
      CREATE TRIGGER intervention_states_kept BEFORE UPDATE ON intervention_states
      BEGIN
        SELECT RAISE(ABORT, 'a step of an intervention is never changed');
      END;
    `);
  },
};
