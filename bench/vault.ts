import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlcipher from '@journeyapps/sqlcipher';
import { createVault, openVault, DEFAULT_ARGON2ID } from '../electron/core';
import { deriveArgon2id } from '../electron/core/crypto/kdf';
import { randomBytes } from '../electron/core/crypto/secrets';
import { median, round, timeRuns, type Bench } from './harness';

const PASSPHRASE = 'benchmark passphrase with several words';

/** Opens a SQLCipher database with `keySql`, runs the first query, closes it. */
function openKeyed(path: string, keySql: string, setupSql = ''): Promise<void> {
  return new Promise((resolve, reject) => {
    const db = new sqlcipher.Database(path, (openError) => {
      if (openError) return reject(openError);
      db.exec(`${keySql}; ${setupSql}`, (keyError) => {
        if (keyError) return reject(keyError);
        db.get('SELECT count(*) FROM sqlite_master', (error) =>
          db.close(() => (error ? reject(error) : resolve())),
        );
      });
    });
  });
}

export const vaultBench: Bench = {
  name: 'vault',
  description:
    'vault open time at the default Argon2id setting, against SQLCipher opening with its own PBKDF2',
  async run(report, { quick }) {
    const dir = await mkdtemp(join(tmpdir(), 'vigil-bench-vault-'));
    const runs = quick ? 3 : 7;
    try {
      const vaultDir = join(dir, 'vault');
      const created = await createVault({ dir: vaultDir, passphrase: PASSPHRASE, actor: 'bench' });
      await created.vault.lock();
      const pbkdf2Path = join(dir, 'pbkdf2.db');
      const passphraseKey = `PRAGMA key = '${PASSPHRASE}'`;
      await openKeyed(pbkdf2Path, passphraseKey, 'CREATE TABLE t (x)');
      const rawPath = join(dir, 'raw.db');
      const rawKey = `PRAGMA key = "x'${randomBytes(32).toString('hex')}'"`;
      await openKeyed(rawPath, rawKey, 'CREATE TABLE t (x)');
      const salt = randomBytes(16);

      const pbkdf2 = median(await timeRuns(runs, () => openKeyed(pbkdf2Path, passphraseKey)));
      const open = median(
        await timeRuns(runs, async () => {
          const vault = await openVault({ dir: vaultDir, passphrase: PASSPHRASE, actor: 'bench' });
          await vault.lock();
        }),
      );
      const argon = median(
        await timeRuns(runs, () => deriveArgon2id(PASSPHRASE, salt, DEFAULT_ARGON2ID)),
      );
      const raw = median(await timeRuns(runs * 5, () => openKeyed(rawPath, rawKey)));

      const kdf = `${DEFAULT_ARGON2ID.memlimit / 1024 / 1024} MiB, t=${DEFAULT_ARGON2ID.opslimit}`;
      const baseline =
        'sqlcipher_pbkdf2_open (PBKDF2-HMAC-SHA512, 256000 iterations, + first query)';
      const base = { unit: 'ms', baseline, baselineValue: round(pbkdf2) };
      report({
        metric: `vault_open (Argon2id ${kdf}, unwrap, raw-key open, schema check)`,
        value: round(open),
        ...base,
      });
      report({ metric: `argon2id_derive (${kdf})`, value: round(argon), ...base });
      report({
        metric: 'raw_key_open (PRAGMA key with the 256-bit key + first query)',
        value: round(raw, 3),
        ...base,
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
