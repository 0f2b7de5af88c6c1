import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { _electron } from 'playwright-core';

/** The Electron binary, if this machine has one (it cannot be downloaded in the offline CI). */
function electronBinary(): string | null {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
  });
  const path = probe.status === 0 ? probe.stdout.trim() : '';
  return path && existsSync(path) ? path : null;
}

const binary = electronBinary();
if (!binary)
  console.warn(
    'SKIPPED Electron smoke test: the Electron binary is not installed on this machine (it cannot be downloaded here).',
  );

describe.skipIf(!binary)('Electron smoke test', () => {
  it('launches the built app: one sandboxed window on app://vigil with window.vigil and no Node', async () => {
    const app = await _electron.launch({ executablePath: binary!, args: ['.'] });
    try {
      const page = await app.firstWindow();
      expect(page.url()).toBe('app://vigil/index.html');
      expect(await page.evaluate(() => Object.keys(window.vigil).sort())).toEqual([
        'dropFiles',
        'invoke',
        'on',
      ]);
      expect(
        await page.evaluate(() => typeof (window as unknown as { process?: unknown }).process),
      ).toBe('undefined');
      expect(
        await page.evaluate(async () => (await window.vigil.invoke('vault.status', {})).ok),
      ).toBe(true);
    } finally {
      await app.close();
    }
  });
});
