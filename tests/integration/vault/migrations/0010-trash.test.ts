import { describe, expect, it } from 'vitest';
import { databaseAt, migrateTo, versionOf } from '../../../helpers/migrations';

const V = versionOf('trash');
const AT = '2026-03-01T10:00:00.000Z';

describe('migration 10 (the trash)', () => {
  it('keeps what the earlier versions held, and takes trash entries with valid JSON only', async () => {
    const db = await databaseAt(V - 1);
    await db.run(
      `INSERT INTO cases (id, reference, title, status, confidentiality, created_at, updated_at, cjk_title)
       VALUES ('c1', 'VIG-2026-0010', 'Арест в Казани', 'open', 'internal', ?, ?, NULL)`,
      [AT, AT],
    );
    await db.run(
      "INSERT INTO organisation (id, name, updated_at) VALUES (1, 'Defenders Watch', ?)",
      [AT],
    );
    await migrateTo(db, V);
    expect(await db.get('SELECT reference, title FROM cases')).toEqual({
      reference: 'VIG-2026-0010',
      title: 'Арест в Казани',
    });
    expect(await db.get('SELECT name FROM organisation')).toEqual({ name: 'Defenders Watch' });
    expect(await db.get('SELECT count(*) AS n FROM trash')).toEqual({ n: 0 });

    const entry = (id: string, kind: string, rows: string) =>
      db.run(
        `INSERT INTO trash (id, kind, record_id, case_id, label, deleted_at, deleted_by, rows)
         VALUES (?, ?, 'r1', NULL, 'ملف', ?, 'amira', ?)`,
        [id, kind, AT, rows],
      );
    await entry('t1', 'testimony', '[{"table":"testimonies","row":{"id":"r1"}}]');
    expect(await db.get("SELECT blob_ids, label FROM trash WHERE id = 't1'")).toEqual({
      blob_ids: '[]',
      label: 'ملف',
    });
    await expect(entry('t2', 'vocabulary', '[]')).rejects.toThrow(/CHECK/);
    await expect(entry('t3', 'event', '[{')).rejects.toThrow(/CHECK/);
    await expect(entry('t1', 'event', '[]')).rejects.toThrow(/UNIQUE|PRIMARY KEY/);
    await db.close();
  });
});
