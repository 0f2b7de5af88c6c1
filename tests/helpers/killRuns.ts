import { randomBytes } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { lstat, readdir, rm, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { openVault, type Vault } from '../../electron/core';
import { intakeFile } from '../../electron/core/evidence';
import { generateOrgKey } from '../../electron/core/pgp';
import { createCase } from '../../electron/core/records';
import { canary, findCanaries, type CanaryHit } from './canary';
import { startVigil, seededRandom, waitUntil, type Running } from './processes';
import { tempDir } from './tmp';
import { newVault, PASSPHRASE } from './vault';

/**
 * A closed vault with one case whose title and evidence carry canaries, and
 * an organisation key (dossiers are signed). The evidence is a few MiB of
 * text, so that writing it out takes long enough to be interrupted.
 */
export async function canaryVault(options: { evidenceMiB?: number; withKey?: boolean } = {}) {
  const created = await newVault();
  const canaries = [canary('title'), canary('evidence')];
  const record = await createCase(created.vault, { title: `Case ${canaries[0]}` });
  const source = join(await tempDir(), 'statement.txt');
  const line = `The witness said: ${canaries[1]} was taken at dawn.\n`;
  await writeFile(
    source,
    line.repeat(Math.ceil(((options.evidenceMiB ?? 6) * 1024 * 1024) / line.length)),
  );
  const evidence = await intakeFile(created.vault, { caseId: record.id, path: source });
  await rm(source);
  if (options.withKey !== false)
    await generateOrgKey(created.vault, { name: 'Defenders Watch', email: 'cases@example.org' });
  await created.vault.lock();
  return { dir: created.dir, caseId: record.id, evidenceId: evidence.id, canaries };
}

/**
 * Kills per campaign: 30 in `npm test` (at random instants, so every run tries new ones);
 * VIGIL_KILLS=300 (or any count) runs a campaign longer on demand.
 */
export function killCount(): number {
  const value = Number(process.env.VIGIL_KILLS ?? 30);
  if (!Number.isInteger(value) || value < 2)
    throw new Error(
      `VIGIL_KILLS must be a whole number of at least 2, not ${process.env.VIGIL_KILLS}`,
    );
  return value;
}

export interface KillFigures {
  scenario: string;
  seed: number;
  kills: number;
  /** Kills that landed while the output's temporary existed. */
  duringWrite: number;
  /** Kills after which something was left on disk (before the next opening). */
  leftovers: number;
  /** Of those, left in the clear (canaries found before the next opening). */
  plaintextLeftovers: number;
  /** Leftovers the next opening removed (and reported). */
  removedByNextOpening: number;
  /** Runs that completed before the kill landed. */
  completed: number;
  /** Canary hits after the next opening: must be zero. */
  hitsAfterRecovery: CanaryHit[];
  /** Runs that ended before the kill with an error (exit code and message). */
  failures: string[];
}

export interface KillScenario {
  name: string;
  /** The vigil arguments for run `i` (each run writes a new output). */
  args: (i: number) => string[];
  /** Whether the temporary of run `i` exists now (the write is under way). */
  writing: (i: number) => Promise<boolean>;
  /** Bytes run `i` has written so far (in its temporaries). */
  progress: (i: number) => Promise<number>;
  /** Whether run `i` left a complete output (then it is removed before the scan). */
  completedOutput: (i: number) => Promise<string | null>;
  /** Folders to scan for canaries (the target's folder, the vault, the child's temp dir). */
  scanRoots: string[];
  canaries: string[];
  vaultDir: string;
  env?: Record<string, string>;
  stdin?: string;
  /** Runs after the next opening (e.g. check and repair what is left inside the vault). */
  afterOpening?: (vault: Vault, leftInVault: string[]) => Promise<void>;
  /**
   * Puts the vault back as it was before run `i`, for a command whose completed run would change
   * what the next run does (an import of a case already imported stops before writing anything).
   */
  undo?: (i: number) => Promise<void>;
}

/** Everything in `dirs` that carries Vigil's temporary marker, as full paths. */
export async function markedIn(dirs: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const dir of dirs)
    for (const name of await readdir(dir).catch(() => [] as string[]))
      if (name.includes('.vigil-tmp-')) out.push(join(dir, name));
  return out;
}

/**
 * SIGKILLs `runs` runs of a command at random instants: half of them at a
 * random moment after its output's temporary appears (so they land mid-write),
 * half at a random moment of a whole run (measured first). After each kill,
 * the disk is scanned, the vault is opened as the next command would, and
 * the disk is scanned again: nothing of the canaries may remain.
 */
export async function killCampaign(
  scenario: KillScenario,
  runs: number,
  tempDirs: string[],
  seed = Number(process.env.VIGIL_KILL_SEED ?? Date.now() % 1_000_000),
): Promise<KillFigures> {
  const random = seededRandom(seed);
  const figures: KillFigures = {
    scenario: scenario.name,
    seed,
    kills: 0,
    duringWrite: 0,
    leftovers: 0,
    plaintextLeftovers: 0,
    removedByNextOpening: 0,
    completed: 0,
    hitsAfterRecovery: [],
    failures: [],
  };
  const start = (i: number) =>
    startVigil(scenario.args(i), { env: scenario.env, stdin: scenario.stdin ?? `${PASSPHRASE}\n` });

  // One uninterrupted run: how long a whole run takes here, and how much it writes.
  const calibration = start(-1);
  const t0 = Date.now();
  let written = 0;
  await whenChanged(tempDirs, () => scenario.writing(-1), calibration);
  await waitUntil(async () => {
    written = Math.max(written, await scenario.progress(-1));
    return false;
  }, calibration);
  const done = await calibration.done;
  expect(done.code, `calibration run: ${done.stderr}`).toBe(0);
  const total = Date.now() - t0;
  await cleanOutput(scenario, -1);

  for (let i = 0; i < runs; i += 1) {
    const run = start(i);
    if (i % 2 === 0) {
      // Mid-write, at a random point of the bytes: the same coverage on a fast or a slow machine.
      // Idle until the output's temporary appears, then polled closely through the write.
      const at = Math.floor(random() * written);
      await whenChanged(tempDirs, () => scenario.writing(i), run);
      await waitUntil(async () => (await scenario.progress(i)) > at, run, 1);
    } else {
      // Anywhere in a run: opening, planning, writing, finishing.
      await sleep(Math.floor(random() * total));
    }
    const wroteAtKill = await scenario.writing(i);
    run.child.kill('SIGKILL');
    const ended = await run.done;
    figures.kills += 1;
    if (wroteAtKill) figures.duringWrite += 1;
    if (ended.signal !== 'SIGKILL' && ended.code === 0) figures.completed += 1;
    if (ended.signal !== 'SIGKILL' && ended.code !== 0)
      figures.failures.push(`${ended.code}: ${ended.stderr.trim()}`);

    const left = await markedIn(tempDirs);
    if (left.length > 0) {
      figures.leftovers += 1;
      const before = await findCanaries(left, scenario.canaries);
      if (before.hits.length > 0) figures.plaintextLeftovers += 1;
    }
    // The next command to open the vault removes what the killed one left, and says so.
    const vault: Vault = await openVault({ dir: scenario.vaultDir, passphrase: PASSPHRASE });
    try {
      const removed = vault.recovered.filter((n) => n.outcome === 'removed');
      const outgoing = left.filter((p) => !p.startsWith(scenario.vaultDir));
      if (outgoing.length > 0) {
        expect(removed.map((n) => n.path).sort(), `run ${i} (seed ${seed})`).toEqual(
          expect.arrayContaining(outgoing.sort()),
        );
        figures.removedByNextOpening += 1;
      }
      expect(vault.recovered.filter((n) => n.outcome === 'not-removed')).toEqual([]);
      const rows = await vault.db.get<{ n: number }>('SELECT count(*) AS n FROM outgoing_writes');
      expect(rows?.n, `run ${i}: outgoing writes still recorded`).toBe(0);
      await scenario.afterOpening?.(
        vault,
        left.filter((p) => p.startsWith(scenario.vaultDir)),
      );
    } finally {
      await vault.lock();
    }
    const complete = await scenario.completedOutput(i);
    if (complete && ended.signal === 'SIGKILL') figures.completed += 1;
    await cleanOutput(scenario, i);
    const outside = (await markedIn(tempDirs)).filter((p) => !p.startsWith(scenario.vaultDir));
    expect(outside, `run ${i} (seed ${seed}): temporaries left after the next opening`).toEqual([]);
    const after = await findCanaries(scenario.scanRoots, scenario.canaries);
    figures.hitsAfterRecovery.push(...after.hits);
    expect(after.hits, `run ${i} (seed ${seed}): plaintext after the next opening`).toEqual([]);
  }
  return figures;
}

/**
 * Resolves once `probe` holds (true) or the process has ended (false). The
 * probe is re-run whenever the kernel reports a change in one of `dirs`
 * (and every `fallbackMs`, should an event be missed), so the long part of a
 * run before its output's temporary appears (start-up, unlocking, planning,
 * rendering) costs the test process next to nothing instead of a busy poll
 * that would take a core from the very run it waits for.
 */
export async function whenChanged(
  dirs: string[],
  probe: () => Promise<boolean>,
  running: Running,
  fallbackMs = 50,
): Promise<boolean> {
  let wake: () => void = () => undefined;
  const watchers: FSWatcher[] = [];
  for (const dir of dirs) {
    try {
      watchers.push(watch(dir, () => wake()).on('error', () => undefined));
    } catch {
      // A folder that does not exist (yet) is covered by the fallback poll.
    }
  }
  try {
    while (!running.exited) {
      let timer: NodeJS.Timeout | undefined;
      const changed = new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, fallbackMs);
      });
      if (await probe()) return true;
      await Promise.race([changed, running.done]);
      clearTimeout(timer);
    }
    return false;
  } finally {
    for (const watcher of watchers) watcher.close();
  }
}

async function cleanOutput(scenario: KillScenario, i: number): Promise<void> {
  const complete = await scenario.completedOutput(i);
  if (complete) await rm(complete, { recursive: true, force: true });
  await scenario.undo?.(i);
}

/** Random bytes as hex, for unique output names. */
export const uniqueName = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

/** Bytes in files under `paths` (a temporary file or folder). */
export async function bytesUnder(paths: string[]): Promise<number> {
  let total = 0;
  for (const path of paths) {
    const info = await lstat(path).catch(() => null);
    if (!info) continue;
    if (info.isDirectory()) {
      const names = await readdir(path).catch(() => [] as string[]);
      total += await bytesUnder(names.map((n) => join(path, n)));
    } else total += info.size;
  }
  return total;
}

/** `vigil export` of a case as a dossier folder at `out`, with these originals as they are. */
export const folderExportArgs = (
  dir: string,
  caseId: string,
  out: string,
  originals: readonly string[] = [],
): string[] => [
  'export',
  '--json',
  '--vault',
  dir,
  '--case',
  caseId,
  ...originals.flatMap((id) => ['--include-original', id]),
  '--out',
  out,
];

/** `vigil evidence export --original` of one item to `out`. */
export const originalExportArgs = (dir: string, evidenceId: string, out: string): string[] => [
  'evidence',
  'export',
  evidenceId,
  '--original',
  '--vault',
  dir,
  '--out',
  out,
];

/** What every campaign must show: all kills made, the write itself hit, nothing left in the clear. */
export function expectCleanCampaign(figures: KillFigures, kills: number): void {
  console.log(JSON.stringify({ ...figures, hitsAfterRecovery: figures.hitsAfterRecovery.length }));
  expect(figures.kills).toBe(kills);
  expect(figures.duringWrite).toBeGreaterThan(kills / 4);
  expect(figures.hitsAfterRecovery).toEqual([]);
}
