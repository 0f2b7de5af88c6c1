import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'vite';

/**
 * Builds the `vigil` CLI once per test run into a private folder under out/,
 * so tests run the real bundled command (as users do) and concurrent runs
 * never race on one another's build.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const existing = process.env.VIGIL_TEST_CLI_DIR;
  if (existing && existsSync(join(existing, 'vigil.js'))) return async () => {};
  const root = resolve(import.meta.dirname, '..');
  const outDir = join(root, 'out', `cli-test-${process.pid}`);
  await build({
    configFile: join(root, 'vite.cli.config.ts'),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
  });
  process.env.VIGIL_TEST_CLI_DIR = outDir;
  return async () => {
    await rm(outDir, { recursive: true, force: true });
  };
}
