import { randomBytes } from 'node:crypto';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkVault, createVault } from '../../../electron/core';
import { intakeFile, listEvidence } from '../../../electron/core/evidence';
import { generateOrgKey } from '../../../electron/core/pgp';
import { createCase, listCases } from '../../../electron/core/records';
import { runVigil, type CliResult } from '../../helpers/cli';
import { canMountTmpfs, smallDisk, type SmallDisk } from '../../helpers/smallDisk';
import { tempDir } from '../../helpers/tmp';
import {
  canaryVault,
  folderExportArgs,
  markedIn,
  originalExportArgs,
} from '../../helpers/killRuns';
import { PASSPHRASE, reopen, TEST_KDF } from '../../helpers/vault';

const mountable = canMountTmpfs();
const disks: SmallDisk[] = [];
afterEach(() => {
  for (const disk of disks.splice(0)) disk.unmount();
});

const stdin = `${PASSPHRASE}\n`;

/** A full disk is said to be one, in one line, with exit 1: never "damaged", never an internal error. */
function saysDiskFull(result: CliResult, step: string) {
  expect(result.stderr, step).not.toMatch(/damaged|belongs to another vault|internal error/i);
  expect(result.stderr.trim().split('\n'), `${step}: ${result.stderr}`).toHaveLength(1);
  expect(result.stderr, step).toMatch(/^vigil: .*disk .*is full/i);
  expect(result.code, step).toBe(1);
}

describe.skipIf(!mountable)('a full disk is reported as a full disk, at every step (tmpfs)', () => {
  it('with the vault on the full disk: opening, reading, adding records and evidence, exporting, changing the passphrase', async () => {
    const disk = await smallDisk(24);
    disks.push(disk);
    const dir = join(disk.dir, 'vault');
    const created = await createVault({ dir, passphrase: PASSPHRASE, kdf: TEST_KDF, actor: 't' });
    const { id: caseId } = await createCase(created.vault, { title: 'Before the disk filled' });
    const photo = join(await tempDir(), 'before.bin');
    await writeFile(photo, randomBytes(256 * 1024));
    await intakeFile(created.vault, { caseId, path: photo });
    await generateOrgKey(created.vault, { name: 'Org', email: 'org@example.org' });
    await created.vault.lock();

    const outside = await tempDir();
    const big = join(outside, 'video.bin');
    await writeFile(big, randomBytes(4 * 1024 * 1024));
    const newPass = join(outside, 'new');
    await writeFile(newPass, 'a new passphrase for a full disk\n');
    await disk.fill();

    const steps: [string, string[]][] = [
      ['case list (opening)', ['case', 'list', '--vault', dir]],
      ['case add', ['case', 'add', '--vault', dir, '--title', 'After the disk filled']],
      ['evidence add', ['evidence', 'add', '--vault', dir, '--case', caseId, big]],
      ['export to the full disk', folderExportArgs(dir, caseId, join(disk.dir, 'dossier'))],
      [
        'passwd',
        [
          'passwd',
          '--vault',
          dir,
          '--new-passphrase-file',
          newPass,
          '--kdf-memory',
          '64',
          '--kdf-iterations',
          '1',
        ],
      ],
    ];
    const outcomes: string[] = [];
    for (const [step, args] of steps) {
      const result = await runVigil(args, { stdin });
      outcomes.push(`${step}: exit ${result.code}`);
      // A read may still succeed on a full disk; whatever fails says why.
      if (result.code === 0 && step.startsWith('case list')) continue;
      saysDiskFull(result, step);
    }
    console.log(outcomes.join('\n'));

    // Space again: nothing was half-saved, nothing is left over, the old passphrase still opens it.
    await disk.free();
    expect(await markedIn([disk.dir, dir, join(dir, 'blobs')])).toEqual([]);
    const vault = await reopen(dir);
    try {
      expect((await listCases(vault, {})).map((c) => c.title)).toEqual(['Before the disk filled']);
      expect(await listEvidence(vault, caseId)).toHaveLength(1);
      const report = await checkVault(vault);
      expect(report.ok, JSON.stringify(report.items.filter((i) => !i.ok))).toBe(true);
    } finally {
      await vault.lock();
    }
    expect((await readdir(disk.dir)).sort()).toEqual(['vault']);
  });

  it('an export to a full disk elsewhere: "the disk is full", nothing left there, nothing recorded as in progress', async () => {
    const { dir, caseId, evidenceId } = await canaryVault({ evidenceMiB: 3 });
    const disk = await smallDisk(2);
    disks.push(disk);
    const folder = await runVigil(
      folderExportArgs(dir, caseId, join(disk.dir, 'dossier'), [evidenceId]),
      {
        stdin,
      },
    );
    saysDiskFull(folder, 'dossier folder');
    const original = await runVigil(originalExportArgs(dir, evidenceId, join(disk.dir, 'o.txt')), {
      stdin,
    });
    saysDiskFull(original, 'original');
    const copy = join(await tempDir(), 'pass');
    await writeFile(copy, 'an export passphrase\n');
    const database = await runVigil(
      [
        'export-sqlcipher',
        '--vault',
        dir,
        '--out',
        join(disk.dir, 'copy.db'),
        '--export-passphrase-file',
        copy,
      ],
      { stdin },
    );
    if (database.code !== 0) saysDiskFull(database, 'database copy');
    expect((await readdir(disk.dir)).filter((n) => n !== 'copy.db')).toEqual([]);
    const vault = await reopen(dir);
    try {
      expect(vault.recovered).toEqual([]);
      const rows = await vault.db.get<{ n: number }>('SELECT count(*) AS n FROM outgoing_writes');
      expect(rows?.n).toBe(0);
    } finally {
      await vault.lock();
    }
  });
});
