import { describe, expect, it } from 'vitest';
import { databaseAt, migrateTo, versionOf } from '../../../helpers/migrations';

const V = versionOf('evidence-readable');

describe('migration 6 (whether evidence metadata was readable)', () => {
  it('marks evidence recorded before it as unreadable where no list was read, and keeps the rest', async () => {
    const db = await databaseAt(V - 1);
    await db.run(
      `INSERT INTO cases (id, reference, title, status, confidentiality, created_at, updated_at)
       VALUES ('c', 'R-1', 't', 'open', 'restricted', 'now', 'now')`,
    );
    const rows: [string, string, string, string | null][] = [
      ['docx-old', 'original', 'docx', '[]'],
      ['zip-old', 'original', 'zip', '[]'],
      ['mp4-old', 'original', 'mp4', '[{"group":"location"}]'],
      ['jpeg-read', 'original', 'jpeg', '[{"group":"location"}]'],
      ['jpeg-empty', 'original', 'jpeg', '[]'],
      ['heic-read', 'original', 'heic', '[]'],
      ['pdf-unread', 'original', 'pdf', null],
      ['docx-copy', 'stripped', 'docx', '[]'],
    ];
    for (const [id, kind, type, metadata] of rows) {
      await db.run(
        `INSERT INTO evidence (id, case_id, parent_id, kind, blob_id, blob_key, sha256, size, media_type, mime,
           intake_at, intake_by, metadata) VALUES (?, 'c', NULL, ?, ?, ?, ?, 1, ?, 'x', 'now', 'me', ?)`,
        [id, kind, id, Buffer.alloc(32), 'a'.repeat(64), type, metadata],
      );
    }
    await migrateTo(db, V);
    const after = await db.all<{
      id: string;
      metadata: string | null;
      metadata_problem: string | null;
    }>('SELECT id, metadata, metadata_problem FROM evidence ORDER BY id');
    const unreadable = after.filter((r) => r.metadata_problem !== null).map((r) => r.id);
    expect(unreadable.sort()).toEqual(['docx-old', 'mp4-old', 'pdf-unread', 'zip-old']);
    expect(after.find((r) => r.id === 'docx-old')?.metadata_problem).toMatch(/did not read/);
    // The lists themselves are untouched.
    expect(after.map((r) => [r.id, r.metadata])).toEqual(
      [...rows].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([id, , , metadata]) => [id, metadata]),
    );
    await db.close();
  });
});
