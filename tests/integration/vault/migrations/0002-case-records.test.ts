import { describe, expect, it } from 'vitest';
import { databaseAt, migrateTo, versionOf } from '../../../helpers/migrations';

const V = versionOf('case-records');
const AT = '2026-02-01T10:00:00.000Z';

describe('migration 2 (case records)', () => {
  it('keeps the vault metadata and the audit chain, and its new tables count and index what is added after', async () => {
    const db = await databaseAt(V - 1);
    await db.run("INSERT INTO vault_meta (key, value) VALUES ('vault_id', 'v-2')");
    await db.run(
      `INSERT INTO audit_log (seq, at, actor, action, entity_type, entity_id, detail, prev_hash, hash)
       VALUES (1, ?, 'amira', 'vault.create', 'vault', 'v-2', '{"kdf":"x"}', ?, ?)`,
      [AT, '0'.repeat(64), 'e'.repeat(64)],
    );
    await migrateTo(db, V);
    expect(await db.get("SELECT value FROM vault_meta WHERE key = 'vault_id'")).toEqual({
      value: 'v-2',
    });
    expect(await db.get('SELECT seq, detail, hash FROM audit_log')).toEqual({
      seq: 1,
      detail: '{"kdf":"x"}',
      hash: 'e'.repeat(64),
    });

    await db.run(
      `INSERT INTO cases (id, reference, title, summary, status, confidentiality, created_at, updated_at)
       VALUES ('c1', 'VIG-2026-0001', 'Détention de Mme Ayşe', 'Arrêtée à Ankara', 'open', 'internal', ?, ?)`,
      [AT, AT],
    );
    await db.run(
      `INSERT INTO persons (id, person_type, name, created_at, updated_at)
       VALUES ('p1', 'individual', 'Ayşe Yılmaz', ?, ?)`,
      [AT, AT],
    );
    await db.run(
      "INSERT INTO case_persons (case_id, person_id, role, created_at) VALUES ('c1', 'p1', 'victim', ?), ('c1', 'p1', 'witness', ?)",
      [AT, AT],
    );
    await db.run(
      `INSERT INTO events (id, case_id, event_type, title, start_date, sort_key, created_at, updated_at)
       VALUES ('e1', 'c1', 'arbitrary-arrest', 'Arrest at dawn', '2026-01-05', '2026-01-05', ?, ?)`,
      [AT, AT],
    );
    // Counts: a person with two roles counts once.
    expect(await db.get("SELECT persons, events FROM case_counts WHERE case_id = 'c1'")).toEqual({
      persons: 1,
      events: 1,
    });
    const found = await db.all<{ entity_id: string }>(
      `SELECT d.entity_id FROM search_fts f JOIN search_docs d ON d.rid = f.rowid
        WHERE search_fts MATCH 'ankara OR dawn' ORDER BY d.entity_id`,
    );
    expect(found.map((r) => r.entity_id)).toEqual(['c1', 'e1']);
    // Events keep their case: a case with events cannot vanish under them.
    await expect(db.run("DELETE FROM cases WHERE id = 'c1'")).rejects.toThrow(/FOREIGN KEY/);
    await db.close();
  });
});
