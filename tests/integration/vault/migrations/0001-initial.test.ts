import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../../../../electron/core/vault/migrate';
import { databaseAt, migrateTo, versionOf } from '../../../helpers/migrations';

const V = versionOf('initial');

describe('migration 1 (initial)', () => {
  it('turns an empty database into a vault with its metadata table and an append-only, ordered audit log', async () => {
    const db = await databaseAt(V - 1);
    expect(await schemaVersion(db)).toBe(0);
    await migrateTo(db, V);
    await db.run("INSERT INTO vault_meta (key, value) VALUES ('vault_id', 'v-1')");
    for (const seq of [1, 2, 3])
      await db.run(
        `INSERT INTO audit_log (seq, at, actor, action, entity_type, entity_id, detail, prev_hash, hash)
         VALUES (?, '2026-01-01T00:00:00.000Z', 'amira', 'vault.create', 'vault', 'v-1', '{}', ?, ?)`,
        [seq, String(seq - 1).repeat(64), String(seq).repeat(64)],
      );
    await expect(
      db.run("UPDATE audit_log SET actor = 'someone else' WHERE seq = 2"),
    ).rejects.toThrow(/append-only/);
    await expect(db.run('DELETE FROM audit_log WHERE seq = 3')).rejects.toThrow(/append-only/);
    await expect(
      db.run("INSERT INTO vault_meta (key, value) VALUES ('vault_id', 'another')"),
    ).rejects.toThrow(/UNIQUE|constraint/i);
    // STRICT: a value of the wrong type is refused, not silently stored.
    await expect(
      db.run(
        `INSERT INTO audit_log (seq, at, actor, action, entity_type, entity_id, detail, prev_hash, hash)
         VALUES ('four', 'x', 'x', 'x', 'x', NULL, '{}', 'x', 'x')`,
      ),
    ).rejects.toThrow();
    expect(await db.all('SELECT seq, actor FROM audit_log ORDER BY seq')).toEqual([
      { seq: 1, actor: 'amira' },
      { seq: 2, actor: 'amira' },
      { seq: 3, actor: 'amira' },
    ]);
    await db.close();
  });
});
