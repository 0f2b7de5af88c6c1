import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build, type Plugin } from 'vite';

const root = resolve(import.meta.dirname, '..');

/**
 * The test build's one difference from the shipped CLI: live crash points
 * (tests/helpers/crashPoints.ts instead of the no-op in the core), so kill
 * tests can stop a process at a named step. Nothing else changes.
 */
export function testCrashPoints(): Plugin {
  const shipped = join(root, 'electron/core/fs/crashPoints.ts');
  const live = join(root, 'tests/helpers/crashPoints.ts');
  return {
    name: 'vigil-test-crash-points',
    enforce: 'pre',
    load(id) {
      return id === shipped ? readFileSync(live, 'utf8') : null;
    },
  };
}

/**
 * Builds the `vigil` CLI once per test run into a private folder under out/,
 * so tests run the real bundled command (as users do) and concurrent runs
 * never race on one another's build.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const existing = process.env.VIGIL_TEST_CLI_DIR;
  if (existing && existsSync(join(existing, 'vigil.js'))) return async () => {};
  const outDir = join(root, 'out', `cli-test-${process.pid}`);
  await build({
    configFile: join(root, 'vite.cli.config.ts'),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
    plugins: [testCrashPoints()],
  });
  process.env.VIGIL_TEST_CLI_DIR = outDir;
  return async () => {
    await rm(outDir, { recursive: true, force: true });
  };
}
