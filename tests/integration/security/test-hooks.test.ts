import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { build } from 'vite';
import { cliPath } from '../../helpers/cli';
import { hasFile } from '../../helpers/peers';
import { tempDir } from '../../helpers/tmp';
import { newVault, PASSPHRASE } from '../../helpers/vault';

const root = resolve(import.meta.dirname, '../../..');
const HOOK_MARKS = ['VIGIL_TEST_CRASH_AT', 'process.kill(process.pid'];

async function jsFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await jsFiles(path)));
    else if (entry.name.endsWith('.js') || entry.name.endsWith('.cjs')) out.push(path);
  }
  return out;
}

async function marksIn(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const file of await jsFiles(dir)) {
    const text = await readFile(file, 'utf8');
    for (const mark of HOOK_MARKS) if (text.includes(mark)) found.push(`${file}: ${mark}`);
  }
  return found;
}

describe('crash-injection hooks exist only in the test build', () => {
  it('the shipped CLI holds no crash hook and ignores VIGIL_TEST_CRASH_AT; the test build has them', async () => {
    // Inside the repository, so the bundle finds node_modules as the installed one does.
    const outDir = join(root, 'out', `cli-shipped-${process.pid}`);
    onTestFinished(() => rm(outDir, { recursive: true, force: true }));
    await build({
      configFile: join(root, 'vite.cli.config.ts'),
      logLevel: 'error',
      build: { outDir, emptyOutDir: true },
    });
    expect(await marksIn(outDir)).toEqual([]);
    // The test build this run uses does have them (so the kill tests test something).
    expect((await marksIn(join(cliPath(), '..'))).length).toBeGreaterThan(0);

    // Asked to crash at a point, the shipped command just does its work.
    const { vault, dir } = await newVault();
    await vault.lock();
    const files = await tempDir();
    await writeFile(join(files, 'old'), `${PASSPHRASE}\n`);
    await writeFile(join(files, 'new'), 'a new passphrase after no crash\n');
    for (const point of ['header:renamed', 'header:temp-written']) {
      const [from, to] = point === 'header:renamed' ? ['old', 'new'] : ['new', 'old'];
      const run = spawnSync(
        process.execPath,
        [
          join(outDir, 'vigil.js'),
          'passwd',
          '--vault',
          dir,
          '--passphrase-file',
          join(files, from),
          '--new-passphrase-file',
          join(files, to),
          '--kdf-memory',
          '64',
          '--kdf-iterations',
          '1',
        ],
        { env: { ...process.env, VIGIL_TEST_CRASH_AT: point }, encoding: 'utf8' },
      );
      expect(run.signal, point).toBeNull();
      expect(run.status, `${point}: ${run.stderr}`).toBe(0);
    }
  });

  it('the app bundle, when built, holds none either', async () => {
    const main = join(root, 'out', 'main');
    if (!hasFile(existsSync(main), 'the built app in out/main (npm run build makes it)')) return;
    expect(await marksIn(main)).toEqual([]);
  });
});
