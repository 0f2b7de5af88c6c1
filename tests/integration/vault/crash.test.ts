import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isVigilError, openVault } from '../../../electron/core';
import { checkVault } from '../../../electron/core';
import { cliPath } from '../../helpers/cli';
import { newVault, PASSPHRASE } from '../../helpers/vault';
import { tempDir } from '../../helpers/tmp';

const NEW = 'the new passphrase after the crash';

/** Starts `vigil passwd` and kills it with SIGKILL at a named point or after a delay. */
function passwdKilled(
  dir: string,
  files: { old: string; next: string },
  kill: { at?: string; afterMs?: number },
): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        cliPath(),
        'passwd',
        '--vault',
        dir,
        '--passphrase-file',
        files.old,
        '--new-passphrase-file',
        files.next,
        '--kdf-memory',
        '64',
        '--kdf-iterations',
        '1',
      ],
      { env: { ...process.env, VIGIL_TEST_CRASH_AT: kill.at ?? '' }, stdio: 'ignore' },
    );
    const timer =
      kill.afterMs !== undefined
        ? setTimeout(() => child.kill('SIGKILL'), kill.afterMs)
        : undefined;
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      if (timer) clearTimeout(timer);
      resolve(signal);
    });
  });
}

/** Audit entries of passphrase changes, read by whichever passphrase opens the vault. */
const changes = { count: -1 };

async function opensWith(dir: string, passphrase: string): Promise<boolean> {
  try {
    const vault = await openVault({ dir, passphrase });
    const report = await checkVault(vault);
    changes.count = (
      await vault.db.all("SELECT seq FROM audit_log WHERE action = 'vault.passphrase-changed'")
    ).length;
    await vault.lock();
    expect(report.ok).toBe(true);
    return true;
  } catch (error) {
    if (isVigilError(error, 'WRONG_PASSPHRASE')) return false;
    throw error;
  }
}

describe('a crash during a passphrase change', () => {
  it('leaves a vault that opens with the old or the new passphrase, never neither (SIGKILL at every step)', async () => {
    const files = { old: join(await tempDir(), 'old'), next: join(await tempDir(), 'new') };
    await writeFile(files.old, `${PASSPHRASE}\n`);
    await writeFile(files.next, `${NEW}\n`);
    const points = [
      'header:temp-written',
      'header:temp-synced',
      'header:renamed',
      'header:dir-synced',
    ];
    const outcomes: Record<string, string> = {};
    for (const point of points) {
      const { vault, dir } = await newVault();
      await vault.lock();
      const signal = await passwdKilled(dir, files, { at: point });
      expect(signal, `the process must have been killed at ${point}`).toBe('SIGKILL');
      const oldWorks = await opensWith(dir, PASSPHRASE);
      const newWorks = await opensWith(dir, NEW);
      expect(oldWorks !== newWorks, `${point}: exactly one passphrase opens the vault`).toBe(true);
      outcomes[point] = oldWorks ? 'old' : 'new';
      // The audit entry of the change is there exactly when the change is (recorded by the
      // first opening after the crash if the process died before recording it).
      expect(changes.count, `${point}: audit entries`).toBe(oldWorks ? 0 : 1);
    }
    // Before the rename the old header stands; from the rename on, the new one does.
    expect(outcomes).toEqual({
      'header:temp-written': 'old',
      'header:temp-synced': 'old',
      'header:renamed': 'new',
      'header:dir-synced': 'new',
    });
  });

  it('survives kills at many random instants of a running change', async () => {
    const files = { old: join(await tempDir(), 'old'), next: join(await tempDir(), 'new') };
    await writeFile(files.old, `${PASSPHRASE}\n`);
    await writeFile(files.next, `${NEW}\n`);
    const { vault, dir } = await newVault();
    await vault.lock();
    let current = PASSPHRASE;
    let changed = 0;
    for (let i = 0; i < 16; i += 1) {
      await writeFile(files.old, `${current}\n`);
      const target = current === PASSPHRASE ? NEW : PASSPHRASE;
      await writeFile(files.next, `${target}\n`);
      await passwdKilled(dir, files, { afterMs: 40 + i * 25 });
      const oldWorks = await opensWith(dir, current);
      const newWorks = await opensWith(dir, target);
      expect(oldWorks || newWorks, `kill after ${40 + i * 25} ms`).toBe(true);
      expect(oldWorks && newWorks).toBe(false);
      if (newWorks) changed += 1;
      expect(changes.count, `kill after ${40 + i * 25} ms: audit entries`).toBe(changed);
      current = newWorks ? target : current;
    }
  });
});
