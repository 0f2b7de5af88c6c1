import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyBackup } from '../../electron/core';
import { createCase, createEvent, createIntervention } from '../../electron/core/records';
import { deadlineRule } from '../../shared/deadlines';
import { tempDir } from '../helpers/tmp';
import { hasChromium, hasRenderer, launchBridgedApp } from './support/bridge';
import { VigilPages } from './support/pages';

const skip = !hasChromium || !hasRenderer;
if (skip)
  console.warn(
    `SKIPPED backup and due screens end to end: ${!hasChromium ? 'Chromium is not installed (apt-get install chromium)' : 'the renderer is not built (npx electron-vite build)'}.`,
  );

const PASSPHRASE = 'correct horse battery staple vigil';

describe.skipIf(skip)('backup from Settings and the due screen (Chromium, real vault)', () => {
  for (const language of ['en', 'ar'] as const) {
    it(`${language}: overdue deadlines on the due screen and in the case list; back up now from Settings`, async () => {
      const app = await launchBridgedApp({ locale: language === 'ar' ? 'ar' : 'en-US' });
      const ui = new VigilPages(app, language);
      const { page, t } = ui;
      try {
        // No language chosen yet: the app follows the system's (Chromium's locale).
        await page.goto(app.url);
        const work = await tempDir('vigil-e2e-backup-');
        await ui.createVault(join(work, 'vault'), PASSPHRASE);
        const vault = app.services.context.session.requireVault();
        const late = await createCase(vault, { title: 'Juicio en Lima', countries: ['PE'] });
        await createEvent(vault, late.id, {
          eventType: 'final-domestic-decision',
          start: { value: '2023-08-31', qualifier: 'exact' },
        });
        const later = await createCase(vault, { title: 'Арест в Москве' });
        await createIntervention(vault, later.id, {
          interventionType: 'urgent-appeal',
          followUpOn: '2099-03-01',
        });

        const nav = (key: string) =>
          page.getByRole('navigation').getByRole('button', { name: t(key), exact: true });
        await nav('nav.due').click();
        await ui.heading('due.title').waitFor();
        await ui.expectText(late.reference);
        await ui.expectText(deadlineRule('iachr-petition')!.labels[language]);
        await ui.expectText(later.reference);
        await ui.expectText(t('due.followUp'));
        await ui.expectText(t('backup.reminderNever'));
        // Overdue first: the late case's line comes before the later one.
        const text = await ui.visibleText();
        expect(text.indexOf(late.reference)).toBeLessThan(text.indexOf(later.reference));
        await ui.audit('due');

        await ui.navigate('cases');
        await ui.heading('cases.title').waitFor();
        const lateRow = page.getByRole('row').filter({ hasText: late.reference });
        await expect
          .poll(() => lateRow.getByText(t('due.overdueMarker'), { exact: true }).count())
          .toBe(1);
        const laterRow = page.getByRole('row').filter({ hasText: later.reference });
        expect(await laterRow.getByText(t('due.overdueMarker'), { exact: true }).count()).toBe(0);

        await ui.navigate('settings');
        await ui.heading('backup.title').waitFor();
        await ui.expectText(t('backup.never'));
        const out = join(work, 'chosen.vigilbackup');
        app.dialogs.saves.push(out);
        await ui.button('backup.now').click();
        await ui.expectText('chosen.vigilbackup');
        await expect.poll(() => ui.visibleText()).not.toContain(t('backup.never'));
        expect((await stat(out)).mode & 0o777).toBe(0o600);
        const summary = await verifyBackup(out, { passphrase: PASSPHRASE });
        expect(summary.records.cases).toBe(2);
        await ui.audit('settings-backup');
        expect(ui.findings).toEqual([]);
      } finally {
        await app.close();
      }
    }, 300_000);
  }
});
