// `npm test`: the whole suite, in the order a reviewer would check it.
// Stops at the first failing step and says which one failed.
import { spawnSync } from 'node:child_process';

const steps = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['build', 'npm', ['run', '--silent', 'build']],
  ['tests (unit, integration, end-to-end)', 'npx', ['vitest', 'run']],
];

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  process.stderr.write(
    `vigil: Node ${process.versions.node} is too old; Vigil needs Node 22.12 or newer (see README).\n`,
  );
  process.exit(1);
}

const started = Date.now();
for (const [name, command, args] of steps) {
  const t0 = Date.now();
  process.stdout.write(`\n=== ${name}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (result.status !== 0) {
    process.stderr.write(`\n=== FAILED: ${name} (after ${seconds} s)\n`);
    process.exit(result.status ?? 1);
  }
  process.stdout.write(`=== ${name}: ok (${seconds} s)\n`);
}
process.stdout.write(`\n=== all steps passed in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
