// `npm run fuzz -- NAME [--runs N] [--seed S] [--path P] [--hang-seconds T]`
// Runs the fuzz targets NAME selects (a target's name, or a prefix such as
// `pdf` for every pdf-… target; `all` for every target) for N inputs each.
// Without --seed a fresh seed is drawn and printed, so every long run explores
// new inputs and any failure can be replayed with the command it prints.
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';

const usage = `usage: npm run fuzz -- NAME [--runs N] [--seed S] [--path P] [--hang-seconds T]
       npm run fuzz -- --list
NAME is a target (see --list), a prefix of targets (e.g. pdf), or all.`;

function fail(message) {
  process.stderr.write(`vigil fuzz: ${message}\n${usage}\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
const opts = {};
let name;
for (let i = 0; i < args.length; i += 1) {
  const a = args[i];
  if (a === '--list' || a === '--help' || a === '-h') opts[a.replace(/^-+/, '')] = true;
  else if (['--runs', '--seed', '--path', '--hang-seconds'].includes(a)) {
    const v = args[i + 1];
    if (v === undefined) fail(`${a} needs a value`);
    opts[a.slice(2)] = v;
    i += 1;
  } else if (a.startsWith('-')) fail(`unknown option ${a}`);
  else if (name === undefined) name = a;
  else fail(`unexpected argument ${a}`);
}
if (opts.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
const env = { ...process.env };
if (opts.list) {
  env.VIGIL_FUZZ_LIST = '1';
} else {
  if (!name) fail('name a target');
  if (!/^[a-z0-9-,]+$/.test(name)) fail(`"${name}" is not a target name`);
  if (opts.runs !== undefined && !/^[1-9]\d{0,9}$/.test(opts.runs))
    fail('--runs takes a positive whole number');
  if (opts.seed !== undefined && !/^-?\d{1,10}$/.test(opts.seed))
    fail('--seed takes a whole number');
  if (opts.path !== undefined && !/^\d+(:\d+)*$/.test(opts.path))
    fail('--path takes a path as printed by a failure (e.g. 12:3:0)');
  if (opts['hang-seconds'] !== undefined && !/^[1-9]\d{0,5}$/.test(opts['hang-seconds']))
    fail('--hang-seconds takes a positive whole number');
  const seed = opts.seed ?? String(randomInt(-(2 ** 31), 2 ** 31 - 1));
  if (name !== 'all') env.VIGIL_FUZZ_TARGET = name;
  env.VIGIL_FUZZ_SEED = seed;
  env.VIGIL_FUZZ_RUNS = opts.path ? '1' : (opts.runs ?? '10000');
  if (opts.path) env.VIGIL_FUZZ_PATH = opts.path;
  if (opts['hang-seconds']) env.VIGIL_FUZZ_HANG_SECONDS = opts['hang-seconds'];
  process.stdout.write(
    `vigil fuzz: ${name}, ${opts.path ? `replaying input ${opts.path}` : `${env.VIGIL_FUZZ_RUNS} inputs per target`}, seed ${seed}\n`,
  );
}
const r = spawnSync(
  'npx',
  ['vitest', 'run', '--project', 'fuzz', '--reporter', 'verbose', 'tests/fuzz/fuzz.test.ts'],
  { stdio: 'inherit', env },
);
process.exit(r.status ?? 1);
