import { describe, expect, it } from 'vitest';
import { databaseAt, migrateTo, versionOf } from '../../../helpers/migrations';

const V = versionOf('releases');
const AT = '2026-02-01T10:00:00.000Z';

const release = (caseId: string, version: number) =>
  [
    `INSERT INTO releases (case_id, audience, record_kind, record_id, field, version, source_sha256, decisions, text, kept, release_sha256, actor, created_at)
     VALUES (?, 'mechanism', 'testimony', 't1', 'statement', ?, ?, '[]', NULL, '[]', ?, 'amira', ?)`,
    [caseId, version, 'c'.repeat(64), 'd'.repeat(64), AT],
  ] as const;

describe('migration 8 (release versions of free texts)', () => {
  it('keeps what the earlier versions held, and keeps numbered versions per field that go with their case', async () => {
    const db = await databaseAt(V - 1);
    await db.run(
      `INSERT INTO cases (id, reference, title, status, confidentiality, created_at, updated_at, cjk_title)
       VALUES ('c1', 'VIG-2026-0008', '案件', 'open', 'internal', ?, ?, ' 案  件 ')`,
      [AT, AT],
    );
    await db.run(
      "INSERT INTO submissions (case_id, template, data, updated_at) VALUES ('c1', 'wgad', '{}', ?)",
      [AT],
    );
    await migrateTo(db, V);
    expect(await db.get('SELECT title, cjk_title FROM cases')).toEqual({
      title: '案件',
      cjk_title: ' 案  件 ',
    });
    expect(await db.get('SELECT count(*) AS n FROM submissions')).toEqual({ n: 1 });

    await db.run(...release('c1', 1));
    await db.run(...release('c1', 2));
    await expect(db.run(...release('c1', 2))).rejects.toThrow(/UNIQUE|PRIMARY KEY/);
    await expect(db.run(...release('c1', 0))).rejects.toThrow(/CHECK/);
    await expect(db.run(...release('no-such-case', 1))).rejects.toThrow(/FOREIGN KEY/);
    expect(await db.all('SELECT version FROM releases ORDER BY version')).toEqual([
      { version: 1 },
      { version: 2 },
    ]);
    await db.run("DELETE FROM submissions WHERE case_id = 'c1'");
    await db.run("DELETE FROM cases WHERE id = 'c1'");
    expect(await db.get('SELECT count(*) AS n FROM releases')).toEqual({ n: 0 });
    await db.close();
  });
});
