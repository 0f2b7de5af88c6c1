// `npm test`: the whole suite. The static checks (typecheck, each part of `npm run lint`,
// build) do not depend on one another, so they run side by side, two at a time on a
// two-core machine, longest first; each one's output is printed whole when it ends. The
// tests run once all of them have passed. Stops after a failing step and says which failed.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  process.stderr.write(
    `vigil: Node ${process.versions.node} is too old; Vigil needs Node 22.12 or newer (see README).\n`,
  );
  process.exit(1);
}

// `npm run lint` is the one definition of the lint: its parts (`a && b && c`) run here as they are.
const { scripts } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const lintParts = scripts.lint.split('&&').map((part) => part.trim());
const checks = [
  // Longest first (ESLint with type information is by far the longest).
  ...lintParts.slice(0, 1).map((command) => [`lint: ${command}`, command]),
  ['typecheck', 'npm run --silent typecheck'],
  ...lintParts.slice(1).map((command) => [`lint: ${command}`, command]),
  ['build', 'npm run --silent build'],
];

const seconds = (t0) => ((Date.now() - t0) / 1000).toFixed(1);

function run([name, command]) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (d) => output.push(d));
    child.stderr.on('data', (d) => output.push(d));
    child.on('close', (code, signal) => {
      const ok = code === 0;
      process.stdout.write(`\n=== ${name}\n`);
      process.stdout.write(Buffer.concat(output));
      process.stdout.write(
        ok
          ? `=== ${name}: ok (${seconds(t0)} s)\n`
          : `=== FAILED: ${name} (exit ${code ?? signal}, after ${seconds(t0)} s)\n`,
      );
      resolve(ok);
    });
  });
}

const started = Date.now();
const queue = [...checks];
const failed = [];
await Promise.all(
  Array.from({ length: Math.min(queue.length, Math.max(2, availableParallelism())) }, async () => {
    for (let step = queue.shift(); step; step = queue.shift())
      if (!(await run(step))) failed.push(step[0]);
  }),
);
if (failed.length > 0) {
  process.stderr.write(`\n=== FAILED: ${failed.join(', ')}\n`);
  process.exit(1);
}

// The tests: the end-to-end files (real Chromium, one at a time) run in a vitest of their
// own beside the rest, not after it: the other files leave part of the machine idle while
// they wait on gpg, LibreOffice or the built CLI, and Chromium fills it. The end-to-end
// output is printed whole when it ends, so the two never interleave.
const name = 'tests (unit, integration, end-to-end)';
const t0 = Date.now();
process.stdout.write(`\n=== ${name}\n`);

function vitest(projects, { buffered }) {
  const args = ['vitest', 'run', ...projects.flatMap((project) => ['--project', project])];
  return new Promise((resolve) => {
    const child = spawn('npx', args, { stdio: buffered ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    const output = [];
    child.stdout?.on('data', (d) => output.push(d));
    child.stderr?.on('data', (d) => output.push(d));
    child.on('close', (code, signal) => resolve({ ok: code === 0, code: code ?? signal, output }));
  });
}

const [rest, e2e] = await Promise.all([
  vitest(['unit', 'integration', 'fuzz'], { buffered: false }).then((r) => {
    process.stdout.write(
      `=== unit, integration, fuzz: ${r.ok ? 'ok' : 'FAILED'} (${seconds(t0)} s)\n`,
    );
    return r;
  }),
  vitest(['e2e'], { buffered: true }).then((r) => {
    process.stdout.write(`\n=== end-to-end (Chromium), run beside the rest\n`);
    process.stdout.write(Buffer.concat(r.output));
    process.stdout.write(`=== end-to-end: ${r.ok ? 'ok' : 'FAILED'} (${seconds(t0)} s)\n`);
    return r;
  }),
]);
if (!rest.ok || !e2e.ok) {
  const which = [!rest.ok && 'unit, integration, fuzz', !e2e.ok && 'end-to-end'].filter(Boolean);
  process.stderr.write(`\n=== FAILED: ${name}: ${which.join(', ')} (after ${seconds(t0)} s)\n`);
  process.exit(typeof rest.code === 'number' && !rest.ok ? rest.code : 1);
}
process.stdout.write(`=== ${name}: ok (${seconds(t0)} s)\n`);
process.stdout.write(`\n=== all steps passed in ${seconds(started)} s\n`);
