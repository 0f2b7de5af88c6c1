import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
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

describe.skipIf(skip)('evidence the UI cannot read, in Chromium over the test bridge', () => {
  it('says it cannot read a ZIP archive\'s metadata (never "No metadata found") and why stripping fails', async () => {
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
      expect(ui.findings).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
