import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bytesUnder,
  canaryVault,
  expectCleanCampaign,
  killCampaign,
  killCount,
  originalExportArgs,
} from '../../helpers/killRuns';
import { tempNames } from '../../helpers/processes';
import { tempDir } from '../../helpers/tmp';

const KILLS = killCount();

describe('SIGKILL during `vigil evidence export --original` (the original, in the clear)', () => {
  it(
    `leaves no partial plaintext after the next opening, at ${KILLS} random instants`,
    async () => {
      const { dir, evidenceId, canaries } = await canaryVault({ evidenceMiB: 12, withKey: false });
      const outputs = await tempDir('vigil-kill-out-');
      const tmp = await tempDir('vigil-kill-tmp-');
      const target = (i: number) => join(outputs, `original-${i + 1}.txt`);
      const temps = async (i: number) =>
        (await tempNames(outputs))
          .filter((n) => n.startsWith(`.original-${i + 1}.txt.`))
          .map((n) => join(outputs, n));
      const figures = await killCampaign(
        {
          name: 'original export',
          args: (i) => originalExportArgs(dir, evidenceId, target(i)),
          writing: async (i) => (await temps(i)).length > 0,
          progress: async (i) => bytesUnder(await temps(i)),
          completedOutput: async (i) =>
            (await stat(target(i)).catch(() => null)) ? target(i) : null,
          scanRoots: [outputs, dir, tmp],
          canaries,
          vaultDir: dir,
          env: { TMPDIR: tmp },
        },
        KILLS,
        [outputs],
      );
      expectCleanCampaign(figures, KILLS);
      expect(figures.removedByNextOpening).toBe(figures.leftovers);
    },
    900_000 * Math.max(1, KILLS / 30),
  );
});
