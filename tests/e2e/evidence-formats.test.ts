import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp';
import { plainZip } from '../unit/metadata/helpers';
import { hasChromium, hasRenderer, launchBridgedApp } from './support/bridge';
import { VigilPages } from './support/pages';

const skip = !hasChromium || !hasRenderer;
if (skip)
  console.warn(
    'SKIPPED evidence formats UI test: Chromium or the built renderer is missing (see ui-flow.test.ts).',
  );

const PASSPHRASE = 'evidence formats passphrase for vigil';
const DOCX = resolve(import.meta.dirname, '../fixtures/metadata/office/evidence.docx');

describe.skipIf(skip)('evidence formats in the UI, in Chromium over the test bridge', () => {
  it('says it cannot read a ZIP archive\'s metadata (never "No metadata found"); shows a DOCX\'s author and its before/after', async () => {
    const app = await launchBridgedApp();
    const ui = new VigilPages(app, 'en');
    const { page, t } = ui;
    try {
      const folder = await tempDir('vigil-e2e-formats-');
      const zip = join(folder, 'archive.zip');
      await writeFile(zip, await plainZip());
      await page.goto(app.url);
      await ui.createVault(join(folder, 'vault'), PASSPHRASE);
      await ui.button('cases.new').click();
      await ui.field('caseForm.title').fill('Formats case');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Formats case' }).waitFor();
      await ui.tab('evidence');

      app.dialogs.files.push([zip]);
      await ui.button('evidence.choose').click();
      await ui.button('evidence.intake', { count: 1 }).click();
      await ui.expectText(t('evidence.added', { count: 1 }));
      await page.getByRole('heading', { level: 3, name: 'archive.zip' }).waitFor();
      const unreadable = page.getByTestId('metadata-unreadable');
      await unreadable.waitFor();
      expect(await unreadable.innerText()).toContain(t('metadata.unreadable'));
      expect(await ui.visibleText()).not.toContain(t('metadata.none'));
      await ui.expectText(t('evidence.unreadableShort'));
      await ui.audit('evidence that cannot be read');

      await ui.button('evidence.strip').click();
      await ui.expectText(t('evidence.cannotStrip.title'));
      // The generic "file or key" wording would mislead here.
      expect(await ui.visibleText()).not.toContain(t('errors.UNSUPPORTED.title'));
      await page.getByRole('alert').getByText(t('errors.details'), { exact: true }).click();
      await ui.expectText('ZIP archive');
      await ui.audit('strip refused');

      // ---- an evidence DOCX: its author, tracked changes, then the before/after ---------------
      app.dialogs.files.push([DOCX]);
      await ui.button('evidence.choose').click();
      await ui.button('evidence.intake', { count: 1 }).click();
      await page.getByRole('button', { name: /evidence\.docx/ }).click();
      await page.getByRole('heading', { level: 3, name: 'evidence.docx' }).waitFor();
      const people = page.locator('.metadata-group[data-group="people"]');
      await expect.poll(() => people.innerText()).toContain('CANARY-AUTHOR-T');
      expect(await people.innerText()).toContain('CANARY-COMPANY-D');
      expect(await people.getByTestId('risk-flag').count()).toBeGreaterThan(2);
      await expect
        .poll(() => page.locator('.metadata-group[data-group="location"]').innerText())
        .toContain('48.8584');
      expect(await ui.visibleText()).not.toContain(t('metadata.unreadable'));
      await ui.audit('evidence docx');
      await ui.screenshot('evidence-docx', page.locator('.evidence-pane'));
      // Tracked changes: refused unless the user accepts them.
      const accept = page.getByLabel(t('evidence.acceptChanges'));
      await accept.waitFor();
      await ui.button('evidence.strip').click();
      await ui.expectText(t('evidence.cannotStrip.title'));
      await page.getByRole('alert').getByText(t('errors.details'), { exact: true }).click();
      await ui.expectText('tracked change');
      await accept.check();
      await ui.button('evidence.strip').click();
      await ui.heading('strip.title').waitFor({ timeout: 60_000 });
      const peopleRows = page.locator('.strip-table tbody[data-group="people"]');
      await expect.poll(() => peopleRows.innerText()).toContain('CANARY-AUTHOR-T');
      expect(
        await page.locator('.strip-table tbody[data-group="people"] tr[data-after="kept"]').count(),
      ).toBe(0);
      expect(
        await page
          .locator('.strip-table tbody[data-group="location"] tr[data-after="kept"]')
          .count(),
      ).toBe(0);
      expect(await peopleRows.innerText()).toContain(t('metadata.removed'));
      // Kept on purpose, in words: the field's name and why, the core's English only as details.
      await ui.expectText(t('strip.keptReasons.properties-expected'));
      expect(await page.locator('.strip-comparison').innerText()).not.toContain(
        'Document properties (empty)',
      );
      await ui.audit('docx before/after');
      await ui.screenshot('evidence-docx-stripped', page.locator('.strip-comparison'));
      expect(ui.findings).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
