import { parseArgs } from 'node:util';
import type { Bench, BenchResult } from './harness';
import { vaultBench } from './vault';
import { stripBench } from './strip';
import { evidenceBench } from './evidence';
import { renderBench } from './render';
import { dossierBench } from './dossier';
import { pgpBench } from './pgp';
import { uiBench } from './ui';
import { recordsBench } from './records';
import { backupBench } from './backup';
import { cliBench } from './cli';

/** Every benchmark, by name: `npm run bench -- NAME… [--json] [--quick]`. */
const BENCHES: Bench[] = [
  vaultBench,
  recordsBench,
  evidenceBench,
  stripBench,
  pgpBench,
  renderBench,
  dossierBench,
  uiBench,
  cliBench,
  backupBench,
];

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: {
      json: { type: 'boolean' },
      quick: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (values.help) {
    process.stdout.write(
      `Usage: npm run bench -- [NAME…] [--json] [--quick]\n\n${BENCHES.map((b) => `  ${b.name.padEnd(10)} ${b.description}`).join('\n')}\n\nWith no name, every benchmark runs. Ratios are value / baseline, both measured in this run.\n`,
    );
    return 0;
  }
  const unknown = positionals.filter((name) => !BENCHES.some((b) => b.name === name));
  if (unknown.length > 0) {
    process.stderr.write(
      `bench: unknown benchmark ${unknown.join(', ')}; known: ${BENCHES.map((b) => b.name).join(', ')}\n`,
    );
    return 2;
  }
  const selected =
    positionals.length > 0 ? BENCHES.filter((b) => positionals.includes(b.name)) : BENCHES;
  for (const bench of selected) {
    if (!values.json) process.stdout.write(`\n== ${bench.name}: ${bench.description}\n`);
    await bench.run(
      (partial) => {
        const result: BenchResult = {
          bench: bench.name,
          ...partial,
          ratio: partial.baselineValue
            ? Number((partial.value / partial.baselineValue).toFixed(3))
            : null,
        };
        if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
        else {
          const against = result.baseline
            ? `  vs ${result.baseline}: ${result.baselineValue} ${result.unit}  ratio ${result.ratio}`
            : '';
          process.stdout.write(`  ${result.metric}: ${result.value} ${result.unit}${against}\n`);
        }
      },
      { quick: Boolean(values.quick) },
    );
  }
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(
      `bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
