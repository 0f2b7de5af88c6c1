import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasChromium, hasRenderer, launchBridgedApp } from './support/bridge';
import { tempDir } from '../helpers/tmp';
import { seriousViolations } from './support/a11y';

const skip = !hasChromium || !hasRenderer;
if (skip) {
  console.warn(
    `SKIPPED end-to-end bridge tests: ${!hasChromium ? 'Chromium is not installed (apt-get install chromium)' : 'the renderer is not built (npm run build)'}.`,
  );
}

describe.skipIf(skip)('test bridge: window.vigil in Chromium over the real handlers', () => {
  it('exposes only window.vigil (invoke, on, dropFiles), reaching the real core with the same validation', async () => {
    const app = await launchBridgedApp();
    try {
      await app.page.goto(app.url);
      expect(await app.page.evaluate(() => Object.keys(window.vigil).sort())).toEqual([
        'dropFiles',
        'invoke',
        'on',
      ]);
      // The channel that takes paths is not the page's to call.
      const paths = await app.page.evaluate(() =>
        window.vigil.invoke('evidence.droppedFiles', { paths: ['/etc/passwd'] }),
      );
      expect(paths).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', message: 'Unknown request.' },
      });
      expect(
        await app.page.evaluate(() => typeof (window as unknown as { require?: unknown }).require),
      ).toBe('undefined');
      expect(await app.page.evaluate(() => window.vigil.invoke('vault.status', {}))).toEqual({
        ok: true,
        // Nothing was locked in this run yet, so there is no vault for a fresh window to offer.
        value: { unlocked: false, vaultId: null, label: null, locked: null, open: null },
      });
      const hostile = await app.page.evaluate(() =>
        window.vigil.invoke('vault.lock', { reason: 'user', extra: '../../etc/passwd' } as never),
      );
      expect(hostile).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      const unknown = await app.page.evaluate(() =>
        window.vigil.invoke('fs.readFile' as never, { path: '/etc/passwd' } as never),
      );
      expect(unknown).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', message: 'Unknown request.' },
      });

      // A whole vault round trip with a scripted folder dialog, and the lock event delivered to the page.
      app.dialogs.folders.push(join(await tempDir(), 'vault'));
      const unlocked = await app.page.evaluate(async () => {
        const events: unknown[] = [];
        window.vigil.on('locked', (payload) => events.push(payload));
        const location = await window.vigil.invoke('vault.chooseNewLocation', {});
        if (!location.ok || !location.value) return { error: location };
        const created = await window.vigil.invoke('vault.create', {
          locationId: location.value.locationId,
          passphrase: 'a long enough passphrase',
          kdf: 'standard',
        });
        const status = await window.vigil.invoke('vault.status', {});
        await window.vigil.invoke('vault.lock', { reason: 'user' });
        await new Promise((r) => setTimeout(r, 200));
        return { created: created.ok, status, events };
      });
      expect(unlocked).toMatchObject({
        created: true,
        status: { ok: true, value: { unlocked: true } },
        events: [{ reason: 'user' }],
      });

      // The accessibility check every screen goes through finds what it is there to find:
      // an unnamed button and an image without a text alternative, planted in the page.
      expect(await seriousViolations(app.page, 'welcome')).toEqual([]);
      await app.page.evaluate(() => {
        const planted = document.createElement('div');
        planted.innerHTML = '<button type="button"></button><img src="data:,">';
        document.body.append(planted);
      });
      const planted = await seriousViolations(app.page, 'planted');
      expect(planted.map((f) => f.id).sort()).toEqual(['button-name', 'image-alt']);
    } finally {
      await app.close();
    }
  });
});
