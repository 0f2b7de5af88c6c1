import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isVigilError } from '../../../electron/core';
import { Database } from '../../../electron/core/vault/database';
import { migrate, schemaVersion } from '../../../electron/core/vault/migrate';
import {
  MIGRATIONS,
  SCHEMA_VERSION,
  type Migration,
} from '../../../electron/core/vault/migrations';
import { newVault, openRawDatabase, reopen } from '../../helpers/vault';
import { snapshot } from '../../helpers/files';
import { tempDir } from '../../helpers/tmp';

async function scratchDb(): Promise<Database> {
  const db = await Database.open(join(await tempDir(), 'scratch.db'));
  await db.exec(`PRAGMA key = "x'${'ab'.repeat(32)}'"`);
  return db;
}

const tables = async (db: Database) =>
  (
    await db.all<{ name: string }>(
      "SELECT name FROM sqlite_master WHERE type IN ('table','trigger') ORDER BY name",
    )
  ).map((r) => r.name);

describe('migrations', () => {
  it('are numbered 1, 2, 3… with no gap, and a fresh vault is at the latest version', async () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    const { vault } = await newVault();
    expect(await schemaVersion(vault.db)).toBe(SCHEMA_VERSION);
    await vault.lock();
  });

  it('version 1 creates the metadata table and the append-only audit log', async () => {
    const db = await scratchDb();
    expect(await migrate(db, MIGRATIONS.slice(0, 1))).toEqual({ from: 0, to: 1 });
    expect(await tables(db)).toEqual(
      expect.arrayContaining([
        'audit_log',
        'audit_log_no_delete',
        'audit_log_no_update',
        'vault_meta',
      ]),
    );
    await db.close();
  });

  it('apply stepwise: each step from the previous version keeps the data and lands on the same schema as a fresh run', async () => {
    const fresh = await scratchDb();
    await migrate(fresh, MIGRATIONS);
    const expected = await tables(fresh);
    await fresh.close();

    const stepwise = await scratchDb();
    for (let n = 1; n <= MIGRATIONS.length; n += 1) {
      const result = await migrate(stepwise, MIGRATIONS.slice(0, n));
      expect(result).toEqual({ from: n - 1, to: n });
      if (n === 1)
        await stepwise.run("INSERT INTO vault_meta (key, value) VALUES ('probe', 'kept')");
    }
    expect(await tables(stepwise)).toEqual(expected);
    expect(await stepwise.get("SELECT value FROM vault_meta WHERE key = 'probe'")).toEqual({
      value: 'kept',
    });
    expect(await migrate(stepwise, MIGRATIONS)).toEqual({
      from: SCHEMA_VERSION,
      to: SCHEMA_VERSION,
    });
    await stepwise.close();
  });

  it('a failing migration rolls back completely, leaving the old version', async () => {
    const db = await scratchDb();
    await migrate(db, MIGRATIONS.slice(0, 1));
    const broken: Migration = {
      version: 2,
      name: 'broken',
      async up(tx) {
        await tx.exec('CREATE TABLE half_done (x)');
        await tx.exec('THIS IS NOT SQL');
      },
    };
    await expect(migrate(db, [MIGRATIONS[0]!, broken])).rejects.toThrow();
    expect(await schemaVersion(db)).toBe(1);
    expect(await tables(db)).not.toContain('half_done');
    await db.close();
  });

  it('a vault from a newer Vigil is refused with a clear message, and not a byte of it changes', async () => {
    const { vault, dir } = await newVault();
    await vault.lock();
    const raw = await openRawDatabase(dir);
    await raw.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 5}`);
    await raw.close();
    const before = await snapshot(dir);
    let error: unknown;
    try {
      await reopen(dir);
    } catch (e) {
      error = e;
    }
    expect(isVigilError(error, 'VAULT_TOO_NEW')).toBe(true);
    expect((error as Error).message).toMatch(/newer version of Vigil.*Update Vigil/);
    expect(await snapshot(dir)).toEqual(before);
  });
});
