import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changePassphrase, checkVault, exportSqlcipher } from '../../../electron/core';
import { canary, findCanaries } from '../../helpers/canary';
import { newVault, reopen, PASSPHRASE, TEST_KDF } from '../../helpers/vault';
import { tempDir } from '../../helpers/tmp';

describe('no plaintext on disk (canary)', () => {
  it('finds none of the strings written through the core in the vault directory or the temp directory', async () => {
    const tmp = await tempDir('vigil-canary-tmp-');
    const previousTmp = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      const actor = canary('actor');
      const detail = canary('detail');
      const entity = canary('entity');
      const { vault, dir } = await newVault({ actor });
      for (let i = 0; i < 200; i += 1) {
        await vault.db.transaction((tx) =>
          vault.record(tx, {
            action: 'test.write',
            entityType: 'test',
            entityId: entity,
            detail: { note: detail, i },
          }),
        );
      }
      await vault.lock();
      await changePassphrase({
        dir,
        passphrase: PASSPHRASE,
        newPassphrase: 'second passphrase here',
        kdf: TEST_KDF,
        actor,
      });
      const opened = await reopen(dir, 'second passphrase here');
      expect((await checkVault(opened)).ok).toBe(true);
      const exportDir = join(tmp, 'exports');
      await mkdir(exportDir);
      await exportSqlcipher(opened, {
        out: join(exportDir, 'copy.db'),
        passphrase: 'export passphrase here',
      });
      await opened.lock();

      const scan = await findCanaries([dir, tmp], [actor, detail, entity]);
      expect(scan.filesScanned).toBeGreaterThanOrEqual(3);
      expect(scan.hits).toEqual([]);

      // The scanner itself must be able to see a leak.
      await writeFile(join(tmp, 'leak.txt'), `x${detail}y`);
      expect((await findCanaries([tmp], [detail])).hits.length).toBeGreaterThan(0);
    } finally {
      process.env.TMPDIR = previousTmp;
    }
  });
});
