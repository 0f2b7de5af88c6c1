import { describe, expect, it } from 'vitest';
import { databaseAt, migrateTo, versionOf } from '../../../helpers/migrations';

const V = versionOf('case-last-change');
const T0 = '2026-01-01T08:00:00.000Z';
const T1 = '2026-02-02T09:00:00.000Z';
const T2 = '2026-03-03T10:00:00.000Z';
const T3 = '2026-04-04T11:00:00.000Z';

describe('migration 15 (when anything in a case last changed)', () => {
  it('takes the latest time of each case’s records, and moves forward on any later change', async () => {
    const db = await databaseAt(V - 1);
    for (const [id, ref, title] of [
      ['c1', 'VIG-2026-0001', 'Détention à Oran'],
      ['c2', 'VIG-2026-0002', 'اعتقال في حلب'],
      ['c3', 'VIG-2026-0003', 'Пустое дело'],
    ] as const)
      await db.run(
        `INSERT INTO cases (id, reference, title, status, confidentiality, created_at, updated_at)
         VALUES (?, ?, ?, 'open', 'internal', ?, ?)`,
        [id, ref, title, T0, T0],
      );
    await db.run(
      `INSERT INTO events (id, case_id, event_type, title, start_date, sort_key, created_at, updated_at)
       VALUES ('e1', 'c1', 'arbitrary-arrest', 'Arrest', '2024', '2024', ?, ?)`,
      [T0, T1],
    );
    await db.run(
      `INSERT INTO persons (id, person_type, name, created_at, updated_at) VALUES ('p1', 'individual', 'مريم', ?, ?)`,
      [T0, T2],
    );
    await db.run(
      `INSERT INTO case_persons (case_id, person_id, role, created_at) VALUES ('c2', 'p1', 'victim', ?)`,
      [T0],
    );
    await migrateTo(db, V);
    const lastChange = async () =>
      Object.fromEntries(
        (
          await db.all<{ case_id: string; last_change: string | null }>(
            'SELECT case_id, last_change FROM case_counts ORDER BY case_id',
          )
        ).map((r) => [r.case_id, r.last_change]),
      );
    // The event's edit for c1, the linked person's edit for c2, nothing for the empty c3.
    expect(await lastChange()).toEqual({ c1: T1, c2: T2, c3: null });
    // Counts are kept as they were.
    expect(await db.get("SELECT events, persons FROM case_counts WHERE case_id = 'c1'")).toEqual({
      events: 1,
      persons: 0,
    });

    // A later edit of the event moves c1 forward; an older time never moves it back.
    await db.run("UPDATE events SET title = 'Arrest at dawn', updated_at = ? WHERE id = 'e1'", [
      T3,
    ]);
    await db.run(
      `INSERT INTO testimonies (id, case_id, statement, taken_on, sort_key, consent, created_at, updated_at)
       VALUES ('t1', 'c1', 'old statement', '2024', '2024', '{}', ?, ?)`,
      [T0, T0],
    );
    expect((await lastChange()).c1).toBe(T3);
    // Linking someone to the empty case; a removal takes the database's clock.
    await db.run(
      `INSERT INTO case_persons (case_id, person_id, role, created_at) VALUES ('c3', 'p1', 'witness', ?)`,
      [T1],
    );
    expect((await lastChange()).c3).toBe(T1);
    const before = new Date().toISOString();
    await db.run("DELETE FROM case_persons WHERE case_id = 'c3'");
    const removed = (await lastChange()).c3!;
    expect(removed >= before.slice(0, 19)).toBe(true);
    expect(removed).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    // A person's edit reaches every case they are in.
    await db.run(
      "UPDATE persons SET name = 'Mariam', updated_at = '2030-01-01T00:00:00.000Z' WHERE id = 'p1'",
    );
    expect((await lastChange()).c2).toBe('2030-01-01T00:00:00.000Z');
    expect((await lastChange()).c1).toBe(T3);
    await db.close();
  });
});
