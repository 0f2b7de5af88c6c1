import { VigilError } from '../errors';
import type { Database, Queryable } from './database';
import { MIGRATIONS, type Migration } from './migrations';

export async function schemaVersion(db: Queryable): Promise<number> {
  const row = await db.get<{ user_version: number }>('PRAGMA user_version');
  return row?.user_version ?? 0;
}

/** Refuses a vault written by a newer Vigil before anything is written to it. */
export function assertNotNewer(
  current: number,
  migrations: readonly Migration[] = MIGRATIONS,
): void {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  if (current > latest) {
    throw new VigilError(
      'VAULT_TOO_NEW',
      `This vault was written by a newer version of Vigil (schema ${current}; this version knows up to ${latest}). Update Vigil to open it; the vault was not changed.`,
    );
  }
}

/**
 * Applies every pending migration in one transaction and records the new
 * `user_version` in it: after a crash the vault is at the old version or the
 * new one, never between.
 */
export async function migrate(
  db: Database,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<{ from: number; to: number }> {
  for (let i = 0; i < migrations.length; i += 1) {
    if (migrations[i]?.version !== i + 1)
      throw new Error(`Migration ${i} must have version ${i + 1}.`);
  }
  const from = await schemaVersion(db);
  assertNotNewer(from, migrations);
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from };
  const to = pending[pending.length - 1]!.version;
  await db.transaction(async (tx) => {
    for (const migration of pending) await migration.up(tx);
    // PRAGMA cannot take a bound parameter; `to` is an integer from our own list.
    await tx.exec(`PRAGMA user_version = ${Math.trunc(to)}`);
  });
  return { from, to };
}
