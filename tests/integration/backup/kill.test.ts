import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath, runVigil } from '../../helpers/cli';
import { findCanaries } from '../../helpers/canary';
import { canaryVault } from '../../helpers/killRuns';
import { PASSPHRASE, reopen } from '../../helpers/vault';
import { tempDir } from '../../helpers/tmp';

// A backup or a restore killed with SIGKILL (a power cut, a seized laptop)
// leaves encrypted bytes only, never under the output's name, and they are
// removed: the backup's by the next opening of the vault (`vigil check`
// here), as every outgoing write's; the restore's by the next restore.

/** Runs the CLI until it kills itself at the crash point `at`; returns the signal it died of. */
function killedAt(at: string, args: string[]): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath(), ...args], {
      env: { ...process.env, VIGIL_TEST_CRASH_AT: at },
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    child.stdin.end(`${PASSPHRASE}\n`);
    child.on('error', reject);
    child.on('close', (_code, signal) => resolve(signal));
  });
}

const hidden = (names: string[]) => names.filter((n) => n.includes('.vigil-tmp-'));

describe('killing a backup or a restore', () => {
  it('a SIGKILL mid-backup leaves encrypted leftovers only, recorded, which the next vigil check removes', async () => {
    const { dir, canaries } = await canaryVault({ evidenceMiB: 5, withKey: false });
    const work = await tempDir();
    const out = join(work, 'weekly.vigilbackup');
    const points = [
      'backup:database-chunk-written',
      'backup:blob-chunk-written',
      'backup:temp-synced',
    ];
    for (const at of points) {
      expect(await killedAt(at, ['--vault', dir, 'backup', '--out', out]), at).toBe('SIGKILL');
      const left = await readdir(work);
      expect(left, at).not.toContain('weekly.vigilbackup');
      expect(hidden(left).length, at).toBeGreaterThan(0);
      // The output's temp, and the database snapshot beside the vault (an encrypted copy).
      const pending = hidden(await readdir(dir));
      expect(pending.length + hidden(await readdir(work)).length, at).toBeGreaterThan(0);
      const scan = await findCanaries([work, ...pending.map((n) => join(dir, n))], canaries);
      expect(scan.bytesScanned, at).toBeGreaterThan(0);
      expect(scan.hits, at).toEqual([]);

      const check = await runVigil(['--vault', dir, 'check'], { stdin: `${PASSPHRASE}\n` });
      expect(check.code, check.stderr).toBe(0);
      expect(check.stderr, at).toMatch(/removed the unfinished backup/);
      expect(await readdir(work), at).toEqual([]);
      expect(hidden(await readdir(dir)), at).toEqual([]);
    }

    // Each removal is in the audit log; the vault records no outgoing write left.
    const vault = await reopen(dir);
    try {
      const removed = await vault.db.all<{ detail: string }>(
        "SELECT detail FROM audit_log WHERE action = 'vault.interrupted-output-removed'",
      );
      const kinds = removed.map((r) => (JSON.parse(r.detail) as { kind: string }).kind);
      expect(kinds.filter((k) => k === 'backup')).toHaveLength(points.length);
      expect(kinds.filter((k) => k === 'backup-snapshot')).toHaveLength(points.length);
      expect(await vault.db.all('SELECT * FROM outgoing_writes')).toEqual([]);
      expect(await vault.db.all("SELECT * FROM audit_log WHERE action = 'vault.backup'")).toEqual(
        [],
      );
    } finally {
      await vault.lock();
    }

    // The next backup is whole, and a restored vault carries no record of this machine's writes.
    const again = await runVigil(['--vault', dir, 'backup', '--out', out], {
      stdin: `${PASSPHRASE}\n`,
    });
    expect(again.code, again.stderr).toBe(0);
    expect(await readdir(work)).toEqual(['weekly.vigilbackup']);
    const target = join(await tempDir(), 'restored');
    const restored = await runVigil(['restore', out, '--vault', target], {
      stdin: `${PASSPHRASE}\n`,
    });
    expect(restored.code, restored.stderr).toBe(0);
    const copy = await reopen(target);
    try {
      expect(await copy.db.all('SELECT * FROM outgoing_writes')).toEqual([]);
    } finally {
      await copy.lock();
    }
  }, 180_000);

  it('a SIGKILL mid-restore or mid-verify leaves encrypted leftovers only, removed by the next run', async () => {
    const { dir, canaries } = await canaryVault({ evidenceMiB: 5, withKey: false });
    const work = await tempDir();
    const out = join(work, 'b.vigilbackup');
    const made = await runVigil(['--vault', dir, 'backup', '--out', out], {
      stdin: `${PASSPHRASE}\n`,
    });
    expect(made.code, made.stderr).toBe(0);

    const parent = await tempDir();
    const target = join(parent, 'restored');
    expect(await killedAt('restore:chunk-written', ['restore', out, '--vault', target])).toBe(
      'SIGKILL',
    );
    const left = await readdir(parent);
    expect(left).not.toContain('restored');
    expect(hidden(left)).toHaveLength(1);
    const scan = await findCanaries([parent], canaries);
    expect(scan.bytesScanned).toBeGreaterThan(0);
    expect(scan.hits).toEqual([]);
    const restored = await runVigil(['restore', out, '--vault', target], {
      stdin: `${PASSPHRASE}\n`,
    });
    expect(restored.code, restored.stderr).toBe(0);
    expect(await readdir(parent)).toEqual(['restored']);

    const before = hidden(await readdir(tmpdir())).filter((n) =>
      n.startsWith('.vigil-backup-verify'),
    );
    expect(await killedAt('verify:chunk-written', ['backup', 'verify', out])).toBe('SIGKILL');
    const verifyLeft = hidden(await readdir(tmpdir())).filter(
      (n) => n.startsWith('.vigil-backup-verify') && !before.includes(n),
    );
    expect(verifyLeft).toHaveLength(1);
    expect((await findCanaries([join(tmpdir(), verifyLeft[0]!)], canaries)).hits).toEqual([]);
    const verified = await runVigil(['backup', 'verify', out], { stdin: `${PASSPHRASE}\n` });
    expect(verified.code, verified.stderr).toBe(0);
    expect(await readdir(tmpdir())).not.toContain(verifyLeft[0]);
  }, 180_000);
});
