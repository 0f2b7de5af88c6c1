import { open, stat, link, unlink } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { VigilError, fsError } from '../errors';
import { fsyncDir, tempPathFor } from '../fs/atomic';
import { assertPassphrase, type Vault } from './vault';

/**
 * Copies the whole vault database into a standalone SQLCipher 4 database with
 * SQLCipher's default settings and its own passphrase, so the data can be
 * opened by any SQLCipher 4 tool: the user is never locked in to Vigil.
 */
export async function exportSqlcipher(
  vault: Vault,
  input: { out: string; passphrase: string },
): Promise<{ out: string; bytes: number }> {
  assertPassphrase(input.passphrase, 'The export passphrase');
  const out = resolve(input.out);
  if (
    await stat(out).then(
      () => true,
      () => false,
    )
  ) {
    throw new VigilError('CONFLICT', `${out} already exists; Vigil never overwrites an export.`);
  }
  const tmp = tempPathFor(out);
  try {
    await vault.db.run('ATTACH DATABASE ? AS standalone KEY ?', [tmp, input.passphrase]);
    try {
      await vault.db.get("SELECT sqlcipher_export('standalone')");
    } finally {
      await vault.db.run('DETACH DATABASE standalone');
    }
    const handle = await open(tmp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await link(tmp, out);
    await unlink(tmp);
    await fsyncDir(dirname(out));
    await vault.db.transaction((tx) =>
      vault.record(tx, {
        action: 'vault.export-sqlcipher',
        entityType: 'vault',
        entityId: vault.id,
        detail: { file: basename(out) },
      }),
    );
    return { out, bytes: (await stat(out)).size };
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    await unlink(`${tmp}-journal`).catch(() => undefined);
    throw fsError(error, `Cannot write the export to ${out}`);
  }
}
