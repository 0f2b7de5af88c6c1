import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDossier, importDossier, verifyDossier } from '../../../electron/core/dossier';
import {
  exportPublicKey,
  generateOrgKey,
  importKeys,
  signDetached,
} from '../../../electron/core/pgp';
import { buildAudienceCase } from '../../helpers/audienceCase';
import { tempDir } from '../../helpers/tmp';
import { newVault } from '../../helpers/vault';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('manifest versions and what a bundle for another audience can do', () => {
  it('verifies a dossier with a version 1 manifest (made before), and refuses a version 2 one that lists what it withheld', async () => {
    const { vault } = await newVault();
    const built = await buildAudienceCase(vault);
    const out = join(await tempDir(), 'dossier');
    await exportDossier(
      vault,
      { caseId: built.caseId, template: 'generic', language: 'en', includePrivate: false },
      { kind: 'directory', path: out },
    );
    const path = join(out, 'manifest.json');
    const current = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    const resign = async (manifest: Record<string, unknown>) => {
      const bytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
      await writeFile(path, bytes);
      await writeFile(`${path}.asc`, await signDetached(vault, bytes));
      return verifyDossier(vault, out);
    };
    // As Vigil wrote dossiers before: version 1, with its list of what was left out.
    const v1 = await resign({
      ...current,
      version: 1,
      options: { includePrivate: false, includeOriginals: false },
      withheld: [{ kind: 'person', what: 'person P2', reason: 'no consent' }],
    });
    expect(v1.problems).toEqual([]);
    expect(v1.ok).toBe(true);
    // Version 2 has no such list: a manifest that carries one is not a valid manifest.
    const listed = await resign({ ...current, withheld: [] });
    expect(listed.ok).toBe(false);
    expect(listed.problems).toContain('manifest.json is not a valid Vigil manifest');
    const back = await resign(current);
    expect(back.ok).toBe(true);
    expect(sha256(await readFile(path))).toBe(
      sha256(Buffer.from(`${JSON.stringify(current, null, 2)}\n`)),
    );
    await vault.lock();
  });

  it('a bundle made for a mechanism holds the released case, which a partner cannot import', async () => {
    const a = (await newVault()).vault;
    const b = (await newVault()).vault;
    try {
      const built = await buildAudienceCase(a);
      const bFpr = (await generateOrgKey(b, { name: 'Partner B', email: 'b@partner.example' }))
        .fingerprint;
      await importKeys(a, await exportPublicKey(b), { trust: true });
      await importKeys(b, await exportPublicKey(a), { trust: true });
      const bundle = join(await tempDir(), 'for-wgad.vigil.gpg');
      await exportDossier(
        a,
        {
          caseId: built.caseId,
          template: 'wgad',
          language: 'en',
          audience: { kind: 'mechanism', mechanism: 'wgad' },
          includePrivate: false,
        },
        { kind: 'bundle', path: bundle, recipients: [bFpr] },
      );
      expect((await verifyDossier(b, bundle)).ok).toBe(true);
      await expect(importDossier(b, bundle)).rejects.toThrow(
        /made for the mechanism wgad, not for partners: .*cannot be imported.*Nothing was imported/,
      );
    } finally {
      await a.lock();
      await b.lock();
    }
  });
});
