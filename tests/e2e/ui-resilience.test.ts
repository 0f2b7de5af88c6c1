import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp';
import { recoverVault } from '../../electron/core';
import { hasChromium, hasRenderer, launchBridgedApp } from './support/bridge';
import { VigilPages } from './support/pages';
import { bigFiles } from './support/sparseFiles';

const skip = !hasChromium || !hasRenderer;
if (skip)
  console.warn(
    'SKIPPED UI resilience tests: Chromium or the built renderer is missing (see ui-flow.test.ts).',
  );

const PASSPHRASE = 'keyboard only passphrase for vigil';

describe.skipIf(skip)(
  'the Vigil UI under stress: keyboard only, failures, cancel, lock from main',
  () => {
    it('works from the keyboard alone, never loses typed text, cancels an intake, and drops everything on an idle lock', async () => {
      const app = await launchBridgedApp();
      const ui = new VigilPages(app, 'en');
      const { page, t } = ui;
      try {
        const cspViolations: string[] = [];
        page.on('console', (message) => {
          if (/Content Security Policy|Refused to/i.test(message.text()))
            cspViolations.push(message.text());
        });
        await page.goto(app.url);
        await ui.createVault(join(await tempDir('vigil-e2e-vault-'), 'vault'), PASSPHRASE);

        // ---- keyboard only: a case created and its tabs walked without the mouse ----------------------
        const newCase = ui.button('cases.new');
        for (
          let i = 0;
          i < 30 && !(await newCase.evaluate((el) => el === document.activeElement));
          i += 1
        )
          await page.keyboard.press('Tab');
        expect(await newCase.evaluate((el) => el === document.activeElement)).toBe(true);
        // The focused element shows a visible focus ring.
        expect(await newCase.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
        await page.keyboard.press('Enter');
        await ui.heading('caseForm.newTitle').waitFor();
        expect(
          await ui.field('caseForm.title').evaluate((el) => el === document.activeElement),
        ).toBe(true);
        await page.keyboard.type('Keyboard-only case');
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { level: 1, name: 'Keyboard-only case' }).waitFor();
        // Focus moved to the new page's heading, then into the tab list; arrows move between tabs.
        await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
        await page.getByRole('tab', { name: t('workspace.tabs.overview') }).focus();
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('Enter');
        await expect
          .poll(() =>
            page
              .getByRole('tab', { name: t('workspace.tabs.persons') })
              .getAttribute('aria-selected'),
          )
          .toBe('true');
        await page.keyboard.press('End');
        await expect
          .poll(() =>
            page
              .getByRole('tab', { name: t('workspace.tabs.audit') })
              .getAttribute('aria-selected'),
          )
          .toBe('true');

        // ---- a testimony: the draft survives leaving the editor, and a failed save keeps every word ----
        await ui.tab('testimonies');
        await ui.button('testimonies.add').click();
        const statement = ui.field('testimonies.statement');
        await statement.fill('They came at dawn. draftcanary91');
        await ui.button('common.back').click();
        await ui.button('testimonies.add').click();
        expect(await statement.inputValue()).toBe('They came at dawn. draftcanary91');
        // Over the 1 MiB statement limit: main refuses it, the UI says why and keeps the text.
        const tooLong = `${'x'.repeat(1024 * 1024)} the end draftcanary91`;
        await statement.fill(tooLong);
        await page
          .getByRole('button', { name: t('testimonies.add'), exact: true })
          .last()
          .click();
        await ui.expectText(t('errors.INVALID_INPUT.title'));
        await ui.expectText(t('testimonies.keptText'));
        expect((await statement.inputValue()).length).toBe(tooLong.length);
        await statement.fill('They came at dawn. draftcanary91');

        // ---- evidence intake with per-file progress, cancelled half-way ----------------------------------
        await ui.tab('evidence');
        const files = await bigFiles(12, 96 * 1024 * 1024);
        app.dialogs.files.push(files);
        await ui.button('evidence.choose').click();
        await ui.button('evidence.intake', { count: files.length }).click();
        await page.locator('progress').first().waitFor();
        await ui.button('common.cancel').click();
        await ui.expectText(t('evidence.cancelled'));
        const items = await page.locator('.evidence-list > li').count();
        expect(items).toBeLessThan(files.length);
        expect(
          await page.getByText(t('progress.cancelled'), { exact: false }).count(),
        ).toBeGreaterThan(0);

        // ---- files dropped on the panel (main gets their paths from the preload, never the page) -------
        // Chromium gives a page's File objects no path; the bridge looks them up by name here.
        await page.evaluate(
          (paths) => {
            window.__vigilDropPaths = paths;
          },
          {
            'camera.jpg': resolve(import.meta.dirname, '../fixtures/metadata/camera.jpg'),
            'classic.pdf': resolve(import.meta.dirname, '../fixtures/metadata/classic.pdf'),
          },
        );
        const zone = page.getByTestId('evidence-drop-zone');
        await zone.evaluate((el) => {
          const data = new DataTransfer();
          data.items.add(new File(['jpeg'], 'camera.jpg', { type: 'image/jpeg' }));
          data.items.add(new File(['pdf'], 'classic.pdf', { type: 'application/pdf' }));
          el.dispatchEvent(
            new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }),
          );
          el.dispatchEvent(
            new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
          );
        });
        // A file the page made itself (no path) is refused with a plain message, and nothing is kept.
        await page.evaluate(() => {
          window.__vigilDropPaths = {};
        });
        await zone.evaluate((el) => {
          const data = new DataTransfer();
          data.items.add(new File(['x'], 'forged.jpg', { type: 'image/jpeg' }));
          el.dispatchEvent(
            new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
          );
        });
        await expect
          .poll(() => page.getByRole('alert').first().textContent())
          .toMatch(/Only files from your computer/);
        // ---- previews decrypted into memory: an image through a blob: URL, a PDF drawn by pdf.js --------
        await ui.button('evidence.intake', { count: 2 }).click();
        await ui.expectText(t('evidence.added', { count: 2 }));
        await page.locator('.evidence-entry', { hasText: 'camera.jpg' }).click();
        await ui.button('evidence.showPreview').click();
        const image = page.locator('img.preview-image');
        await image.waitFor();
        expect(await image.getAttribute('src')).toMatch(/^blob:/);
        await expect
          .poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth))
          .toBeGreaterThan(0);
        await page.locator('.evidence-entry', { hasText: 'classic.pdf' }).click();
        await ui.button('evidence.showPreview').click();
        const canvas = page.locator('canvas.pdf-page').first();
        await canvas.waitFor({ timeout: 30_000 });
        // Something was drawn: not every pixel of the page is the same colour.
        await expect
          .poll(() =>
            canvas.evaluate((c) => {
              const { data } = (c as HTMLCanvasElement)
                .getContext('2d')!
                .getImageData(
                  0,
                  0,
                  (c as HTMLCanvasElement).width,
                  (c as HTMLCanvasElement).height,
                );
              for (let i = 4; i < data.length; i += 4)
                if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2])
                  return true;
              return false;
            }),
          )
          .toBe(true);
        expect(cspViolations, cspViolations.join('\n')).toEqual([]);

        // ---- the vault locks from main (idle): the UI drops every screen and every draft ------------------
        await app.services.context.session.lock('idle');
        await ui.heading('unlock.title').waitFor();
        await ui.expectText(t('unlock.lockedBecause.idle'));
        expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain(
          'Keyboard-only case',
        );
        await ui.field('unlock.passphrase').fill(PASSPHRASE);
        await page.keyboard.press('Enter');
        await page.getByRole('button', { name: 'Keyboard-only case' }).click();
        await ui.tab('testimonies');
        await ui.button('testimonies.add').click();
        expect(await ui.field('testimonies.statement').inputValue()).toBe('');
      } finally {
        await app.close();
      }
    });
    it('issues a new recovery key from Settings, shown once with the written-copy check; the old key stops working', async () => {
      const app = await launchBridgedApp();
      const ui = new VigilPages(app, 'en');
      const { page, t } = ui;
      try {
        await page.goto(app.url);
        const folder = join(await tempDir('vigil-e2e-vault-'), 'vault');
        await ui.createVault(folder, PASSPHRASE);
        await ui.navigate('settings');
        await page.locator('#recovery-passphrase').fill(PASSPHRASE);
        await ui.button('settings.newRecoveryButton').click();
        await ui.heading('recoveryKey.title').waitFor({ timeout: 30_000 });
        const groups = await page.getByTestId('recovery-key').locator('span').allTextContents();
        await page.getByLabel(t('recoveryKey.writtenDown')).check();
        await ui.button('common.continue').click();
        const input = page.locator('#recovery-confirm');
        await input.fill(groups[Number(await input.getAttribute('data-group-index')) - 1]!);
        await ui.button('recoveryKey.confirm').click();
        await ui.expectText(t('settings.newRecoveryDone'));
        await ui.audit('settings-new-recovery-key');
        await app.services.context.session.lock('user');
        await recoverVault({
          dir: folder,
          recoveryKey: groups.join('-'),
          newPassphrase: 'a passphrase set by recovery',
        });
      } finally {
        await app.close();
      }
    });
  },
);
