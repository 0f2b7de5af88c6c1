import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  changePassphrase,
  createVault,
  isVigilError,
  openVault,
  readVaultInfo,
  recoverVault,
  replaceRecoveryKey,
} from '../../../electron/core';
import { readHeader, serializeHeader } from '../../../electron/core/vault/header';
import { newVault, reopen, PASSPHRASE, TEST_KDF } from '../../helpers/vault';
import { snapshot } from '../../helpers/files';
import { tempDir } from '../../helpers/tmp';

async function errorOf(promise: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return {
      code: isVigilError(error) ? error.code : undefined,
      message: (error as Error).message,
    };
  }
  throw new Error('expected a failure');
}

describe('vault lifecycle', () => {
  it('creates a vault that holds only the database, the header, the blob folder and the empty lock file, owner-only', async () => {
    const { vault, dir } = await newVault();
    await vault.lock();
    expect((await readdir(dir)).sort()).toEqual([
      'blobs',
      'vault.db',
      'vault.header',
      'vault.lock',
    ]);
    for (const name of ['vault.db', 'vault.header', 'vault.lock'])
      expect((await stat(join(dir, name))).mode & 0o077).toBe(0);
    expect((await stat(join(dir, 'vault.lock'))).size).toBe(0);
    expect((await stat(dir)).mode & 0o077).toBe(0);
    const db = await readFile(join(dir, 'vault.db'));
    expect(db.subarray(0, 16).toString('latin1')).not.toContain('SQLite format 3');
  });

  it('opens, locks, and refuses queries once locked', async () => {
    const { vault, dir, vaultId } = await newVault();
    await vault.lock();
    expect(vault.isLocked).toBe(true);
    expect((await errorOf(vault.db.all('SELECT 1'))).code).toBe('VAULT_LOCKED');
    const again = await reopen(dir);
    expect(again.id).toBe(vaultId);
    expect(await again.db.get<{ n: number }>('SELECT count(*) AS n FROM audit_log')).toEqual({
      n: 1,
    });
    let told = false;
    again.onLock(() => (told = true));
    await again.lock();
    expect(told).toBe(true);
  });

  it('refuses a non-empty directory, a short passphrase, and a missing vault, precisely', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'notes.txt'), 'x');
    expect((await errorOf(createVault({ dir, passphrase: PASSPHRASE, kdf: TEST_KDF }))).code).toBe(
      'VAULT_EXISTS',
    );
    expect(
      (await errorOf(createVault({ dir: join(dir, 'v'), passphrase: 'short', kdf: TEST_KDF })))
        .message,
    ).toMatch(/at least 10/);
    const missing = await errorOf(openVault({ dir: join(dir, 'nothing'), passphrase: PASSPHRASE }));
    expect(missing.code).toBe('VAULT_NOT_FOUND');
  });

  it('records the default Argon2id setting (256 MiB, t=3) in the header', async () => {
    const dir = join(await tempDir(), 'v');
    const { vault } = await createVault({ dir, passphrase: PASSPHRASE });
    await vault.lock();
    expect((await readVaultInfo(dir)).kdf).toEqual({
      alg: 'argon2id',
      memoryMiB: 256,
      iterations: 3,
    });
  });

  it('a wrong passphrase fails with WRONG_PASSPHRASE and leaves every file byte-identical', async () => {
    const { vault, dir } = await newVault();
    await vault.lock();
    const before = await snapshot(dir);
    const failure = await errorOf(openVault({ dir, passphrase: 'not the passphrase at all' }));
    expect(failure.code).toBe('WRONG_PASSPHRASE');
    expect(failure.message).toMatch(/nothing was changed/);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('a flipped byte anywhere in the header is a clear error, and nothing changes', async () => {
    const { vault, dir } = await newVault();
    await vault.lock();
    const headerFile = join(dir, 'vault.header');
    const original = await readFile(headerFile);
    const before = await snapshot(dir);
    for (let offset = 0; offset < original.length; offset += 1) {
      const damaged = Buffer.from(original);
      damaged[offset]! ^= 0x20;
      await writeFile(headerFile, damaged);
      const failure = await errorOf(openVault({ dir, passphrase: PASSPHRASE }));
      expect(failure.code, `offset ${offset}`).toBe('HEADER_DAMAGED');
      expect(failure.message).toMatch(/header is damaged/);
      const after = await snapshot(dir);
      expect({ ...after, 'vault.header': 'x' }).toEqual({ ...before, 'vault.header': 'x' });
    }
    await writeFile(headerFile, original);
    await (await reopen(dir)).lock();
  });

  it('a header edited with a recomputed checksum (weakened KDF, swapped salt) is refused by the keyslot AEAD', async () => {
    const { vault, dir } = await newVault();
    await vault.lock();
    const header = await readHeader(dir);
    const tampered = {
      ...header,
      slots: {
        ...header.slots,
        passphrase: {
          ...header.slots.passphrase,
          kdf: { ...header.slots.passphrase.kdf, opslimit: 2 },
        },
      },
    };
    await writeFile(join(dir, 'vault.header'), serializeHeader(tampered));
    expect((await errorOf(openVault({ dir, passphrase: PASSPHRASE }))).code).toBe(
      'WRONG_PASSPHRASE',
    );
  });

  it('a missing header next to a database is reported as damage, not as "no vault"', async () => {
    const { vault, dir } = await newVault();
    await vault.lock();
    const { rm } = await import('node:fs/promises');
    await rm(join(dir, 'vault.header'));
    expect((await errorOf(openVault({ dir, passphrase: PASSPHRASE }))).code).toBe('HEADER_DAMAGED');
  });

  it('a damaged database is reported as such once the key is right', async () => {
    const { vault, dir } = await newVault();
    await vault.lock();
    const file = join(dir, 'vault.db');
    const bytes = await readFile(file);
    bytes.fill(0x41, 0, 4096);
    await writeFile(file, bytes);
    expect((await errorOf(openVault({ dir, passphrase: PASSPHRASE }))).code).toBe('VAULT_DAMAGED');
  });

  it('changes the passphrase: the old one stops working, the new one opens, the database is untouched', async () => {
    const { vault, dir } = await newVault();
    await vault.lock();
    const dbBefore = await readFile(join(dir, 'vault.db'));
    await changePassphrase({
      dir,
      passphrase: PASSPHRASE,
      newPassphrase: 'a brand new passphrase',
      kdf: TEST_KDF,
    });
    expect((await errorOf(openVault({ dir, passphrase: PASSPHRASE }))).code).toBe(
      'WRONG_PASSPHRASE',
    );
    const opened = await reopen(dir, 'a brand new passphrase');
    const log = await opened.db.all<{ action: string }>(
      'SELECT action FROM audit_log ORDER BY seq',
    );
    expect(log.map((r) => r.action)).toEqual(['vault.create', 'vault.passphrase-changed']);
    await opened.lock();
    // Only the header was rewrapped: the database keeps its salt (it was not re-keyed).
    expect(
      (await readFile(join(dir, 'vault.db'))).subarray(0, 16).equals(dbBefore.subarray(0, 16)),
    ).toBe(true);
  });

  it('refuses a passphrase change with the wrong current passphrase, changing nothing', async () => {
    const { vault, dir } = await newVault();
    await vault.lock();
    const before = await snapshot(dir);
    const failure = await errorOf(
      changePassphrase({ dir, passphrase: 'wrong wrong wrong', newPassphrase: 'whatever new one' }),
    );
    expect(failure.code).toBe('WRONG_PASSPHRASE');
    expect(await snapshot(dir)).toEqual(before);
  });

  it('recovers with the recovery key; a key from another vault or with a typo is refused and changes nothing', async () => {
    const { vault, dir, recoveryKey } = await newVault();
    await vault.lock();
    const other = await newVault();
    await other.vault.lock();
    const before = await snapshot(dir);
    expect(
      (
        await errorOf(
          recoverVault({
            dir,
            recoveryKey: other.recoveryKey,
            newPassphrase: 'recovered passphrase',
          }),
        )
      ).code,
    ).toBe('WRONG_RECOVERY_KEY');
    const typo = recoveryKey.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    expect(
      (
        await errorOf(
          recoverVault({ dir, recoveryKey: typo, newPassphrase: 'recovered passphrase' }),
        )
      ).message,
    ).toMatch(/typo/);
    expect(await snapshot(dir)).toEqual(before);

    await recoverVault({
      dir,
      recoveryKey: recoveryKey.toLowerCase(),
      newPassphrase: 'recovered passphrase',
      kdf: TEST_KDF,
    });
    const opened = await reopen(dir, 'recovered passphrase');
    expect(
      (
        await opened.db.get<{ action: string }>(
          'SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1',
        )
      )?.action,
    ).toBe('vault.recovered');
    await opened.lock();
    expect((await errorOf(openVault({ dir, passphrase: PASSPHRASE }))).code).toBe(
      'WRONG_PASSPHRASE',
    );
  });

  it('replaces a lost recovery key: the old one stops working, the new one recovers, the passphrase is untouched', async () => {
    const { vault, dir, recoveryKey } = await newVault();
    await vault.lock();
    const wrong = await errorOf(
      replaceRecoveryKey({ dir, passphrase: 'not the passphrase at all' }),
    );
    expect(wrong.code).toBe('WRONG_PASSPHRASE');
    const fresh = await replaceRecoveryKey({ dir, passphrase: PASSPHRASE });
    expect(fresh).toMatch(/^([0-9A-Z]{4}-){13}[0-9A-Z]{4}$/);
    expect(fresh).not.toBe(recoveryKey);
    await (await reopen(dir)).lock();
    expect(
      (await errorOf(recoverVault({ dir, recoveryKey, newPassphrase: 'recovered passphrase' })))
        .code,
    ).toBe('WRONG_RECOVERY_KEY');
    await recoverVault({
      dir,
      recoveryKey: fresh,
      newPassphrase: 'recovered passphrase',
      kdf: TEST_KDF,
    });
    const opened = await reopen(dir, 'recovered passphrase');
    const actions = (
      await opened.db.all<{ action: string }>('SELECT action FROM audit_log ORDER BY seq')
    ).map((r) => r.action);
    expect(actions).toContain('vault.recovery-key-replaced');
    await opened.lock();
  });
});
