import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp';
import { hasChromium, hasRenderer, launchBridgedApp } from './support/bridge';
import { translator } from './support/locale';
import { VigilPages } from './support/pages';

const skip = !hasChromium || !hasRenderer;
if (skip)
  console.warn(
    'SKIPPED evidence media UI test: Chromium or the built renderer is missing (see ui-flow.test.ts).',
  );

const PASSPHRASE = 'evidence media passphrase for vigil';
const MEDIA = resolve(import.meta.dirname, '../fixtures/metadata/media');

// A phone video (GPS in three places, camera make and model, telemetry tracks) and a voice note,
// as defenders send them: the evidence panel shows what each reveals, and stripping shows the
// before and after with nothing revealing kept. In English and in Arabic (the layout mirrored).
describe.skipIf(skip)(
  'audio and video evidence in the UI, in Chromium over the test bridge',
  () => {
    for (const language of ['en', 'ar'] as const) {
      it(`${language}: a phone video's position and camera, then its before/after; a voice note`, async () => {
        const app = await launchBridgedApp({ locale: language === 'ar' ? 'ar' : 'en-US' });
        const ui = new VigilPages(app, language);
        const { page, t } = ui;
        try {
          const folder = await tempDir('vigil-e2e-media-');
          await page.goto(app.url);
          if (language !== 'en') {
            // The first screen may open in English (the settings' default): switch there.
            const english = translator('en');
            const inEnglish = page.getByRole('heading', { name: english('welcome.title') });
            await inEnglish.or(ui.heading('welcome.title')).first().waitFor();
            if (await inEnglish.isVisible())
              await page
                .getByLabel(english('settings.language'), { exact: true })
                .selectOption(language);
          }
          await ui.createVault(join(folder, 'vault'), PASSPHRASE);
          await ui.button('cases.new').click();
          await ui.field('caseForm.title').fill('Media case');
          await page.keyboard.press('Enter');
          await page.getByRole('heading', { level: 1, name: 'Media case' }).waitFor();
          await ui.tab('evidence');

          app.dialogs.files.push([join(MEDIA, 'phone.mov'), join(MEDIA, 'voice.opus')]);
          await ui.button('evidence.choose').click();
          await ui.button('evidence.intake', { count: 2 }).click();
          await ui.expectText(t('evidence.added', { count: 2 }));

          // ---- the video: where it was filmed and with what ---------------------------------
          await page.getByRole('button', { name: /phone\.mov/ }).click();
          await page.getByRole('heading', { level: 3, name: 'phone.mov' }).waitFor();
          const location = page.locator('.metadata-group[data-group="location"]');
          await expect.poll(() => location.innerText()).toContain('+48.8584+002.2945');
          expect(await location.getByTestId('risk-flag').count()).toBeGreaterThan(2);
          const device = page.locator('.metadata-group[data-group="device"]');
          expect(await device.innerText()).toContain('CANARY-KEYS-MODEL-h2');
          expect(await ui.visibleText()).not.toContain(t('metadata.unreadable'));
          await ui.audit('evidence video');

          await ui.button('evidence.strip').click();
          await ui.heading('strip.title').waitFor({ timeout: 60_000 });
          const rows = (group: string, after: 'kept' | 'removed') =>
            page.locator(`.strip-table tbody[data-group="${group}"] tr[data-after="${after}"]`);
          await expect.poll(() => rows('location', 'removed').count()).toBeGreaterThan(2);
          for (const group of ['location', 'people', 'device'])
            expect(await rows(group, 'kept').count(), `${group} fields kept`).toBe(0);
          expect(await page.locator('.strip-table').innerText()).toContain(t('metadata.removed'));
          await ui.audit('video before/after');
          await ui.screenshot('evidence-video-stripped', page.locator('.strip-comparison'));

          // ---- the voice note: its encoder is shown, and it strips too ----------------------
          await page.getByRole('button', { name: /voice\.opus/ }).click();
          await page.getByRole('heading', { level: 3, name: 'voice.opus' }).waitFor();
          await expect
            .poll(() => page.locator('.metadata-group[data-group="software"]').innerText())
            .toContain('libopus');
          await ui.button('evidence.strip').click();
          await ui.heading('strip.title').waitFor({ timeout: 60_000 });
          await expect.poll(() => rows('software', 'removed').count()).toBeGreaterThan(0);
          await ui.audit('voice note before/after');
          expect(ui.findings, JSON.stringify(ui.findings, null, 2)).toEqual([]);
        } finally {
          await app.close();
        }
      }, 240_000);
    }
  },
);
