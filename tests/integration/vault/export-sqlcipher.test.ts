import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { exportSqlcipher, isVigilError } from '../../../electron/core';
import { newVault, reopen } from '../../helpers/vault';
import { tempDir } from '../../helpers/tmp';

const run = promisify(execFile);

/**
 * Opens a database in a separate Node process with nothing but the SQLCipher
 * module, a passphrase and SQLCipher 4's defaults: no Vigil code involved.
 */
async function readIndependently(file: string, passphrase: string, sql: string): Promise<unknown> {
  const script = `
    const sqlcipher = require('@journeyapps/sqlcipher');
    const [file, passphrase, sql] = process.argv.slice(1);
    const db = new sqlcipher.Database(file, sqlcipher.OPEN_READONLY, (e) => {
      if (e) { console.error(e.message); process.exit(2); }
      db.serialize(() => {
        db.run("PRAGMA key = '" + passphrase.replace(/'/g, "''") + "'");
        db.all(sql, (err, rows) => {
          if (err) { console.error(err.code); process.exit(3); }
          console.log(JSON.stringify(rows));
          db.close();
        });
      });
    });`;
  const { stdout } = await run(process.execPath, ['-e', script, file, passphrase, sql], {
    cwd: process.cwd(),
  });
  return JSON.parse(stdout);
}

describe('standalone SQLCipher export', () => {
  it('writes a SQLCipher 4 database with default settings that opens independently with its own passphrase', async () => {
    const { vault, dir, vaultId } = await newVault();
    await vault.db.transaction((tx) =>
      vault.record(tx, { action: 'test.note', entityType: 'test', entityId: 'probe-42' }),
    );
    await vault.lock();
    const opened = await reopen(dir);
    const out = join(await tempDir(), "copy with 'quote'.db");
    const passphrase = "export pass with 'quotes' and ñ";
    const result = await exportSqlcipher(opened, { out, passphrase });
    expect(result.bytes).toBeGreaterThan(0);
    await opened.lock();

    expect(
      await readIndependently(
        out,
        passphrase,
        "SELECT value FROM vault_meta WHERE key = 'vault_id'",
      ),
    ).toEqual([{ value: vaultId }]);
    expect(
      await readIndependently(
        out,
        passphrase,
        "SELECT entity_id FROM audit_log WHERE action = 'test.note'",
      ),
    ).toEqual([{ entity_id: 'probe-42' }]);
    const settings = (await readIndependently(out, passphrase, 'PRAGMA cipher_settings')) as {
      pragma: string;
    }[];
    expect(settings.map((s) => s.pragma)).toEqual(
      expect.arrayContaining([
        'PRAGMA kdf_iter = 256000;',
        'PRAGMA cipher_page_size = 4096;',
        'PRAGMA cipher_hmac_algorithm = HMAC_SHA512;',
      ]),
    );
    await expect(
      readIndependently(out, 'wrong passphrase', 'SELECT 1 FROM vault_meta'),
    ).rejects.toThrow();
  });

  it('never overwrites an existing file and leaves no temp file behind on failure', async () => {
    const { vault } = await newVault();
    const dir = await tempDir();
    const out = join(dir, 'exists.db');
    await writeFile(out, 'precious');
    let error: unknown;
    try {
      await exportSqlcipher(vault, { out, passphrase: 'export passphrase' });
    } catch (e) {
      error = e;
    }
    expect(isVigilError(error, 'CONFLICT')).toBe(true);
    await expect(
      exportSqlcipher(vault, {
        out: join(dir, 'no-such-dir', 'x.db'),
        passphrase: 'export passphrase',
      }),
    ).rejects.toThrow();
    const { readdir, readFile } = await import('node:fs/promises');
    expect(await readdir(dir)).toEqual(['exists.db']);
    expect(await readFile(out, 'utf8')).toBe('precious');
    await vault.lock();
  });
});
