import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runVigil } from '../../helpers/cli';
import {
  bytesUnder,
  canaryVault,
  expectCleanCampaign,
  folderExportArgs,
  killCampaign,
  killCount,
} from '../../helpers/killRuns';
import { startVigil, tempNames, waitUntil } from '../../helpers/processes';
import { findCanaries } from '../../helpers/canary';
import { tempDir } from '../../helpers/tmp';
import { PASSPHRASE } from '../../helpers/vault';

const KILLS = killCount();

describe('SIGKILL during `vigil export --out DIR` (a dossier folder in the clear)', () => {
  it(
    `leaves nothing in the clear after the next opening, at ${KILLS} random instants`,
    async () => {
      const { dir, caseId, evidenceId, canaries } = await canaryVault();
      const outputs = await tempDir('vigil-kill-out-');
      const tmp = await tempDir('vigil-kill-tmp-');
      const target = (i: number) => join(outputs, `dossier-${i + 1}`);
      const temps = async (i: number) =>
        (await tempNames(outputs))
          .filter((n) => n.startsWith(`.dossier-${i + 1}.`))
          .map((n) => join(outputs, n));
      const figures = await killCampaign(
        {
          name: 'folder export',
          args: (i) => folderExportArgs(dir, caseId, target(i), [evidenceId]),
          writing: async (i) => (await temps(i)).length > 0,
          progress: async (i) => bytesUnder(await temps(i)),
          completedOutput: async (i) =>
            (await stat(join(target(i), 'manifest.json.asc')).catch(() => null)) ? target(i) : null,
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

      // Killed once more mid-write, with `vigil check` as the next command: it removes what
      // was left, reports it (and passes: nothing is wrong any more).
      const last = join(outputs, 'dossier-last');
      const run = startVigil(folderExportArgs(dir, caseId, last, [evidenceId]), {
        stdin: `${PASSPHRASE}\n`,
        env: { TMPDIR: tmp },
      });
      expect(await waitUntil(async () => (await tempNames(outputs)).length > 0, run, 2)).toBe(true);
      run.child.kill('SIGKILL');
      await run.done;
      const [left] = await tempNames(outputs);
      expect(left).toBeDefined();
      const check = await runVigil(['check', '--vault', dir], { stdin: `${PASSPHRASE}\n` });
      expect(check.code, check.stdout + check.stderr).toBe(0);
      expect(check.stderr).toContain(
        `removed the unfinished dossier folder ${join(outputs, left!)}`,
      );
      expect(check.stdout).toMatch(/note: removed the unfinished dossier folder/);
      expect(await tempNames(outputs)).toEqual([]);
      expect((await findCanaries([outputs, dir, tmp], canaries)).hits).toEqual([]);
    },
    900_000 * Math.max(1, KILLS / 30),
  );
});
