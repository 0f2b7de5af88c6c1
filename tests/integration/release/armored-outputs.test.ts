import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findInOutputs, readDossierOutputs } from '../../helpers/dossierOutputs';
import { hasTool } from '../../helpers/peers';
import { tempDir } from '../../helpers/tmp';

// The search for withheld names reads an armoured signature or key as a recipient's tools do:
// the armour's headers and the text around it as text, the packets inside decoded. Read as raw
// Base64 instead, a signature's random letters spelled a short name now and then: CI failed
// once on "…tolga8…" in SHA256SUMS.asc, looking for "Olga".
describe.skipIf(!hasTool('gpg', 'gnupg'))('armoured OpenPGP data among the outputs', () => {
  it('finds a name in a header, a user id or clear-signed text, never in the Base64 letters', async () => {
    const dir = await tempDir('vigil-armor-');
    const home = await tempDir('vigil-armor-gpg-');
    const gpg = (args: string[]) => {
      const r = spawnSync(
        'gpg',
        ['--homedir', home, '--batch', '--pinentry-mode', 'loopback', '--passphrase', '', ...args],
        { encoding: 'utf8' },
      );
      expect(r.status, r.stderr).toBe(0);
    };
    gpg(['--quick-gen-key', 'Ivanova Witness <w@example.org>', 'ed25519', 'sign', 'never']);
    writeFileSync(join(dir, 'SHA256SUMS'), 'd41d8cd98f00b204e9800998ecf8427e  Kovalenko.json\n');
    gpg([
      '--armor',
      '--detach-sign',
      '--output',
      join(dir, 'SHA256SUMS.asc'),
      join(dir, 'SHA256SUMS'),
    ]);
    gpg(['--armor', '--comment', 'for Petrenko', '--export', '--output', join(dir, 'key.asc')]);
    gpg(['--armor', '--clearsign', '--output', join(dir, 'clear.asc'), join(dir, 'SHA256SUMS')]);
    const outputs = await readDossierOutputs(dir);
    const where = (needle: string) =>
      [...new Set(findInOutputs(outputs, [needle]).map((f) => f.source))].sort();
    // The user id is inside the key's packets; the comment is an armour header.
    expect(where('Ivanova Witness')).toEqual(['key.asc#packets', 'key.asc#packets#latin1']);
    expect(where('Petrenko')).toEqual(['key.asc', 'key.asc#latin1']);
    // Clear-signed text is text.
    expect(where('Kovalenko')).toEqual([
      'SHA256SUMS',
      'SHA256SUMS#latin1',
      'clear.asc',
      'clear.asc#latin1',
    ]);
    // The Base64 is gone from what is searched as text, in both readings of the file.
    for (const source of ['SHA256SUMS.asc', 'SHA256SUMS.asc#latin1']) {
      const armoured = outputs.find((o) => o.source === source)!.text;
      expect(armoured).toMatch(
        /^-----BEGIN PGP SIGNATURE-----\n[\s\S]*-----END PGP SIGNATURE-----\n?$/,
      );
      expect(armoured.split('\n').filter((l) => /^[A-Za-z0-9+/]{20,}/.test(l))).toEqual([]);
    }
    // The signature's packets are read too (they hold the signer's key id, no name).
    expect(outputs.find((o) => o.source === 'SHA256SUMS.asc#packets')!.text.length).toBeGreaterThan(
      50,
    );
  });
});
