import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../../electron/core/vault/database';
import { migrate, schemaVersion } from '../../../electron/core/vault/migrate';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../electron/core/vault/migrations';
import { foldSql } from '../../../electron/core/vault/migrations/0002-case-records';
import { foldLetters } from '../../../shared/domain/searchText';
import { checkCaseRecords, createCase, createTestimony } from '../../../electron/core/records';
import { newVault } from '../../helpers/vault';
import { tempDir } from '../../helpers/tmp';
import { RECORD_TABLES } from './fixture';

async function scratchDb(): Promise<Database> {
  const db = await Database.open(join(await tempDir(), 'scratch.db'));
  await db.exec(`PRAGMA key = "x'${'cd'.repeat(32)}'"`);
  await db.exec('PRAGMA foreign_keys = ON');
  return db;
}

const names = async (db: Database, type: string) =>
  (
    await db.all<{ name: string }>('SELECT name FROM sqlite_master WHERE type = ? ORDER BY name', [
      type,
    ])
  ).map((r) => r.name);

describe('migration 2 (case records)', () => {
  it('is registered right after the initial schema, and a fresh vault has its tables', async () => {
    expect(MIGRATIONS[1]?.name).toBe('case-records');
    expect(MIGRATIONS[1]?.version).toBe(2);
    const { vault } = await newVault();
    expect(await schemaVersion(vault.db)).toBe(SCHEMA_VERSION);
    const tables = await names(vault.db, 'table');
    for (const table of [...RECORD_TABLES, 'search_fts']) expect(tables).toContain(table);
    // The evidence store's migration refers to cases(id): it must be the primary key.
    const info = await vault.db.all<{ name: string; pk: number; type: string }>(
      'PRAGMA table_info(cases)',
    );
    expect(info.find((c) => c.name === 'id')).toMatchObject({ pk: 1, type: 'TEXT' });
    await vault.lock();
  });

  it('migrates a version-1 database to version 2, keeping its data and its audit log', async () => {
    const db = await scratchDb();
    expect(await migrate(db, MIGRATIONS.slice(0, 1))).toEqual({ from: 0, to: 1 });
    await db.run("INSERT INTO vault_meta (key, value) VALUES ('vault_id', 'kept')");
    await db.run(
      `INSERT INTO audit_log (seq, at, actor, action, entity_type, entity_id, detail, prev_hash, hash)
       VALUES (1, '2026-01-01T00:00:00.000Z', 'a', 'vault.create', 'vault', 'x', '{}', ?, ?)`,
      ['0'.repeat(64), 'f'.repeat(64)],
    );
    expect(await migrate(db, MIGRATIONS.slice(0, 2))).toEqual({ from: 1, to: 2 });
    expect(await db.get("SELECT value FROM vault_meta WHERE key = 'vault_id'")).toEqual({
      value: 'kept',
    });
    expect(await db.get('SELECT count(*) AS n FROM audit_log')).toEqual({ n: 1 });
    expect(await names(db, 'table')).toContain('cases');
    // The new tables work: a case row is indexed by its trigger.
    await db.run(
      `INSERT INTO cases (id, reference, title, status, confidentiality, created_at, updated_at)
       VALUES ('c1', 'VIG-1', 'Migrated ok', 'open', 'internal', 'now', 'now')`,
    );
    expect(
      await db.get("SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH 'migrated'"),
    ).toEqual({ n: 1 });
    await db.close();
  });

  it('folds text in SQL exactly as the shared search fold does (the frozen copy has not drifted)', async () => {
    const db = await scratchDb();
    const samples = [
      'plain ASCII text',
      'Müller, Ñandú, Zoë: accents stay for the tokenizer',
      'مُحَمَّدٌ أَحْمَد إِبْرَاهِيم آمِنَة ٱلْقَاهِرَة',
      'مصطفى مدرسة فاطمة ـــقتـــل',
      'ی ک کریمی',
      'Ёлкин Фёдор ёж Семёнова',
      'mixed: Ахмед أحمد Ahmed',
      '',
    ];
    for (const sample of samples) {
      const sql = `SELECT ${foldSql('s')} AS folded FROM (SELECT ? AS s)`;
      const row = await db.get<{ folded: string }>(sql, [sample]);
      expect(row?.folded).toBe(foldLetters(sample));
    }
    await db.close();
  });
});

describe('the case records check', () => {
  it('passes on a consistent vault and names what is out of step', async () => {
    const { vault } = await newVault();
    const c = await createCase(vault, { title: 'Indexed' });
    await createTestimony(vault, c.id, { statement: 'words' });
    expect(await checkCaseRecords(vault)).toMatchObject({ ok: true, problems: [] });
    // Bypass the triggers' partner row: an entry without its record.
    await vault.db.run("INSERT INTO search_docs (kind, entity_id) VALUES ('testimony', 'ghost')");
    await vault.db.run("DELETE FROM search_docs WHERE kind = 'case'");
    await vault.db.run('UPDATE case_counts SET testimonies = 5');
    const report = await checkCaseRecords(vault);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual(
      expect.arrayContaining([
        '1 cases are missing from the search index',
        'the search index lists 1 testimonies that no longer exist',
        'the record counts of 1 cases are wrong',
      ]),
    );
    await vault.lock();
  });
});
