import { join } from 'node:path';
import { Database } from '../../electron/core/vault/database';
import { migrate, schemaVersion } from '../../electron/core/vault/migrate';
import { MIGRATIONS } from '../../electron/core/vault/migrations';
import { tempDir } from './tmp';

/**
 * Helpers for the per-migration tests (tests/integration/vault/migrations/):
 * a scratch SQLCipher database brought to any version, as a vault's would be.
 */

/** A new keyed SQLCipher database at version 0, with foreign keys on as in a vault. */
export async function scratchDatabase(): Promise<Database> {
  const db = await Database.open(join(await tempDir('vigil-migration-'), 'scratch.db'));
  await db.exec(`PRAGMA key = "x'${'5a'.repeat(32)}'"`);
  await db.exec('PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY');
  return db;
}

/** The version of the migration called `name` (its place in MIGRATIONS). */
export function versionOf(name: string): number {
  const index = MIGRATIONS.findIndex((m) => m.name === name);
  if (index < 0) throw new Error(`No migration is called "${name}".`);
  return index + 1;
}

/** Applies the migrations up to and including `version`, as an older Vigil would have. */
export async function migrateTo(db: Database, version: number): Promise<void> {
  const result = await migrate(db, MIGRATIONS.slice(0, version));
  if (result.to !== version || (await schemaVersion(db)) !== version)
    throw new Error(`The scratch database did not reach version ${version}.`);
}

/** A scratch database as the Vigil that knew migrations 1…`version` left it. */
export async function databaseAt(version: number): Promise<Database> {
  const db = await scratchDatabase();
  if (version > 0) await migrateTo(db, version);
  return db;
}

const TYPE_ORDER = ['table', 'index', 'view', 'trigger'];

/**
 * The schema as text: every sqlite_master entry (tables, FTS shadow tables,
 * indexes, triggers), in a stable order, with the SQL exactly as SQLite
 * stored it, and the user_version. Committed per version under
 * tests/fixtures/schema/, it is what a released migration must keep producing.
 */
export async function schemaText(db: Database): Promise<string> {
  const rows = await db.all<{ type: string; name: string; tbl_name: string; sql: string | null }>(
    'SELECT type, name, tbl_name, sql FROM sqlite_master',
  );
  rows.sort(
    (a, b) =>
      TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  const lines = [`-- Vigil vault schema, version ${await schemaVersion(db)}`];
  lines.push(`PRAGMA user_version = ${await schemaVersion(db)};`);
  for (const row of rows) {
    lines.push('');
    lines.push(`-- ${row.type} ${row.name} on ${row.tbl_name}`);
    // Automatic indexes (UNIQUE, PRIMARY KEY) have no SQL of their own.
    lines.push(row.sql === null ? '-- (created automatically)' : `${row.sql};`);
  }
  return `${lines.join('\n')}\n`;
}
