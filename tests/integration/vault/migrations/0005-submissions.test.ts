import { describe, expect, it } from 'vitest';
import { databaseAt, migrateTo, versionOf } from '../../../helpers/migrations';

const V = versionOf('submissions');
const AT = '2026-02-01T10:00:00.000Z';

describe('migration 5 (submission drafts)', () => {
  it('keeps cases and evidence, and holds one draft per case and template that goes with its case', async () => {
    const db = await databaseAt(V - 1);
    await db.run(
      `INSERT INTO cases (id, reference, title, status, confidentiality, created_at, updated_at)
       VALUES ('c1', 'VIG-2026-0005', 'One', 'open', 'internal', ?, ?),
              ('c2', 'VIG-2026-0006', 'Two', 'open', 'internal', ?, ?)`,
      [AT, AT, AT, AT],
    );
    await db.run(
      `INSERT INTO evidence (id, case_id, parent_id, kind, blob_id, blob_key, sha256, size, media_type, mime, intake_at, intake_by)
       VALUES ('o1', 'c1', NULL, 'original', 'b1', ?, ?, 3, 'pdf', 'application/pdf', ?, 'amira')`,
      [Buffer.alloc(32, 1), 'b'.repeat(64), AT],
    );
    await migrateTo(db, V);
    expect(await db.get('SELECT id, sha256 FROM evidence')).toEqual({
      id: 'o1',
      sha256: 'b'.repeat(64),
    });

    const draft = JSON.stringify({
      circumstances: 'Arrested for a post',
      submitter: { name: 'Legal team' },
    });
    await db.run(
      "INSERT INTO submissions (case_id, template, data, updated_at) VALUES ('c2', 'wgad', ?, ?)",
      [draft, AT],
    );
    await db.run(
      "INSERT INTO submissions (case_id, template, data, updated_at) VALUES ('c2', 'generic', '{}', ?)",
      [AT],
    );
    await expect(
      db.run(
        "INSERT INTO submissions (case_id, template, data, updated_at) VALUES ('c2', 'wgad', '{}', ?)",
        [AT],
      ),
    ).rejects.toThrow(/UNIQUE|PRIMARY KEY/);
    await expect(
      db.run(
        "INSERT INTO submissions (case_id, template, data, updated_at) VALUES ('nope', 'wgad', '{}', ?)",
        [AT],
      ),
    ).rejects.toThrow(/FOREIGN KEY/);
    expect(
      await db.get("SELECT data FROM submissions WHERE case_id = 'c2' AND template = 'wgad'"),
    ).toEqual({
      data: draft,
    });
    await db.run("DELETE FROM cases WHERE id = 'c2'");
    expect(await db.get('SELECT count(*) AS n FROM submissions')).toEqual({ n: 0 });
    await db.close();
  });
});
