import { describe, expect, it } from 'vitest';
import { databaseAt, migrateTo, versionOf } from '../../../helpers/migrations';

const V = versionOf('intervention-states');
const AT = '2026-03-03T10:00:00.000Z';

describe('migration 13 (the dated steps of an intervention)', () => {
  it('keeps interventions and versions, and takes steps only of an intervention, never changed', async () => {
    const db = await databaseAt(V - 1);
    await db.run(
      `INSERT INTO cases (id, reference, title, status, confidentiality, created_at, updated_at)
       VALUES ('c1', 'VIG-2026-0013', 'Détention à Oran', 'open', 'internal', ?, ?)`,
      [AT, AT],
    );
    await db.run(
      `INSERT INTO interventions (id, case_id, intervention_type, sent_on, status, outcome, created_at, updated_at)
       VALUES ('i1', 'c1', 'urgent-appeal', '2024-03', 'sent', 'رأي رقم 45/2024', ?, ?),
              ('i2', 'c1', 'wgad-communication', NULL, 'draft', '', ?, ?)`,
      [AT, AT, AT, AT],
    );
    await db.run(
      `INSERT INTO record_versions (kind, record_id, version, data, fields, actor, created_at)
       VALUES ('person', 'p1', 1, '{"name":"Ли Инцзюнь"}', '[]', 'amira', ?)`,
      [AT],
    );
    await migrateTo(db, V);
    expect(
      await db.all('SELECT id, sent_on, status, outcome FROM interventions ORDER BY id'),
    ).toEqual([
      { id: 'i1', sent_on: '2024-03', status: 'sent', outcome: 'رأي رقم 45/2024' },
      { id: 'i2', sent_on: null, status: 'draft', outcome: '' },
    ]);
    expect(await db.get('SELECT data FROM record_versions')).toEqual({
      data: '{"name":"Ли Инцзюнь"}',
    });
    expect(await db.get('SELECT count(*) AS n FROM intervention_states')).toEqual({ n: 0 });

    const step = (id: string, position: number, via: string) =>
      db.run(
        `INSERT INTO intervention_states (intervention_id, position, state, on_date, number, via, actor, recorded_at)
         VALUES (?, ?, 'decision-issued', '2024-11-15', 'Opinion No. 45/2024', ?, 'amira', ?)`,
        [id, position, via, AT],
      );
    await step('i1', 1, 'step');
    await expect(step('i1', 1, 'step')).rejects.toThrow(/UNIQUE|PRIMARY KEY/);
    await expect(step('i1', 0, 'step')).rejects.toThrow(/CHECK/);
    await expect(step('i1', 2, 'guess')).rejects.toThrow(/CHECK/);
    await expect(step('nobody', 1, 'step')).rejects.toThrow(/FOREIGN KEY/);
    await expect(db.run("UPDATE intervention_states SET state = 'closed'")).rejects.toThrow(
      /never changed/,
    );
    expect(await db.all('SELECT intervention_id, number FROM intervention_states')).toEqual([
      { intervention_id: 'i1', number: 'Opinion No. 45/2024' },
    ]);
    await db.close();
  });
});
