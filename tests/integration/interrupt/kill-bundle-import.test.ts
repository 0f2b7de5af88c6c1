import { basename, join } from 'node:path';
import { checkVault, repairVault } from '../../../electron/core';
import { describe, expect, it } from 'vitest';
import { exportDossier } from '../../../electron/core/dossier';
import { emptyTrash, listEvidence } from '../../../electron/core/evidence';
import { deleteCase, listCases } from '../../../electron/core/records';
import { exportPublicKey, generateOrgKey, importKeys } from '../../../electron/core/pgp';
import { runVigil } from '../../helpers/cli';
import {
  bytesUnder,
  canaryVault,
  expectCleanCampaign,
  killCampaign,
  killCount,
  markedIn,
} from '../../helpers/killRuns';
import { findCanaries } from '../../helpers/canary';
import { tempDir } from '../../helpers/tmp';
import { newVault, PASSPHRASE, reopen } from '../../helpers/vault';

const KILLS = killCount();

describe('SIGKILL during `vigil import BUNDLE` (a partner bundle decrypted into the vault)', () => {
  it(
    `never leaves plaintext, and check --repair clears the sealed leftovers, at ${KILLS} random instants`,
    async () => {
      // The sender's case, with canaries in its title and evidence, sent as a bundle to the receiver.
      const sender = await canaryVault({ evidenceMiB: 8 });
      const receiver = await newVault();
      const a = await reopen(sender.dir);
      await generateOrgKey(receiver.vault, { name: 'Partner', email: 'partner@example.org' });
      await importKeys(a, await exportPublicKey(receiver.vault), { trust: true });
      await importKeys(receiver.vault, await exportPublicKey(a), { trust: true });
      const bundles = await tempDir('vigil-kill-bundle-');
      const bundle = join(bundles, 'case.vigil.gpg');
      const fingerprint = (await exportPublicKey(receiver.vault)).length > 0;
      expect(fingerprint).toBe(true);
      const { getOrganisationKey } = await import('../../../electron/core/pgp');
      const recipient = (await getOrganisationKey(receiver.vault)).fingerprint;
      await exportDossier(
        a,
        {
          caseId: sender.caseId,
          template: 'generic',
          language: 'en',
          includePrivate: false,
          // Every original as it is: the bundle carries the canaries' plaintext at its fullest.
          originals: (await listEvidence(a, sender.caseId))
            .filter((e) => e.kind === 'original')
            .map((e) => e.id),
        },
        { kind: 'bundle', path: bundle, recipients: [recipient] },
      );
      await a.lock();
      await receiver.vault.lock();

      const dir = receiver.dir;
      const blobs = join(dir, 'blobs');
      const tmp = await tempDir('vigil-kill-tmp-');
      const figures = await killCampaign(
        {
          name: 'bundle import',
          args: () => ['import', bundle, '--vault', dir],
          writing: async () => (await markedIn([dir, blobs])).length > 0,
          progress: async () => bytesUnder(await markedIn([dir, blobs])),
          completedOutput: async () => null,
          // Every run must import the case whole: one that found it already imported would stop
          // before writing anything, and its kill would test nothing. What a run imported goes
          // to the trash and the trash is emptied, as a user would undo it.
          undo: async () => {
            const vault = await reopen(dir);
            try {
              for (const c of await listCases(vault, {})) await deleteCase(vault, c.id);
              await emptyTrash(vault);
            } finally {
              await vault.lock();
            }
          },
          scanRoots: [bundles, dir, tmp],
          canaries: sender.canaries,
          vaultDir: dir,
          env: { TMPDIR: tmp },
          // Inside the vault, a killed import leaves only sealed or encrypted files: `check`
          // reports each of them and --repair removes them.
          afterOpening: async (vault, leftInVault) => {
            const report = await checkVault(vault);
            const found = report.items.flatMap((item) => item.problems).join('\n');
            for (const path of leftInVault) expect(found).toContain(basename(path));
            const { removed } = await repairVault(vault);
            for (const path of leftInVault) expect(removed).toContain(basename(path));
            expect((await checkVault(vault)).ok).toBe(true);
          },
        },
        KILLS,
        [dir, blobs],
      );
      expectCleanCampaign(figures, KILLS);
      // No run stopped early because an earlier one had already imported the case.
      expect(figures.failures).toEqual([]);
      // Everything a killed import leaves is inside the vault and sealed: never a canary.
      expect(figures.plaintextLeftovers).toBe(0);

      // What is left (sealed temporaries, blob temps, orphan blobs) is reported by check and
      // removed by --repair; the vault then checks clean.
      const leftovers = await markedIn([dir, blobs]);
      const check = await runVigil(['check', '--vault', dir], { stdin: `${PASSPHRASE}\n` });
      if (leftovers.length > 0) {
        expect(check.code).toBe(3);
        expect(check.stdout).toMatch(/leftover (sealed )?temporary file/);
      }
      const repair = await runVigil(['check', '--repair', '--vault', dir], {
        stdin: `${PASSPHRASE}\n`,
      });
      expect(repair.code, repair.stdout + repair.stderr).toBe(0);
      expect(await markedIn([dir, blobs])).toEqual([]);
      expect((await findCanaries([bundles, dir, tmp], sender.canaries)).hits).toEqual([]);
    },
    900_000 * Math.max(1, KILLS / 30),
  );
});
