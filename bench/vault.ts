import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlcipher from '@journeyapps/sqlcipher';
import { createVault, openVault, DEFAULT_ARGON2ID } from '../electron/core';
import { deriveArgon2id } from '../electron/core/crypto/kdf';
import { randomBytes } from '../electron/core/crypto/secrets';
import { median, round, timeRuns, type Bench } from './harness';

const PASSPHRASE = 'benchmark passphrase with several words';

function sqlcipherPassphraseOpen(path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const db = new sqlcipher.Database(path, (openError) => {
      if (openError) return reject(openError);
      db.exec(`PRAGMA key = '${PASSPHRASE}'`, (keyError) => {
        if (keyError) return reject(keyError);
        db.get('SELECT count(*) FROM sqlite_master', (error) => {
          db.close(() => (error ? reject(error) : resolve()));
        });
      });
    });
  });
}

function createSqlcipherDb(path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const db = new sqlcipher.Database(path, (openError) => {
      if (openError) return reject(openError);
      db.exec(
        `PRAGMA key = '${PASSPHRASE}'; CREATE TABLE t (x); INSERT INTO t VALUES (1);`,
        (error) => {
          db.close(() => (error ? reject(error) : resolve()));
        },
      );
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
      const baselinePath = join(dir, 'pbkdf2.db');
      await createSqlcipherDb(baselinePath);

      const pbkdf2 = median(await timeRuns(runs, () => sqlcipherPassphraseOpen(baselinePath)));
      const open = median(
        await timeRuns(runs, async () => {
          const vault = await openVault({ dir: vaultDir, passphrase: PASSPHRASE, actor: 'bench' });
          await vault.lock();
        }),
      );
      const salt = randomBytes(16);
      const argon = median(
        await timeRuns(runs, () => deriveArgon2id(PASSPHRASE, salt, DEFAULT_ARGON2ID)),
      );
      const kdf = `${DEFAULT_ARGON2ID.memlimit / 1024 / 1024} MiB, t=${DEFAULT_ARGON2ID.opslimit}`;
      const baseline = 'sqlcipher_pbkdf2_open (PBKDF2-HMAC-SHA512, 256000 iterations)';

      report({
        metric: `vault_open (Argon2id ${kdf} + raw-key open + migrations check)`,
        value: round(open),
        unit: 'ms',
        baseline,
        baselineValue: round(pbkdf2),
      });
      report({
        metric: `argon2id_derive (${kdf})`,
        value: round(argon),
        unit: 'ms',
        baseline,
        baselineValue: round(pbkdf2),
      });
      report({
        metric: 'raw_key_open (vault_open minus Argon2id)',
        value: round(Math.max(0, open - argon)),
        unit: 'ms',
        baseline,
        baselineValue: round(pbkdf2),
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
