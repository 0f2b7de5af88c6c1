import { link, open, stat, unlink } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { fsError } from '../errors';
import { fsyncDir } from '../fs/atomic';
import { assertNewOutput, writeOutgoing } from './outgoing';
import { assertPassphrase, type Vault } from './vault';

/**
 * Copies the whole vault database into a standalone SQLCipher 4 database with
 * SQLCipher's default settings and its own passphrase, so the data can be
 * opened by any SQLCipher 4 tool: the user is never locked in to Vigil.
 * The copy is created owner-only (0600) before SQLite opens it, so it is
 * never readable by others, not even while it is written.
 */
export async function exportSqlcipher(
  vault: Vault,
  input: { out: string; passphrase: string },
): Promise<{ out: string; bytes: number }> {
  assertPassphrase(input.passphrase, 'The export passphrase');
  const out = await assertNewOutput(input.out, 'the database copy');
  await writeOutgoing(
    vault,
    {
      kind: 'database-copy',
      target: out,
      audit: {
        action: 'vault.export-sqlcipher',
        entityType: 'vault',
        entityId: vault.id,
        detail: { file: basename(out) },
      },
    },
    async ({ temp, created }) => {
      try {
        // SQLite would create the file with the process's umask (usually 0644) and give its
        // journal the same mode: create it first, owner-only.
        await (await open(temp, 'wx', 0o600)).close();
        await created();
        await vault.db.run('ATTACH DATABASE ? AS standalone KEY ?', [temp, input.passphrase]);
        try {
          await vault.db.get("SELECT sqlcipher_export('standalone')");
        } finally {
          await vault.db.run('DETACH DATABASE standalone');
        }
        const handle = await open(temp, 'r+');
        try {
          await handle.sync();
        } finally {
          await handle.close();
        }
        await link(temp, out);
        await unlink(temp);
        await fsyncDir(dirname(out));
      } catch (error) {
        await unlink(`${temp}-journal`).catch(() => undefined);
        throw fsError(error, `Cannot write the export to ${out}`);
      }
    },
  );
  return { out, bytes: (await stat(out)).size };
}
