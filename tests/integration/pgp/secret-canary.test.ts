import { randomBytes } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { readPrivateKey } from 'openpgp';
import {
  decryptMessage,
  encryptToRecipients,
  exportPublicKey,
  exportSecretKey,
  generateOrgKey,
  signDetached,
  verifyDetached,
} from '../../../electron/core/pgp';
import { findCanaries } from '../../helpers/canary';
import { newVault } from '../../helpers/vault';
import { tempDir } from '../../helpers/tmp';
import { collect } from '../../unit/pgp/helpers';

async function filesUnder(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(root, { withFileTypes: true })) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

it('the organisation secret key appears in no file: not in the vault directory (outside the encrypted database), not in outputs', async () => {
  const { vault, dir } = await newVault();
  const org = await generateOrgKey(vault, { name: 'Org', email: 'org@example.org' });
  const work = await tempDir();
  const manifest = randomBytes(2000);
  const signature = await signDetached(vault, manifest);
  await writeFile(join(work, 'manifest.json.asc'), signature);
  expect((await verifyDetached(vault, manifest, signature)).valid).toBe(true);
  await writeFile(join(work, 'in'), randomBytes(3 << 20));
  await encryptToRecipients(vault, join(work, 'in'), join(work, 'b.pgp'), {
    recipients: [org.fingerprint],
    sign: true,
  });
  await decryptMessage(vault, join(work, 'b.pgp'), { onPlaintext: collect });
  await writeFile(join(work, 'org.asc'), await exportPublicKey(vault));
  await writeFile(
    join(work, 'backup.asc'),
    await exportSecretKey(vault, { passphrase: 'a long backup passphrase' }),
  );

  // The secret numbers, read the only way they can be: from the database.
  const row = await vault.db.get<{ secret_key: Buffer }>(
    'SELECT secret_key FROM pgp_keys WHERE fingerprint = ?',
    [org.fingerprint],
  );
  const key = await readPrivateKey({ binaryKey: row!.secret_key });
  const secrets = key
    .getKeys()
    .flatMap(({ keyPacket }) =>
      Object.values(
        (keyPacket as unknown as { privateParams: Record<string, Uint8Array> }).privateParams,
      ),
    );
  expect(secrets.length).toBeGreaterThanOrEqual(2);
  await vault.lock();

  const roots = [dir, work];
  const files = (await Promise.all(roots.map(filesUnder))).flat();
  expect(files.some((f) => f.endsWith('vault.db'))).toBe(true);
  // Base64 of the secret at each of the three alignments it can have in an armored file (line breaks removed).
  const base64Needles = secrets.flatMap((secret) =>
    [0, 1, 2].map((pad) => {
      const text = Buffer.concat([Buffer.alloc(pad), Buffer.from(secret)]).toString('base64');
      return text.slice(4, text.length - 4);
    }),
  );
  let scanned = 0;
  for (const file of files) {
    const content = await readFile(file);
    const flat = content.toString('latin1').replace(/\r?\n/g, '');
    scanned += (await stat(file)).size;
    for (const secret of secrets)
      expect(content.includes(Buffer.from(secret)), `raw secret in ${file}`).toBe(false);
    for (const needle of base64Needles)
      expect(flat.includes(needle), `base64 secret in ${file}`).toBe(false);
  }
  expect(scanned).toBeGreaterThan(3 << 20);
  const canaries = secrets.map((s) => Buffer.from(s).toString('hex'));
  const { hits, filesScanned } = await findCanaries(roots, canaries);
  expect(filesScanned).toBe(files.length);
  expect(hits).toEqual([]);
});
