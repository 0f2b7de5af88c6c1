import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getMechanismFacts, getSubmission } from '../../electron/core/dossier';
import { generateOrgKey } from '../../electron/core/pgp';
import { createCase, createPerson } from '../../electron/core/records';
import type { Result } from '../../shared/ipc/contract';
import { spMandate } from '../../shared/vocabularies/mandates';
import { tempDir } from '../helpers/tmp';
import { hasChromium, hasRenderer, launchBridgedApp } from './support/bridge';
import { VigilPages } from './support/pages';

const skip = !hasChromium || !hasRenderer;
if (skip)
  console.warn(
    'SKIPPED mechanisms UI test: Chromium or the built renderer is missing (see ui-flow.test.ts).',
  );

const PASSPHRASE = 'mechanism facts passphrase';
const WAIT = { timeout: 30_000 };
const mandateLabel = (id: string, language: 'en' | 'ar') =>
  spMandate.terms.find((term) => term.id === id)!.labels[language];

/**
 * Issue 16, part 2 in the UI: the case screen's "For the mechanisms" section
 * edits every fact (a State by its localised name, the final decision with its
 * days in the app's date input, another procedure, a beneficiary among the
 * case's persons, a mandate); the core's refusal shows next to its field in the
 * user's language with the focus on it; unsaved edits survive leaving the
 * screen (marked as a draft) and a reload keeps what was saved; the export
 * wizard's European Court arguments are saved as typed, the checklist follows,
 * and the export goes through. English, then Arabic (right to left) in the
 * same app; each save is read back from the vault with the core.
 */
describe.skipIf(skip)('mechanism facts and arguments (Chromium over the test bridge)', () => {
  it('edits facts and arguments in English and Arabic, nothing typed lost', async () => {
    const app = await launchBridgedApp({ locale: 'en-US' });
    let ui = new VigilPages(app, 'en');
    const { page } = ui;
    const call = async <T>(channel: string, input: unknown): Promise<T> => {
      const result = (await app.services.dispatch(channel, input)) as Result<T>;
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.value;
    };
    try {
      await page.goto(app.url);
      await ui.createVault(join(await tempDir('vigil-e2e-mechanisms-'), 'vault'), PASSPHRASE);
      const vault = app.services.context.session.requireVault();
      await generateOrgKey(vault, { name: 'Defenders Watch', email: 'cases@defenders.example' });
      const title = 'Prosecution of the Viasna lawyers';
      const caseId = (await createCase(vault, { title, countries: ['by'] })).id;
      const ales = await createPerson(vault, { name: 'Tamara Lichko' }, { caseId, role: 'victim' });
      await createPerson(vault, { name: 'Ihar Dubrou' }, { caseId, role: 'witness' });
      const openCase = async () => {
        await ui.navigate('cases');
        await page.getByRole('button', { name: title, exact: true }).first().click();
        await page.getByRole('heading', { level: 1, name: title }).waitFor(WAIT);
      };
      const isFocused = (field: ReturnType<typeof ui.field>) =>
        field.evaluate((el) => el === document.activeElement);
      const overviewNote = () =>
        page
          .getByRole('tab', { name: ui.t('workspace.tabs.overview'), exact: true })
          .evaluate((el) => {
            const id = el.getAttribute('aria-describedby');
            return id ? (document.getElementById(id)?.textContent ?? '') : '';
          });

      // ---- English: every kind of fact, a refusal next to its field, nothing lost on leaving ----
      // The list was drawn before the case was made in the vault: shown again, it lists it.
      await ui.navigate('settings');
      await openCase();
      let t = ui.t;
      await ui.heading('facts.title').waitFor(WAIT);
      await ui.button('facts.edit').click();
      await ui.field('common.addCountry').selectOption('LT');
      const lithuania = new Intl.DisplayNames(['en'], { type: 'region' }).of('LT')!;
      await page.locator('.chips').getByText(lithuania, { exact: true }).waitFor();
      await ui.field('facts.authority').fill('Supreme Court');
      await ui.field('facts.reference').fill('No. 12-34/2024');
      await ui.field('facts.decidedOn').fill('4 November 2024');
      // Notified before the decision: only the core can tell.
      await ui.field('facts.notifiedOn').fill('31 October 2024');
      await ui.field('facts.remedyStatus').selectOption('exhausted');
      await ui.button('facts.addProcedure').click();
      await ui.field('facts.procedureBody', { n: 1 }).fill('UN Human Rights Committee');
      await ui.field('facts.procedureDate').fill('2 December 2024');
      await page.getByLabel('Tamara Lichko', { exact: true }).check();
      await page.getByLabel(mandateLabel('expression', 'en'), { exact: true }).check();
      await ui.field('facts.victimKnowsGovernmentContacted').selectOption('yes');
      await ui.button('facts.save').click();
      const notified = ui.field('facts.notifiedOn');
      await ui.expectText(t('errors.fields.before-decision'));
      await expect.poll(() => isFocused(notified), WAIT).toBe(true);
      expect(await notified.getAttribute('aria-invalid')).toBe('true');
      expect((await getMechanismFacts(vault, caseId)).states).toEqual([]);
      await ui.audit('mechanism facts refused');
      await ui.screenshot('mechanism-facts-error', page.locator('.mechanism-facts'));

      // Left unsaved: marked on the Overview tab, and all there again on coming back.
      await ui.tab('persons');
      await expect.poll(overviewNote, WAIT).toBe(t('drafts.marker'));
      await ui.navigate('settings');
      await openCase();
      expect(await ui.field('facts.authority').inputValue()).toBe('Supreme Court');
      expect(await ui.field('facts.procedureBody', { n: 1 }).inputValue()).toBe(
        'UN Human Rights Committee',
      );
      expect(await page.getByLabel('Tamara Lichko', { exact: true }).isChecked()).toBe(true);
      await ui.field('facts.notifiedOn').fill('9 November 2024');
      await ui.button('facts.save').click();
      await ui.button('facts.edit').waitFor(WAIT);
      await expect.poll(overviewNote, WAIT).toBe('');
      const saved = await getMechanismFacts(vault, caseId);
      expect(saved).toMatchObject({
        states: ['LT'],
        finalDecision: {
          authority: 'Supreme Court',
          reference: 'No. 12-34/2024',
          decidedOn: '2024-11-04',
          notifiedOn: '2024-11-09',
        },
        remedies: { status: 'exhausted' },
        otherProcedures: [{ body: 'UN Human Rights Committee', date: '2024-12-02' }],
        beneficiaries: [ales.id],
        mandates: ['expression'],
        victimKnowsGovernmentContacted: true,
      });
      // A reload keeps what was saved, shown in words.
      await page.reload();
      await ui.heading('cases.title').waitFor(WAIT);
      await openCase();
      const facts = page.locator('.mechanism-facts');
      await expect.poll(() => facts.innerText(), WAIT).toContain(lithuania);
      expect(await facts.innerText()).toContain(mandateLabel('expression', 'en'));
      expect(await facts.innerText()).toContain('Tamara Lichko');
      await ui.audit('mechanism facts');

      // ---- the European Court's arguments: saved as typed, the checklist follows ----
      await ui.button('workspace.export').click();
      await ui.heading('export.title').waitFor();
      await page.getByLabel(t('export.templates.echr.label'), { exact: false }).check();
      const request = {
        caseId,
        template: 'echr',
        language: 'en',
        includePrivate: false,
        audience: { kind: 'mechanism', mechanism: 'echr' },
      };
      type Preview = {
        checklist: { label: string; ok: boolean; target: { kind: string; field: string } }[];
      };
      const violationsItem = (p: Preview) =>
        p.checklist.find((item) => item.target.field === 'violations')!;
      const before = violationsItem(await call<Preview>('dossier.preview', request));
      expect(before.ok).toBe(false);
      const steps = page.getByRole('navigation', { name: t('export.stepsLabel') });
      const step = (name: string) =>
        steps.getByRole('button', { name: new RegExp(`${t(`export.steps.${name}`)}$`) });
      await step('checklist').click();
      const item = page.locator('ul.checklist li').filter({ hasText: before.label });
      await expect.poll(() => item.getAttribute('data-ok'), WAIT).toBe('false');
      await step('template').click();
      await page.locator('details.submission > summary').click();
      await ui.button('arguments.addViolation').click();
      await ui.field('arguments.provision', { n: 1 }).fill('Article 11 of the Convention');
      await ui
        .field('arguments.argument', { n: 1 })
        .fill('The association was dissolved for its monitoring work. echrcanary41');
      await ui.expectText(t('submission.state.saved'));
      await step('checklist').click();
      // The "no violation" row gives way to the violation argued, present.
      const after = violationsItem(await call<Preview>('dossier.preview', request));
      expect(after.ok).toBe(true);
      const argued = page.locator('ul.checklist li').filter({ hasText: after.label });
      await expect.poll(() => argued.getAttribute('data-ok'), WAIT).toBe('true');
      expect(await item.count()).toBe(0);
      await ui.audit('export: echr checklist after the arguments');
      await step('signing').click();
      await ui.button('export.next').click();
      const out = join(await tempDir('vigil-e2e-mechanisms-out-'), 'echr-dossier');
      app.dialogs.saves.push(out);
      await ui.button('export.runDirectoryButton').click();
      const done = page.getByTestId('export-done');
      await done.or(page.getByRole('alert')).first().waitFor({ timeout: 60_000 });
      // A refusal is reported with its words rather than as a timeout.
      if ((await done.count()) === 0)
        await page.evaluate(() =>
          document.querySelectorAll('details').forEach((d) => (d.open = true)),
        );
      expect(await done.count(), await ui.visibleText()).toBe(1);
      expect((await getSubmission(vault, caseId, 'echr')).violations).toEqual([
        {
          provision: 'Article 11 of the Convention',
          argument: 'The association was dissolved for its monitoring work. echrcanary41',
        },
      ]);

      // ---- Arabic, right to left: a refusal in Arabic, a draft kept, a measure saved as typed ----
      const findings = [...ui.findings];
      await ui.navigate('settings');
      await page.locator('.language-picker select').first().selectOption('ar');
      ui = new VigilPages(app, 'ar');
      t = ui.t;
      await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      await openCase();
      const factsAr = page.locator('.mechanism-facts');
      const lithuaniaAr = new Intl.DisplayNames(['ar'], { type: 'region' }).of('LT')!;
      await expect.poll(() => factsAr.innerText(), WAIT).toContain(lithuaniaAr);
      expect(await factsAr.innerText()).toContain(mandateLabel('expression', 'ar'));
      await ui.button('facts.edit').click();
      await ui.field('common.addCountry').selectOption('BY');
      await ui.button('facts.addProcedure').click();
      await page.getByLabel(mandateLabel('hrd', 'ar'), { exact: true }).check();
      await page.getByLabel('Ihar Dubrou', { exact: true }).check();
      // The second procedure names no body: refused next to it, in Arabic.
      await ui.button('facts.save').click();
      const body = ui.field('facts.procedureBody', { n: 2 });
      await ui.expectText(t('errors.fields.required'));
      await expect.poll(() => isFocused(body), WAIT).toBe(true);
      await ui.audit('mechanism facts refused (ar)');
      await ui.screenshot('mechanism-facts-error', factsAr);
      await ui.tab('events');
      await expect.poll(overviewNote, WAIT).toBe(t('drafts.marker'));
      await ui.tab('overview');
      await ui
        .field('facts.procedureBody', { n: 2 })
        .fill('الفريق العامل المعني بالاحتجاز التعسفي');
      await ui.button('facts.save').click();
      await ui.button('facts.edit').waitFor(WAIT);
      const savedAr = await getMechanismFacts(vault, caseId);
      expect(savedAr.states).toEqual(['LT', 'BY']);
      expect(savedAr.otherProcedures.map((p) => p.body)).toEqual([
        'UN Human Rights Committee',
        'الفريق العامل المعني بالاحتجاز التعسفي',
      ]);
      expect([...savedAr.beneficiaries].sort()).toEqual(
        [
          ales.id,
          (await call<{ id: string; name: string }[]>('persons.list', { caseId })).find(
            (p) => p.name === 'Ihar Dubrou',
          )!.id,
        ].sort(),
      );
      expect(savedAr.mandates).toEqual(['expression', 'hrd']);

      await ui.button('workspace.export').click();
      await ui.heading('export.title').waitFor();
      await page.getByLabel(t('export.templates.iachr-precautionary.label')).check();
      await page.locator('details.submission > summary').click();
      await ui.field('arguments.risk').fill('تهديدات بالقتل بعد الجلسة. riskcanary17');
      await ui.button('arguments.addMeasure').click();
      await ui.field('arguments.measure', { n: 1 }).fill('حماية فورية للمحامية');
      // Left before the pause that saves: leaving saves it.
      await ui.button('export.next').click();
      await expect
        .poll(
          async () => (await getSubmission(vault, caseId, 'iachr-precautionary')).measures,
          WAIT,
        )
        .toEqual(['حماية فورية للمحامية']);
      expect((await getSubmission(vault, caseId, 'iachr-precautionary')).risk).toBe(
        'تهديدات بالقتل بعد الجلسة. riskcanary17',
      );
      await ui.audit('export: precautionary arguments (ar)');
      // The African Commission's: the Charter's articles invoked, saved as typed too.
      await ui.button('export.previous').click();
      await page.getByLabel(t('export.templates.achpr.label')).check();
      // Open already once arguments were saved in this wizard.
      const details = page.locator('details.submission');
      if (await details.evaluate((d) => !(d as HTMLDetailsElement).open))
        await details.locator('summary').click();
      await ui.button('arguments.addViolation').click();
      await ui.field('arguments.provision', { n: 1 }).fill('المادة 9 من الميثاق الأفريقي');
      await expect
        .poll(async () => (await getSubmission(vault, caseId, 'achpr')).violations, WAIT)
        .toEqual([{ provision: 'المادة 9 من الميثاق الأفريقي', argument: '' }]);
      // ---- The checklist's link for a mechanism fact, by keyboard: the facts editor, on that field ----
      await page.getByLabel(t('export.templates.iachr-precautionary.label')).check();
      // The wizard keeps the language chosen before (English): the document in Arabic here.
      await ui.field('export.language').selectOption('ar');
      const precautionary = await call<Preview>('dossier.preview', {
        ...request,
        template: 'iachr-precautionary',
        language: 'ar',
        audience: { kind: 'mechanism', mechanism: 'iachr' },
      });
      const informed = precautionary.checklist.find(
        (i) => i.target.field === 'authoritiesInformedOfRisk',
      )!;
      expect(informed).toMatchObject({ ok: false, target: { kind: 'case' } });
      await page
        .getByRole('navigation', { name: t('export.stepsLabel') })
        .getByRole('button', { name: new RegExp(`${t('export.steps.checklist')}$`) })
        .click();
      const complete = page
        .locator('ul.checklist li')
        .filter({ hasText: informed.label })
        .getByRole('button', { name: t('export.complete') });
      await complete.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: title }).waitFor(WAIT);
      const informedField = ui.field('facts.authoritiesInformedOfRisk');
      await expect.poll(() => isFocused(informedField), WAIT).toBe(true);
      await informedField.selectOption('yes');
      await ui.button('facts.save').click();
      await ui.button('facts.edit').waitFor(WAIT);
      expect((await getMechanismFacts(vault, caseId)).authoritiesInformedOfRisk).toBe(true);

      // ---- The urgent appeal's requests and addressees, in the wizard, saved as typed ----
      await ui.button('workspace.export').click();
      await ui.heading('export.title').waitFor();
      await page.getByLabel(t('export.templates.urgent-appeal.label')).check();
      await page.locator('details.submission > summary').click();
      await ui.button('arguments.appeal.addRequest').click();
      await ui.field('arguments.appeal.request', { n: 1 }).fill('الإفراج الفوري عن المحامية');
      await ui.button('arguments.appeal.addRequest').click();
      await ui.field('arguments.appeal.request', { n: 2 }).fill('Drop the charges. appealcanary5');
      await ui.button('arguments.appeal.addAddressee').click();
      await ui.field('arguments.appeal.addresseeName', { n: 1 }).fill('النائب العام');
      await ui
        .field('arguments.appeal.addresseeAddress', { n: 1 })
        .fill('Internatsionalnaya 22\nMinsk');
      await expect
        .poll(async () => await getSubmission(vault, caseId, 'urgent-appeal'), WAIT)
        .toEqual({
          requests: ['الإفراج الفوري عن المحامية', 'Drop the charges. appealcanary5'],
          addressees: [{ name: 'النائب العام', address: 'Internatsionalnaya 22\nMinsk' }],
        });
      await ui.expectText(t('submission.state.saved'));
      await ui.audit('export: urgent appeal (ar)');
      expect([...findings, ...ui.findings]).toEqual([]);
    } finally {
      await app.close();
    }
  }, 240_000);
});
