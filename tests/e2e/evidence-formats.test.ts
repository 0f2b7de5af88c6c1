import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp';
import { checkVault } from '../../electron/core';
import { listEvidence } from '../../electron/core/evidence';
import {
  createCase,
  createPerson,
  deleteCase,
  deletePerson,
  listCases,
  listPersons,
} from '../../electron/core/records';
import { plainZip } from '../unit/metadata/helpers';
import { hasChromium, hasRenderer, launchBridgedApp } from './support/bridge';
import { VigilPages } from './support/pages';

const skip = !hasChromium || !hasRenderer;
if (skip)
  console.warn(
    'SKIPPED evidence formats UI test: Chromium or the built renderer is missing (see ui-flow.test.ts).',
  );

const PASSPHRASE = 'evidence formats passphrase for vigil';
const FIXTURES = resolve(import.meta.dirname, '../fixtures/metadata');
const DOCX = resolve(FIXTURES, 'office/evidence.docx');

describe.skipIf(skip)('evidence formats in the UI, in Chromium over the test bridge', () => {
  it('says it cannot read a ZIP archive\'s metadata (never "No metadata found"); shows a DOCX\'s author and its before/after; strips and deletes a selection as a batch (English, Arabic)', async () => {
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

      // ---- batch: three chosen (a photo with GPS, a PNG, a ZIP that cannot be stripped) ---------
      app.dialogs.files.push([resolve(FIXTURES, 'camera.jpg'), resolve(FIXTURES, 'meta.png')]);
      await ui.button('evidence.choose').click();
      await ui.button('evidence.intake', { count: 2 }).click();
      const box = (pages: VigilPages, name: string) =>
        page.getByRole('checkbox', {
          name: pages.t('evidence.batch.select', { name }),
          exact: true,
        });
      await box(ui, 'meta.png').waitFor();
      await ui.expectText(t('evidence.batch.selected', { count: 0 }));
      // By keyboard: focus and Space.
      await box(ui, 'camera.jpg').focus();
      await page.keyboard.press('Space');
      await box(ui, 'meta.png').check();
      await box(ui, 'archive.zip').check();
      await ui.expectText(t('evidence.batch.selected', { count: 3 }));
      await ui.audit('evidence list with a selection');
      await ui.button('evidence.batch.strip').click();
      const result = page.getByTestId('strip-batch-result');
      await result.waitFor({ timeout: 60_000 });
      const status = (name: string) =>
        result.locator('li', { hasText: name }).first().getAttribute('data-status');
      expect(await status('camera.jpg')).toBe('stripped');
      expect(await status('meta.png')).toBe('stripped');
      expect(await status('archive.zip')).toBe('unsupported');
      expect(await result.innerText()).toContain(t('evidence.batch.status.unsupported'));
      await ui.audit('batch strip result');
      await ui.screenshot('evidence-batch-result', page.getByTestId('activity-area'));
      // The photo's working copy carries no place any more; the ZIP has none at all.
      const vault = app.services.context.session.requireVault();
      const listed = async () => listEvidence(vault, (await listCases(vault))[0]!.id);
      const photo = (await listed()).find((i) => i.originalName === 'camera.jpg')!;
      const copy = (await listed()).find((i) => i.parentId === photo.id)!;
      expect(copy.metadata.filter((f) => f.risky)).toEqual([]);
      const unstrippable = (await listed()).find((i) => i.originalName === 'archive.zip')!;
      expect(unstrippable.derivatives).toEqual([]);
      // The selection outlives the list's refresh.
      await ui.expectText(t('evidence.batch.selected', { count: 3 }));

      // ---- in Arabic: a second batch cancelled midway, then two deleted with one question ---
      await ui.navigate('settings');
      await page.locator('.language-picker select').first().selectOption('ar');
      const ar = new VigilPages(app, 'ar');
      await ar.heading('settings.title').waitFor();
      await ar.navigate('cases');
      await page.getByRole('button', { name: 'Formats case', exact: true }).click();
      await ar.tab('evidence');
      // A selection belongs to the list it was made in: the case opened again starts with none.
      await ar.expectText(ar.t('evidence.batch.selected', { count: 0 }));
      const more = ['progressive.jpg', 'meta.webp', 'anim.gif'];
      app.dialogs.files.push(more.map((f) => resolve(FIXTURES, f)));
      await ar.button('evidence.choose').click();
      await ar.button('evidence.intake', { count: 3 }).click();
      for (const name of more) await box(ar, name).check();
      // The batch is held when it reaches its second file (the core's own writer check),
      // so the cancel lands while that file is in progress, whatever the machine's speed.
      let release = () => {};
      const held = new Promise<void>((r) => (release = r));
      let reached = () => {};
      const atSecond = new Promise<void>((r) => (reached = r));
      const ensureWriter = vault.ensureWriter.bind(vault);
      let calls = 0;
      vault.ensureWriter = async () => {
        calls += 1;
        if (calls === 3) {
          reached();
          await held;
        }
        return ensureWriter();
      };
      try {
        await ar.button('evidence.batch.strip').click();
        await atSecond;
        const area = page.getByTestId('activity-area');
        const number = (n: number) => new Intl.NumberFormat('ar').format(n);
        await ar.expectText(ar.t('activity.filesDone', { done: number(1), total: number(3) }));
        await ar.audit('batch strip in progress');
        await area
          .getByRole('button', { name: new RegExp(`^${ar.t('common.cancel')}`) })
          .first()
          .click();
      } finally {
        release();
      }
      await ar.expectText(ar.t('evidence.batch.cancelled'));
      vault.ensureWriter = ensureWriter;
      const cancelled = page.getByTestId('strip-batch-result');
      expect(await cancelled.locator('li').count()).toBe(2);
      const copies = (name: string) => {
        return listed().then((items) => {
          const original = items.find((i) => i.originalName === name)!;
          return items.filter((i) => i.parentId === original.id).length;
        });
      };
      // The file in progress finished whole; the third was not touched.
      expect([await copies(more[0]!), await copies(more[1]!), await copies(more[2]!)]).toEqual([
        1, 1, 0,
      ]);
      expect((await checkVault(vault)).ok).toBe(true);

      await ar.button('evidence.batch.clear').click();
      await box(ar, 'camera.jpg').check();
      await box(ar, 'meta.png').check();
      await ar.button('evidence.batch.delete').click();
      const question = page.getByRole('dialog');
      await question.waitFor();
      const asked = await question.innerText();
      expect(asked).toContain(ar.t('evidence.batch.deleteMessage', { count: 2 }));
      expect(asked).toContain('camera.jpg');
      expect(asked).toContain('meta.png');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
        ar.t('common.cancel'),
      );
      await ar.audit('batch delete question');
      await ar.screenshot('evidence-batch-delete', question);
      await question
        .getByRole('button', { name: ar.t('evidence.batch.deleteConfirm'), exact: true })
        .click();
      await ar.expectText(ar.t('evidence.batch.moved', { n: 2 }));
      await box(ar, 'camera.jpg').waitFor({ state: 'detached' });
      expect((await listed()).map((i) => i.originalName)).not.toContain('meta.png');

      // ---- the Trash: a file back; a person back while their case is still there -------------
      const other = await createCase(vault, { title: 'Case left in the Trash' });
      const person = await createPerson(
        vault,
        { name: 'Amina Haddad' },
        { caseId: other.id, role: 'witness' },
      );
      await deletePerson(vault, person.id);
      await deleteCase(vault, other.id);
      await page
        .getByRole('navigation')
        .getByRole('button', { name: ar.t('nav.trash'), exact: true })
        .click();
      await ar.heading('trash.title').waitFor();
      const restoreIn = (text: string) =>
        page
          .getByRole('row')
          .filter({ hasText: text })
          .getByRole('button', { name: new RegExp(`^${ar.t('trash.restore')}`) })
          .first();
      await restoreIn('camera.jpg').click();
      await ar.expectText(ar.t('trash.restored', { kind: ar.t('trash.kinds.evidence') }));
      expect((await listed()).map((i) => i.originalName)).toContain('camera.jpg');
      await restoreIn('Amina Haddad').click();
      await ar.expectText(ar.t('trash.restored', { kind: ar.t('trash.kinds.person') }));
      await ar.expectText(
        ar.t('trash.waiting', { label: `${other.reference} Case left in the Trash` }),
      );
      await ar.audit('person restored, case still in the trash');
      expect((await listPersons(vault)).map((p) => p.name)).toContain('Amina Haddad');
      expect([...ui.findings, ...ar.findings]).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
