import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getOrganisationKey } from '../../../electron/core/pgp';
import { runVigil, runVigilInProcess } from '../../helpers/cli';
import { canaryVault } from '../../helpers/killRuns';
import { tempDir } from '../../helpers/tmp';
import { PASSPHRASE, reopen } from '../../helpers/vault';

const stdin = `${PASSPHRASE}\n`;
const FIXTURE = join(import.meta.dirname, '../../fixtures/metadata/camera.jpg');

describe('output paths', () => {
  it('no command hangs or leaves anything on a bad output path: a missing folder, a file as folder, an existing target', async () => {
    const { dir, caseId, evidenceId } = await canaryVault({ evidenceMiB: 1 });
    const vault = await reopen(dir);
    const recipient = (await getOrganisationKey(vault)).fingerprint;
    await vault.lock();
    const root = await tempDir();
    const aFile = join(root, 'a-file');
    await writeFile(aFile, 'not a folder');
    const existing = join(root, 'existing');
    await writeFile(existing, 'already here');
    const exportPass = join(root, 'export-pass');
    await writeFile(exportPass, 'an export passphrase\n');

    const commands: [string, (out: string) => string[]][] = [
      [
        'dossier folder',
        (out) => ['export', '--json', '--vault', dir, '--case', caseId, '--out', out],
      ],
      [
        'bundle',
        (out) => [
          'export',
          '--json',
          '--vault',
          dir,
          '--case',
          caseId,
          '--encrypt-to',
          recipient,
          '--out',
          out,
        ],
      ],
      [
        'evidence export',
        (out) => ['evidence', 'export', evidenceId, '--original', '--vault', dir, '--out', out],
      ],
      [
        'database copy',
        (out) => [
          'export-sqlcipher',
          '--vault',
          dir,
          '--out',
          out,
          '--export-passphrase-file',
          exportPass,
        ],
      ],
      ['case document', (out) => ['case', 'export-json', caseId, '--vault', dir, '--out', out]],
      ['public key', (out) => ['keys', 'export', '--public', '--vault', dir, '--out', out]],
      ['stripped copy', (out) => ['strip', FIXTURE, '--out', out]],
    ];
    const paths: [string, string, RegExp][] = [
      ['a folder that does not exist', join(root, 'missing', 'out'), /does not exist|no such file/],
      ['a file used as a folder', join(aFile, 'out'), /not a (folder|directory)/],
      ['a target that exists', existing, /already exists/],
    ];
    for (const [what, args] of commands) {
      for (const [where, out, reason] of paths) {
        // A separate process where a hang would show (the missing folder: a bundle export to one
        // used to print its error and never exit); in this process for the rest, to stay quick.
        const result = where.includes('does not exist')
          ? await runVigil(args(out), { stdin, timeoutMs: 60_000 })
          : await runVigilInProcess(args(out), { stdin });
        const label = `${what} to ${where}`;
        // A hang is killed by the timeout (exit 128): it must have exited by itself.
        expect(result.code, `${label}: ${result.stderr}`).toBe(1);
        expect(result.stderr.trim().split('\n'), label).toHaveLength(1);
        expect(result.stderr, label).toMatch(reason);
        expect(result.stderr, label).not.toMatch(/internal error/);
      }
    }
    expect((await readdir(root)).sort()).toEqual(['a-file', 'existing', 'export-pass']);
    const after = await reopen(dir);
    try {
      expect(after.recovered).toEqual([]);
      expect(
        (await after.db.get<{ n: number }>('SELECT count(*) AS n FROM outgoing_writes'))?.n,
      ).toBe(0);
    } finally {
      await after.lock();
    }
  }, 600_000);

  it('export-sqlcipher writes its copy owner-only (0600), whatever the umask', async () => {
    const { dir } = await canaryVault({ evidenceMiB: 1, withKey: false });
    const root = await tempDir();
    await mkdir(join(root, 'out'));
    const pass = join(root, 'export-pass');
    await writeFile(pass, 'an export passphrase\n');
    const out = join(root, 'out', 'copy.db');
    const result = await runVigil(
      ['export-sqlcipher', '--vault', dir, '--out', out, '--export-passphrase-file', pass],
      { stdin },
    );
    expect(result.code, result.stderr).toBe(0);
    expect((await stat(out)).mode & 0o777).toBe(0o600);
    expect(await readdir(join(root, 'out'))).toEqual(['copy.db']);
  });
});
