import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../../electron/core/vault/migrations';
import { databaseAt, schemaText } from '../../../helpers/migrations';

/**
 * Released migrations are frozen. For every version there is a committed
 * snapshot of the schema it produces (tests/fixtures/schema/vNNNN.sql) and a
 * data test (tests/integration/vault/migrations/NNNN-name.test.ts). A change
 * to a released migration, or to a helper it imports, changes its snapshot
 * and fails here. See electron/core/vault/migrations/README.md.
 */

const ROOT = join(__dirname, '..', '..', '..', '..');
const SNAPSHOTS = join(ROOT, 'tests', 'fixtures', 'schema');
const pad = (n: number) => String(n).padStart(4, '0');
const snapshotPath = (version: number) => join(SNAPSHOTS, `v${pad(version)}.sql`);
const dataTestName = (version: number, name: string) => `${pad(version)}-${name}.test.ts`;
const THIS_TEST = 'tests/integration/vault/migrations/schema.test.ts';

describe('released migrations are frozen', () => {
  for (const migration of MIGRATIONS) {
    const { version, name } = migration;
    it(`migration ${version} (${name}) produces exactly its committed schema snapshot`, async () => {
      const db = await databaseAt(version);
      const actual = await schemaText(db);
      await db.close();
      const file = snapshotPath(version);
      if (!existsSync(file)) {
        if (process.env.VIGIL_WRITE_SCHEMA_SNAPSHOTS === '1') {
          writeFileSync(file, actual);
          return;
        }
        expect.fail(
          [
            `Migration ${version} (${name}) has no schema snapshot at tests/fixtures/schema/v${pad(version)}.sql.`,
            'If this migration is new and finished, write its snapshot, read it, and commit it:',
            `  VIGIL_WRITE_SCHEMA_SNAPSHOTS=1 npx vitest run ${THIS_TEST}`,
            'Only missing snapshots are written; an existing one is never overwritten.',
            `Then add its data test, tests/integration/vault/migrations/${dataTestName(version, name)}`,
            '(see electron/core/vault/migrations/README.md).',
          ].join('\n'),
        );
      }
      const expected = readFileSync(file, 'utf8');
      if (actual !== expected)
        expect(
          actual,
          [
            `Migration ${version} (${name}) no longer produces the schema it was released with.`,
            'Released migrations never change (vaults in the field ran the old one): undo the change',
            'to the migration or to whatever it imports, and make the schema change in a new migration.',
            `If migration ${version} was never landed on main, delete the snapshot and write it again:`,
            `  rm tests/fixtures/schema/v${pad(version)}.sql && VIGIL_WRITE_SCHEMA_SNAPSHOTS=1 npx vitest run ${THIS_TEST}`,
          ].join('\n'),
        ).toBe(expected);
    });

    it(`migration ${version} (${name}) has its data test`, () => {
      const file = join(__dirname, dataTestName(version, name));
      expect(
        existsSync(file),
        [
          `Migration ${version} (${name}) has no data test. Add ${dataTestName(version, name)}`,
          'beside this file: create a database at the previous version (databaseAt),',
          'insert the data the migration must carry, migrate (migrateTo) and check the data.',
        ].join('\n'),
      ).toBe(true);
    });
  }

  it('there is no snapshot for a version that has no migration (a removed or renumbered migration)', () => {
    const extra = snapshotPath(MIGRATIONS.length + 1);
    expect(
      existsSync(extra),
      `${extra} belongs to no migration: renumber it with its migration, or remove it.`,
    ).toBe(false);
  });
});
