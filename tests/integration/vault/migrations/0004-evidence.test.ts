import { describe, expect, it } from 'vitest';
import { databaseAt, migrateTo, versionOf } from '../../../helpers/migrations';

const V = versionOf('evidence');
const AT = '2026-02-01T10:00:00.000Z';

const evidenceRow = (id: string, kind: string, parent: string | null, key = Buffer.alloc(32, 7)) =>
  [
    `INSERT INTO evidence (id, case_id, parent_id, kind, blob_id, blob_key, sha256, size, media_type, mime, intake_at, intake_by)
     VALUES (?, 'c1', ?, ?, ?, ?, ?, 10, 'jpeg', 'image/jpeg', ?, 'amira')`,
    [id, parent, kind, `blob-${id}`, key, 'a'.repeat(64), AT],
  ] as const;

describe('migration 4 (evidence)', () => {
  it('keeps cases and keys, and its evidence rows tie originals and working copies to their case', async () => {
    const db = await databaseAt(V - 1);
    await db.run(
      `INSERT INTO cases (id, reference, title, status, confidentiality, created_at, updated_at)
       VALUES ('c1', 'VIG-2026-0004', 'With evidence', 'open', 'internal', ?, ?)`,
      [AT, AT],
    );
    await db.run(
      `INSERT INTO pgp_keys (fingerprint, kind, public_key, secret_key, user_ids, algorithm, created_at, imported_at, imported_by, active)
       VALUES (?, 'organisation', 'pub', x'00', '[]', 'ed25519', ?, ?, 'amira', 1)`,
      ['A'.repeat(40), AT, AT],
    );
    await migrateTo(db, V);
    expect(await db.get('SELECT count(*) AS n FROM pgp_keys WHERE active = 1')).toEqual({ n: 1 });

    await db.run(...evidenceRow('o1', 'original', null));
    await db.run(...evidenceRow('s1', 'stripped', 'o1'));
    await expect(db.run(...evidenceRow('bad-kind', 'copy', null))).rejects.toThrow(/CHECK/);
    await expect(
      db.run(...evidenceRow('short-key', 'original', null, Buffer.alloc(16))),
    ).rejects.toThrow(/CHECK/);
    await expect(db.run(...evidenceRow('orphan', 'stripped', 'missing'))).rejects.toThrow(
      /FOREIGN KEY/,
    );
    // Neither the case nor an original with working copies can be removed from under them.
    await expect(db.run("DELETE FROM cases WHERE id = 'c1'")).rejects.toThrow(/FOREIGN KEY/);
    await expect(db.run("DELETE FROM evidence WHERE id = 'o1'")).rejects.toThrow(/FOREIGN KEY/);
    const rows = await db.all<{ id: string; blob_key: Buffer }>(
      'SELECT id, blob_key FROM evidence ORDER BY id',
    );
    expect(rows.map((r) => [r.id, Buffer.from(r.blob_key).equals(Buffer.alloc(32, 7))])).toEqual([
      ['o1', true],
      ['s1', true],
    ]);
    await db.close();
  });
});
