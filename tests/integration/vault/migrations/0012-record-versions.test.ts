import { describe, expect, it } from 'vitest';
import { databaseAt, migrateTo, versionOf } from '../../../helpers/migrations';

const V = versionOf('record-versions');
const AT = '2026-03-02T10:00:00.000Z';

describe('migration 12 (versions of testimonies and persons)', () => {
  it('keeps earlier data, adds versions, and refuses any change to a sealed one', async () => {
    const db = await databaseAt(V - 1);
    await db.run(
      `INSERT INTO trash (id, kind, record_id, case_id, label, deleted_at, deleted_by, rows)
       VALUES ('t1', 'event', 'r1', NULL, 'Ташкент', ?, 'amira', '[]')`,
      [AT],
    );
    await db.run(
      `INSERT INTO outgoing_writes (id, kind, target, temp, temp_id, started_at, pid, audit)
       VALUES ('w1', 'bundle', '/home/ана/b.vigil', '/home/ана/.b.tmp', NULL, ?, 77, NULL)`,
      [AT],
    );
    await migrateTo(db, V);
    expect(await db.get('SELECT label FROM trash')).toEqual({ label: 'Ташкент' });
    expect(await db.get('SELECT target, pid FROM outgoing_writes')).toEqual({
      target: '/home/ана/b.vigil',
      pid: 77,
    });
    expect(await db.get('SELECT count(*) AS n FROM record_versions')).toEqual({ n: 0 });
    const add = (version: number, sealed: string | null) =>
      db.run(
        `INSERT INTO record_versions (kind, record_id, version, data, fields, actor, created_at, sealed_sha256, sealed_at, sealed_by)
         VALUES ('testimony', 'x1', ?, '{"statement":"شهادة"}', '[]', 'amira', ?, ?, ?, ?)`,
        [version, AT, sealed, sealed ? AT : null, sealed ? 'amira' : null],
      );
    await add(1, 'a'.repeat(64));
    await add(2, null);
    await expect(add(2, null)).rejects.toThrow(/UNIQUE|PRIMARY KEY/);
    await expect(add(0, null)).rejects.toThrow(/CHECK/);
    await expect(
      db.run("UPDATE record_versions SET data = '{}' WHERE version = 1"),
    ).rejects.toThrow(/a sealed version never changes/);
    await db.run('UPDATE record_versions SET fields = \'["statement"]\' WHERE version = 2');
    expect(await db.all('SELECT version, fields FROM record_versions ORDER BY version')).toEqual([
      { version: 1, fields: '[]' },
      { version: 2, fields: '["statement"]' },
    ]);
    await db.close();
  });
});
