import { rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockPath } from '../../../electron/core/vault/layout';
import { WriterLock } from '../../../electron/core/vault/writerLock';
import { runVigil } from '../../helpers/cli';
import { newVault, PASSPHRASE } from '../../helpers/vault';
import { tempDir } from '../../helpers/tmp';

describe('the writer lock within one process', () => {
  it('a second opener in the same process is refused without freeing the lock for other processes', async () => {
    const { dir, vault } = await newVault();
    await vault.ensureWriter();
    const pass = join(await tempDir(), 'pass');
    await writeFile(pass, `${PASSPHRASE}\n`);
    const write = () =>
      runVigil([
        'case',
        'add',
        '--title',
        'Meanwhile',
        '--vault',
        dir,
        '--passphrase-file',
        pass,
        '--wait',
        '0',
      ]).then((r) => ({ code: r.code, busy: r.stderr.includes('The vault is in use by') }));
    const busy = { code: 1, busy: true };
    expect(await write()).toEqual(busy);
    // Closing a descriptor of the lock file would drop this process's lock with it.
    expect(await WriterLock.tryAcquire(dir, { holder: 'a second opener' })).toBeNull();
    expect(await write()).toEqual(busy);
    await vault.lock();
    expect(await write()).toEqual({ code: 0, busy: false });
  });

  it('makes a missing lock file owner-only', async () => {
    const { dir, vault } = await newVault();
    await vault.lock();
    await rm(lockPath(dir));
    const lock = await WriterLock.tryAcquire(dir, { holder: 'the test' });
    expect(lock).not.toBeNull();
    if (process.platform !== 'win32') expect((await stat(lockPath(dir))).mode & 0o777).toBe(0o600);
    await lock!.release();
    expect((await stat(lockPath(dir))).size).toBe(0);
  });
});
