import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCase, listEvents } from '../../electron/core/records';
import { tempDir } from '../helpers/tmp';
import { hasChromium, hasRenderer, launchBridgedApp } from './support/bridge';
import { eventually, VigilPages } from './support/pages';

const skip = !hasChromium || !hasRenderer;
if (skip)
  console.warn(
    'SKIPPED dates UI test: Chromium or the built renderer is missing (see ui-flow.test.ts).',
  );

const PASSPHRASE = 'partial dates passphrase for vigil';

/**
 * Issue 14, point 4: one date input everywhere, in English, Arabic and
 * Russian (one app, one vault, the language changed in Settings). Its own
 * example is accepted and read as day first; 03/04 is 3 April; what it
 * understood is read back in words before saving; a qualifier typed once
 * does not stick to the next date, nor to the next new event; no browser
 * date picker is left (the consent and follow-up days are typed the same way).
 */
describe.skipIf(skip)('the date input (Chromium, real vault)', () => {
  it('en, ar, ru: reads its own examples day first, reads back, carries no qualifier over', async () => {
    const app = await launchBridgedApp({ locale: 'en-US' });
    const en = new VigilPages(app, 'en');
    const { page } = en;
    const findings: unknown[] = [];
    let current = en;
    try {
      await page.goto(app.url);
      await en.createVault(join(await tempDir('vigil-e2e-dates-'), 'vault'), PASSPHRASE);
      const vault = app.services.context.session.requireVault();
      const title = 'Ayşe Demirtaş, Qamishli';
      const caseId = (await createCase(vault, { title, countries: ['sy'] })).id;

      for (const language of ['en', 'ar', 'ru'] as const) {
        const ui = new VigilPages(app, language);
        const { t } = ui;
        await current.navigate('settings');
        if (language !== 'en')
          await page.locator('.language-picker select').first().selectOption(language);
        await ui.heading('settings.title').waitFor();
        current = ui;
        /** A day as this language writes it, from the browser's own Intl (as the app does). */
        const words = (value: string) =>
          page.evaluate(
            ([lang, v]) => {
              const [y, m, d] = v.split('-').map(Number) as [number, number?, number?];
              return new Intl.DateTimeFormat(lang, {
                year: 'numeric',
                ...(m ? { month: 'long' } : {}),
                ...(d ? { day: 'numeric' } : {}),
                timeZone: 'UTC',
              }).format(new Date(Date.UTC(y, (m ?? 1) - 1, d ?? 1)));
            },
            [language, value] as const,
          );

        await ui.navigate('cases');
        await page.getByRole('button', { name: title }).first().click();
        await ui.tab('events');
        await ui.button('events.add').first().click();
        await ui.heading('events.addTitle').waitFor();
        const start = page.getByRole('group', { name: t('events.start') });
        const when = start.getByLabel(t('dates.input.when'));
        const certainty = start.getByLabel(t('dates.input.certainty'));
        // A new event starts exact, with nothing carried from anywhere.
        expect(await certainty.inputValue()).toBe('exact');
        expect(await when.inputValue()).toBe('');

        // The example the field shows is accepted, and read as 15 March.
        const placeholder = (await when.getAttribute('placeholder'))!;
        expect(placeholder).toBe(t('dates.input.placeholder'));
        const example = /\d{2}[./]\d{2}[./]\d{4}/.exec(placeholder)![0];
        await when.fill(example);
        await expect
          .poll(() => start.innerText())
          .toContain(t('dates.input.understood', { date: await words('2024-03-15') }));
        // Day first in every language: 03/04/2024 is 3 April.
        const separator = example[2]!;
        await when.fill(['03', '04', '2024'].join(separator));
        await expect
          .poll(() => start.innerText())
          .toContain(t('dates.input.understood', { date: await words('2024-04-03') }));

        // A qualifier typed in the text sets the menu and the reading...
        const before = t('dates.words.before').split('|')[0]!;
        await when.fill(`${before} 2020`);
        await expect.poll(() => certainty.inputValue()).toBe('before');
        await expect
          .poll(() => start.innerText())
          .toContain(
            t('dates.input.understood', { date: t('dates.before', { date: await words('2020') }) }),
          );
        // ...and goes with the word: the next date typed is exact.
        await when.fill('2021');
        await expect.poll(() => certainty.inputValue()).toBe('exact');
        await expect
          .poll(() => start.innerText())
          .toContain(t('dates.input.understood', { date: await words('2021') }));

        // A qualifier chosen in the menu is read back with the date before saving, and saved.
        await when.fill(example);
        await certainty.selectOption('approximate');
        const approx = t('dates.input.understood', {
          date: t('dates.approximate', { date: await words('2024-03-15') }),
        });
        await expect.poll(() => start.innerText()).toContain(approx);
        await ui.audit('event editor with a date read back');
        await ui.screenshot('date-input', start);
        const eventTitle = `Qamishli ${language}`;
        await ui.field('events.titleField').fill(eventTitle);
        await page.locator('form button[type="submit"]').click();
        await ui.heading('events.addTitle').waitFor({ state: 'detached' });
        const saved = await eventually(
          async () => (await listEvents(vault, { caseId })).find((e) => e.title === eventTitle),
          Boolean,
          'the event is saved',
        );
        expect(saved!.start).toEqual({ value: '2024-03-15', qualifier: 'approximate' });
        // The next new event does not inherit "approximate".
        await ui.button('events.add').first().click();
        await ui.heading('events.addTitle').waitFor();
        expect(await certainty.inputValue()).toBe('exact');
        expect(await when.inputValue()).toBe('');
        await ui.button('common.discard').click();

        // No browser date picker anywhere: consent days are typed like any date.
        await ui.tab('persons');
        await ui.button('persons.add').first().click();
        await ui.heading('persons.addTitle').waitFor();
        await page.getByLabel(t('persons.recordConsent')).check();
        await page.getByLabel(t('consent.withdrawn')).check();
        const givenOn = page.getByLabel(t('consent.givenOn'), { exact: true });
        const dayExample = /\d{2}[./]\d{2}[./]\d{4}/.exec(
          (await givenOn.getAttribute('placeholder'))!,
        )![0];
        await givenOn.fill(dayExample);
        const field = page.locator('.field', { has: givenOn });
        await expect
          .poll(() => field.innerText())
          .toContain(t('dates.input.understood', { date: await words('2024-03-15') }));
        await givenOn.fill(`${before} 2020`);
        await expect.poll(() => field.innerText()).toContain(t('dates.input.notADay'));
        expect(await page.locator('input[type="date"]').count()).toBe(0);
        await ui.audit('consent with typed days');
        await ui.button('common.discard').click();
        await ui.tab('interventions');
        await ui.button('interventions.add').first().click();
        await ui.heading('interventions.addTitle').waitFor();
        expect(
          await page
            .getByLabel(t('interventions.followUpOn'), { exact: true })
            .getAttribute('type'),
        ).toBe('text');
        expect(await page.locator('input[type="date"]').count()).toBe(0);
        await ui.button('common.discard').click();
        findings.push(...ui.findings);
      }
      expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);
    } finally {
      await app.close();
    }
  }, 300_000);
});
