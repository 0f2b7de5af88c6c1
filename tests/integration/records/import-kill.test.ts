import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkVault } from '../../../electron/core';
import { checkCaseRecords } from '../../../electron/core/records';
import { cliPath } from '../../helpers/cli';
import { newVault, PASSPHRASE, reopen } from '../../helpers/vault';
import { tempDir } from '../../helpers/tmp';

const TESTIMONIES = 6000;

/** One case with thousands of ~2 KB testimonies: an import that takes a few seconds. */
function bigDocument(): unknown {
  const caseId = randomUUID();
  const persons = Array.from({ length: 200 }, (_, i) => ({
    id: randomUUID(),
    name: `Person ${i} Ахмед أحمد`,
    roles: ['witness'],
  }));
  const paragraph =
    'They came before dawn, searched the flat, seized the laptops and took him away in an unmarked car. ';
  return {
    format: 'vigil-case',
    version: 1,
    case: { id: caseId, title: 'A large case', reference: 'KILL-TEST' },
    persons,
    events: Array.from({ length: 300 }, (_, i) => ({
      id: randomUUID(),
      eventType: 'arbitrary-detention',
      start: `2024-${String((i % 12) + 1).padStart(2, '0')}`,
      victims: [persons[i % 200]!.id],
    })),
    testimonies: Array.from({ length: TESTIMONIES }, (_, i) => ({
      id: randomUUID(),
      witnessId: persons[i % 200]!.id,
      statement: `Statement ${i}. ${paragraph.repeat(20)}`,
    })),
  };
}

function importKilled(
  dir: string,
  file: string,
  kill: { afterMs?: number; at?: string },
): Promise<{ code: number | null; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [cliPath(), '--vault', dir, 'case', 'import', file, '--json'],
      {
        env: { ...process.env, VIGIL_TEST_CRASH_AT: kill.at ?? '' },
        stdio: ['pipe', 'ignore', 'ignore'],
      },
    );
    child.stdin.end(`${PASSPHRASE}\n`);
    const timer =
      kill.afterMs !== undefined
        ? setTimeout(() => child.kill('SIGKILL'), kill.afterMs)
        : undefined;
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal });
    });
  });
}

async function inspect(
  dir: string,
): Promise<{ cases: number; testimonies: number; indexed: number; imports: number }> {
  const vault = await reopen(dir);
  try {
    const report = await checkVault(vault);
    expect(report.ok, JSON.stringify(report.items.filter((i) => !i.ok))).toBe(true);
    // The full-text index and the case counts are consistent with the records.
    const records = await checkCaseRecords(vault);
    expect(records.ok, records.problems.join('; ')).toBe(true);
    const n = async (sql: string) => (await vault.db.get<{ n: number }>(sql))!.n;
    return {
      cases: await n('SELECT count(*) AS n FROM cases'),
      testimonies: await n('SELECT count(*) AS n FROM testimonies'),
      indexed: await n("SELECT count(*) AS n FROM search_docs WHERE kind = 'testimony'"),
      imports: await n("SELECT count(*) AS n FROM audit_log WHERE action = 'case.import'"),
    };
  } finally {
    await vault.lock();
  }
}

describe('a bulk import killed midway', () => {
  // Ten child processes, each opening the vault: 30 s on a quiet machine, beyond the default 120 s on one loaded twentyfold.
  it(
    'leaves all of a document or none of it, and a vault that opens and checks clean (SIGKILL at points and after delays)',
    { timeout: 300_000 },
    async () => {
      const file = join(await tempDir(), 'big.json');
      await writeFile(file, JSON.stringify(bigDocument()));
      const { vault, dir } = await newVault();
      await vault.lock();

      let imported = 0;
      const outcomes: string[] = [];
      const runs: { afterMs?: number; at?: string }[] = [
        { at: 'case-import:halfway' },
        { at: 'case-import:records-written' },
        ...[250, 600, 1000, 1500, 2200, 3200, 4500].map((afterMs) => ({ afterMs })),
        {},
      ];
      for (const run of runs) {
        const result = await importKilled(dir, file, run);
        const state = await inspect(dir);
        const label = run.at ?? (run.afterMs !== undefined ? `${run.afterMs} ms` : 'no kill');
        // Either the whole document went in, or nothing of it did.
        expect([imported, imported + 1], label).toContain(state.cases);
        expect(state.testimonies, label).toBe(state.cases * TESTIMONIES);
        expect(state.indexed, label).toBe(state.testimonies);
        expect(state.imports, label).toBe(state.cases);
        outcomes.push(
          `${label}: ${result.signal ?? `exit ${result.code}`}, ${state.cases > imported ? 'imported' : 'nothing'}`,
        );
        imported = state.cases;
      }
      // The crash points are inside the transaction: nothing was imported there.
      expect(outcomes[0]).toBe('case-import:halfway: SIGKILL, nothing');
      expect(outcomes[1]).toBe('case-import:records-written: SIGKILL, nothing');
      expect(outcomes[outcomes.length - 1]).toBe('no kill: exit 0, imported');
      console.log(outcomes.join('\n'));
    },
  );
});
