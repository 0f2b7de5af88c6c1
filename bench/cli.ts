import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_ARGON2ID, deriveArgon2id } from '../electron/core/crypto/kdf';
import { randomBytes, wipe } from '../electron/core/crypto/secrets';
import { BENCH_PASSPHRASE, median, round, timeRuns, type Bench } from './harness';

/**
 * Twenty record commands of a script that documents a case, run as twenty
 * `vigil` invocations (each derives the key with Argon2id at the vault's
 * default setting) and as one `vigil batch` (one derivation), on the same
 * kind of vault in the same run; the batch also against one bare derivation,
 * which is what it cannot do without.
 */
function twentyCommands(): string[] {
  const lines = ['case add --title "Detention of a land-rights defender" --country CO'];
  for (let i = 1; i <= 12; i += 1)
    lines.push(`person add --case VIG-2026-0001 --name "Witness number ${i}" --role witness`);
  for (let i = 1; i <= 7; i += 1)
    lines.push(
      `event add --case VIG-2026-0001 --type arbitrary-detention --date 2025-0${i}-1${i} --title "Hearing ${i}"`,
    );
  return lines;
}

function run(cli: string, args: string[], input?: string): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    input,
    maxBuffer: 16 * 1024 * 1024,
  });
  if (result.status !== 0)
    throw new Error(`vigil ${args.slice(0, 2).join(' ')} failed: ${result.stderr.slice(-500)}`);
  return (performance.now() - started) / 1000;
}

export const cliBench: Bench = {
  name: 'cli',
  description: 'twenty record commands: one vigil batch against twenty vigil invocations',
  async run(report) {
    const cli = join(import.meta.dirname, 'vigil.js');
    const dir = await mkdtemp(join(tmpdir(), 'vigil-bench-cli-'));
    try {
      const pass = join(dir, 'pass.txt');
      await writeFile(pass, `${BENCH_PASSPHRASE}\n`, { mode: 0o600 });
      const lines = twentyCommands();
      // Two vaults with the default key derivation, one for each way of running the script.
      const [single, batched] = [join(dir, 'single'), join(dir, 'batched')];
      for (const vault of [single, batched])
        run(cli, ['init', '--vault', vault, '--passphrase-file', pass]);
      const unlock = ['--vault', single, '--passphrase-file', pass];
      let separate = 0;
      for (const line of lines) {
        const words = line.match(/"[^"]*"|\S+/g)!.map((w) => w.replace(/^"|"$/g, ''));
        separate += run(cli, [...words, ...unlock]);
      }
      const script = join(dir, 'record.txt');
      await writeFile(script, `${lines.join('\n')}\n`);
      // The median of three: a batch lasts about a second, and this machine is shared.
      const batches = [1, 2, 3].map(() =>
        run(cli, ['batch', script, '--vault', batched, '--passphrase-file', pass]),
      );
      const batch = median(batches);
      const salt = randomBytes(16);
      const argon =
        median(
          await timeRuns(3, async () =>
            wipe(await deriveArgon2id(BENCH_PASSPHRASE, salt, DEFAULT_ARGON2ID)),
          ),
        ) / 1000;
      const derivation = run(cli, ['check', ...unlock]);
      report({
        metric: 'twenty record commands, one vigil batch',
        value: round(batch, 2),
        unit: 's',
        baseline: 'the same twenty commands as separate vigil invocations',
        baselineValue: round(separate, 2),
      });
      report({
        metric: 'the same batch (median of 3) against the one key derivation it needs',
        value: round(batch, 2),
        unit: 's',
        baseline: 'Argon2id at the default setting, in process (median of 3)',
        baselineValue: round(argon, 2),
      });
      report({
        metric: 'one vigil check (start, Argon2id at the default setting, open, check)',
        value: round(derivation, 2),
        unit: 's',
        baseline: null,
        baselineValue: null,
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
