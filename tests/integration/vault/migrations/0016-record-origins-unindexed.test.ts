import { describe, expect, it } from 'vitest';
import { databaseAt, migrateTo, versionOf } from '../../../helpers/migrations';

const V = versionOf('record-origins-unindexed');

describe('migration 16 (record origins without their index by record id)', () => {
  it('keeps every origin, and every read by case still goes through the table key', async () => {
    const db = await databaseAt(V - 1);
    await db.run(
      `INSERT INTO cases (id, reference, title, status, confidentiality, created_at, updated_at, origin_id)
       VALUES ('c1', 'VIG-1', 'اعتقال عبد الله', 'open', 'internal', 'now', 'now', 'remote-1')`,
    );
    await db.run(
      `INSERT INTO record_origins (case_id, kind, origin_id, record_id, synced_hash, synced_updated_at)
       VALUES ('c1', 'case', 'remote-1', 'c1', 'h1', 'now'), ('c1', 'person', 'p-remote', 'p-here', 'h2', 'now')`,
    );
    await migrateTo(db, V);
    expect(
      await db.get("SELECT count(*) AS n FROM sqlite_master WHERE name = 'record_origins_record'"),
    ).toEqual({ n: 0 });
    expect(
      await db.all(
        'SELECT kind, origin_id, record_id, synced_hash FROM record_origins ORDER BY kind',
      ),
    ).toEqual([
      { kind: 'case', origin_id: 'remote-1', record_id: 'c1', synced_hash: 'h1' },
      { kind: 'person', origin_id: 'p-remote', record_id: 'p-here', synced_hash: 'h2' },
    ]);
    // The reads of origins.ts and trash.ts: by case, on the primary key, never a full scan.
    for (const where of ['case_id = ?', 'case_id = ? AND record_id <> origin_id']) {
      const plan = await db.all<{ detail: string }>(
        `EXPLAIN QUERY PLAN SELECT record_id, origin_id FROM record_origins WHERE ${where}`,
        ['c1'],
      );
      expect(plan.map((p) => p.detail).join(' ')).toMatch(
        /SEARCH record_origins USING PRIMARY KEY/,
      );
    }
    // The key still refuses a second origin of the same kind and id in a case.
    await expect(
      db.run(
        `INSERT INTO record_origins (case_id, kind, origin_id, record_id, synced_hash, synced_updated_at)
         VALUES ('c1', 'person', 'p-remote', 'other', 'h', 'now')`,
      ),
    ).rejects.toThrow(/UNIQUE|PRIMARY/);
    await db.close();
  });
});
