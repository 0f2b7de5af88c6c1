import { randomBytes, randomUUID } from 'node:crypto';
import { readdir, readlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkVault, DEFAULT_LOCK_WAIT_MS, isVigilError, openVault } from '../../../electron/core';
import type { Result } from '../../../shared/ipc/contract';
import { testServices } from '../../helpers/services';
import { listEvidence, verifyEvidence } from '../../../electron/core/evidence';
import { createCase } from '../../../electron/core/records';
import { runVigil, type CliResult } from '../../helpers/cli';
import { startVigil, waitUntil, type Finished } from '../../helpers/processes';
import { newVault, PASSPHRASE, reopen } from '../../helpers/vault';
import { tempDir } from '../../helpers/tmp';

/** Long enough that concurrent writers queue for the lock instead of giving up (the tests prove order, not speed). */
const PATIENT = { VIGIL_WAIT: '600' };

async function passFile(text = PASSPHRASE): Promise<string> {
  const file = join(await tempDir(), 'pass');
  await writeFile(file, `${text}\n`);
  return file;
}

async function closedVaultWithCase() {
  const created = await newVault();
  const { id: caseId } = await createCase(created.vault, { title: 'Concurrent work' });
  await created.vault.lock();
  return { dir: created.dir, caseId };
}

// Many real processes at once: on a loaded machine these take minutes, never a timing claim.
describe('one writer at a time', { timeout: 600_000 }, () => {
  it('`check --repair` never removes the blob of an intake that is running: ten concurrent intakes, repairs in a loop', async () => {
    const { dir, caseId } = await closedVaultWithCase();
    const pass = await passFile();
    const sources = await tempDir();
    const files: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      const file = join(sources, `clip-${i}.bin`);
      await writeFile(file, randomBytes((6 + i) * 1024 * 1024));
      files.push(file);
    }
    const intakes = files.map((file) =>
      startVigil(
        ['evidence', 'add', '--vault', dir, '--passphrase-file', pass, '--case', caseId, file],
        { env: { ...PATIENT }, timeoutMs: 600_000 },
      ),
    );
    const repairs: Finished[] = [];
    const repairLoop = async () => {
      while (intakes.some((i) => !i.exited)) {
        repairs.push(
          await startVigil(['check', '--repair', '--vault', dir, '--passphrase-file', pass], {
            env: { ...PATIENT },
            timeoutMs: 600_000,
          }).done,
        );
      }
    };
    await Promise.all([repairLoop(), repairLoop()]);
    const results = await Promise.all(intakes.map((i) => i.done));
    for (const result of results) {
      expect(result.stderr).not.toMatch(/internal error/);
      expect(result.code, result.stderr).toBe(0);
    }
    expect(repairs.length).toBeGreaterThan(0);
    for (const repair of repairs) expect(repair.stderr).not.toMatch(/internal error/);

    // Every intake that reported success has its evidence, intact.
    const vault = await reopen(dir);
    try {
      const items = await listEvidence(vault, caseId);
      expect(items).toHaveLength(10);
      for (const item of items) expect((await verifyEvidence(vault, item.id)).ok).toBe(true);
      const report = await checkVault(vault);
      expect(report.ok, JSON.stringify(report.items.filter((i) => !i.ok))).toBe(true);
    } finally {
      await vault.lock();
    }
  });

  it('two (or four) passphrase changes at once: exactly one reports success, and its passphrase is the one that works', async () => {
    for (let round = 0; round < 3; round += 1) {
      const created = await newVault();
      await created.vault.lock();
      const dir = created.dir;
      const old = await passFile();
      const next = await Promise.all(
        [0, 1, 2, 3].map((i) => passFile(`new passphrase ${round}-${i} ${randomUUID()}`)),
      );
      const runs = await Promise.all(
        next.map(
          (file) =>
            startVigil(
              [
                'passwd',
                '--vault',
                dir,
                '--passphrase-file',
                old,
                '--new-passphrase-file',
                file,
                '--kdf-memory',
                '64',
                '--kdf-iterations',
                '1',
              ],
              { env: { ...PATIENT } },
            ).done,
        ),
      );
      const winners = runs.map((r, i) => (r.code === 0 ? i : -1)).filter((i) => i >= 0);
      expect(winners, runs.map((r) => `${r.code} ${r.stderr}`).join('\n')).toHaveLength(1);
      for (const [i, run] of runs.entries()) {
        if (i === winners[0]) continue;
        expect(run.stdout).not.toMatch(/Passphrase changed/);
        expect(run.stderr).not.toMatch(/internal error/);
        expect(run.stderr).toMatch(/changed by another|passphrase is wrong|wrong passphrase/i);
      }
      // The winner's passphrase opens the vault; the old one and the losers' do not.
      const texts = await Promise.all(
        next.map(async (f) => (await import('node:fs/promises')).readFile(f, 'utf8')),
      );
      for (const [i, text] of texts.entries()) {
        const attempt = openVault({ dir, passphrase: text.trim(), access: 'read' });
        if (i === winners[0]) {
          const vault = await attempt;
          const changes = await vault.db.all<{ action: string }>(
            "SELECT action FROM audit_log WHERE action = 'vault.passphrase-changed'",
          );
          expect(changes).toHaveLength(1);
          await vault.lock();
        } else {
          await expect(attempt).rejects.toSatisfy((e) => isVigilError(e, 'WRONG_PASSPHRASE'));
        }
      }
      await expect(openVault({ dir, passphrase: PASSPHRASE })).rejects.toSatisfy((e) =>
        isVigilError(e, 'WRONG_PASSPHRASE'),
      );
    }
  });

  it('during a long case import, readers work and a second writer waits or names the holder, never SQLITE_BUSY', async () => {
    const { dir } = await closedVaultWithCase();
    const pass = await passFile();
    const doc = join(await tempDir(), 'big.json');
    const persons = Array.from({ length: 200 }, (_, i) => ({
      id: randomUUID(),
      name: `Witness ${i}`,
      roles: ['witness'],
    }));
    await writeFile(
      doc,
      JSON.stringify({
        format: 'vigil-case',
        version: 1,
        case: { id: randomUUID(), title: 'A long import', reference: 'LONG-1' },
        persons,
        testimonies: Array.from({ length: 8000 }, (_, i) => ({
          id: randomUUID(),
          witnessId: persons[i % 200]!.id,
          statement: `Statement ${i}. ${'They came before dawn and took him away. '.repeat(40)}`,
        })),
      }),
    );
    const importing = startVigil([
      'case',
      'import',
      '--vault',
      dir,
      '--passphrase-file',
      pass,
      doc,
    ]);
    const readers: CliResult[] = [];
    const writers: CliResult[] = [];
    const readerLoop = async () => {
      while (!importing.exited)
        readers.push(
          await runVigil(['case', 'list', '--vault', dir, '--passphrase-file', pass, '--json']),
        );
    };
    const writerLoop = async () => {
      while (!importing.exited)
        writers.push(
          await runVigil(
            ['case', 'add', '--vault', dir, '--passphrase-file', pass, '--title', 'Meanwhile'],
            { env: { VIGIL_WAIT: '1' } },
          ),
        );
    };
    await Promise.all([readerLoop(), writerLoop(), writerLoop()]);
    const imported = await importing.done;
    expect(imported.code, imported.stderr).toBe(0);
    for (const reader of readers) {
      expect(reader.stderr).not.toMatch(/SQLITE_BUSY|internal error/);
      expect(reader.code, reader.stderr).toBe(0);
    }
    for (const writer of writers) {
      expect(writer.stderr).not.toMatch(/SQLITE_BUSY|internal error/);
      if (writer.code !== 0) {
        expect(writer.code).toBe(1);
        // The holder is the import, or a writer that got the vault after it ended.
        expect(writer.stderr).toMatch(/in use by vigil case (import|add) \(pid \d+/);
      }
    }
  });

  it('the app and the CLI honour the same lock: while the app has the vault unlocked, `vigil` reads but does not write', async () => {
    const { dir, caseId } = await closedVaultWithCase();
    const pass = await passFile();
    const services = await testServices();
    const call = async <T>(channel: string, input: unknown): Promise<Result<T>> =>
      (await services.dispatch(channel, input)) as Result<T>;
    services.dialogs.folders.push(dir);
    const location = await call<{ locationId: string }>('vault.chooseExisting', {});
    const unlocked = await call('vault.unlock', {
      locationId: location.ok ? location.value.locationId : '',
      passphrase: PASSPHRASE,
    });
    expect(unlocked.ok).toBe(true);

    const reader = await runVigil([
      'case',
      'show',
      caseId,
      '--vault',
      dir,
      '--passphrase-file',
      pass,
    ]);
    expect(reader.code, reader.stderr).toBe(0);
    const writer = await runVigil([
      'case',
      'add',
      '--title',
      'Not now',
      '--wait',
      '0.5',
      '--vault',
      dir,
      '--passphrase-file',
      pass,
    ]);
    expect(writer.code).toBe(1);
    expect(writer.stderr.trim()).toMatch(
      new RegExp(
        `^vigil: The vault is in use by the Vigil app \\(pid ${process.pid}, since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC\\); try again when it has finished\\. Nothing was changed\\.$`,
      ),
    );
    const repair = await runVigil([
      'check',
      '--repair',
      '--wait',
      '0',
      '--vault',
      dir,
      '--passphrase-file',
      pass,
    ]);
    expect(repair.code).toBe(1);
    expect(repair.stderr).toMatch(/in use by the Vigil app/);

    // Locked in the app: the CLI writes again.
    expect((await call('vault.lock', { reason: 'user' })).ok).toBe(true);
    const after = await runVigil([
      'case',
      'add',
      '--title',
      'Now',
      '--vault',
      dir,
      '--passphrase-file',
      pass,
    ]);
    expect(after.code, after.stderr).toBe(0);
  });

  it('the app cannot unlock a vault a command is writing to, and says which command', async () => {
    const { dir } = await closedVaultWithCase();
    const held = await openVault({ dir, passphrase: PASSPHRASE, holder: 'vigil case import' });
    try {
      const services = await testServices();
      services.dialogs.folders.push(dir);
      const location = (await services.dispatch('vault.chooseExisting', {})) as Result<{
        locationId: string;
      }>;
      const started = Date.now();
      const result = await services.dispatch('vault.unlock', {
        locationId: location.ok ? location.value.locationId : '',
        passphrase: PASSPHRASE,
      });
      expect(Date.now() - started).toBeGreaterThanOrEqual(DEFAULT_LOCK_WAIT_MS - 100);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('VAULT_BUSY');
        expect(result.error.message).toMatch(/in use by vigil case import \(pid \d+/);
      }
    } finally {
      await held.lock();
    }
  });

  it('a second writer waits for the first, cannot pass while it holds the vault, then proceeds', async () => {
    const { dir } = await closedVaultWithCase();
    const pass = await passFile();
    const held = await openVault({ dir, passphrase: PASSPHRASE, holder: 'a test' });
    const waiting = startVigil(
      ['case', 'add', '--title', 'Queued', '--vault', dir, '--passphrase-file', pass],
      {
        env: { VIGIL_WAIT: '120' },
      },
    );
    // Once it has the lock file open it is waiting for the lock (Linux shows a process's files)...
    const waitingForLock = async () =>
      (await readdir(`/proc/${waiting.child.pid}/fd`).catch(() => [] as string[])).length > 0 &&
      (
        await Promise.all(
          (await readdir(`/proc/${waiting.child.pid}/fd`).catch(() => [] as string[])).map((fd) =>
            readlink(`/proc/${waiting.child.pid}/fd/${fd}`).catch(() => ''),
          ),
        )
      ).includes(join(dir, 'vault.lock'));
    expect(await waitUntil(waitingForLock, waiting, 20)).toBe(true);
    // ...and it cannot get past it while the lock is held, however long that is.
    for (let i = 0; i < 20; i += 1) {
      await new Promise((r) => setTimeout(r, 50));
      expect(waiting.exited).toBe(false);
    }
    await held.lock();
    // ...and goes on once it is released.
    const done = await waiting.done;
    expect(done.code, done.stderr).toBe(0);
  });

  it('readers are not blocked by a writer that holds the lock, and a reader that writes after all waits for it', async () => {
    const { dir, caseId } = await closedVaultWithCase();
    const held = await openVault({ dir, passphrase: PASSPHRASE, holder: 'vigil export' });
    try {
      const reader = await openVault({ dir, passphrase: PASSPHRASE, access: 'read', waitMs: 200 });
      expect(reader.isWriter).toBe(false);
      expect((await reader.db.get<{ n: number }>('SELECT count(*) AS n FROM cases'))?.n).toBe(1);
      const failure = await createCase(reader, { title: 'a write' }).catch((e: unknown) => e);
      expect(isVigilError(failure, 'VAULT_BUSY')).toBe(true);
      await reader.lock();
      expect(caseId).toBeTruthy();
    } finally {
      await held.lock();
    }
  });
});
