import { spawnSync } from 'node:child_process';
import { copyFile } from 'node:fs/promises';
import { basename, join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasTool } from '../helpers/peers';
import { tempDir } from '../helpers/tmp';
import { hasChromium, hasRenderer, launchBridgedApp } from './support/bridge';
import type { UiLanguage } from './support/locale';
import { VigilPages } from './support/pages';
import {
  filesContaining,
  heapContains,
  pageStorage,
  profileFilesContaining,
} from './support/storage';

const skip = !hasChromium || !hasRenderer;
if (skip) {
  console.warn(
    `SKIPPED UI end-to-end flow: ${!hasChromium ? 'Chromium is not installed (apt-get install chromium)' : 'the renderer is not built (npx electron-vite build)'}.`,
  );
}

const JPEG_WITH_GPS = resolve(import.meta.dirname, '../fixtures/metadata/camera.jpg');
const PASSPHRASE = 'correct horse battery staple vigil';

/** Case content the test types; none of it may remain anywhere once the vault is locked. */
function canaries(language: UiLanguage) {
  const tag = language === 'ar' ? 'ar' : 'en';
  return {
    caseTitle:
      language === 'ar'
        ? `احتجاز المدافعة casecanary${tag}7f3a`
        : `Detention of a defender casecanary${tag}7f3a`,
    victim: language === 'ar' ? 'سلمى يوسف' : 'Salma Youssef',
    witness: 'Leila Haddad',
    witnessInitials: 'L. H.',
    statementWord: `quartzflamingo${tag}41`,
    statement:
      language === 'ar'
        ? `رأيت رجالاً بملابس مدنية يقتادونها من المكتب. quartzflamingo${tag}41 كانت الساعة التاسعة صباحاً.`
        : `I saw men in plain clothes take her from the office. quartzflamingo${tag}41 It was nine in the morning.`,
    eventTitle:
      language === 'ar'
        ? `القبض عليها في المكتب eventcanary${tag}`
        : `Arrest at the office eventcanary${tag}`,
    dateText: language === 'ar' ? 'مارس 2024' : 'March 2024',
  };
}

describe.skipIf(skip)('the Vigil UI end to end (Chromium over the test bridge, real vault)', () => {
  for (const language of ['en', 'ar'] as const) {
    it(`${language}: create → record → evidence → strip → search → timeline → lock → unlock${language === 'ar' ? ', with the layout mirrored' : ''}`, async () => {
      const profile = await tempDir('vigil-e2e-profile-');
      const app = await launchBridgedApp({
        locale: language === 'ar' ? 'ar' : 'en-US',
        userDataDir: profile,
      });
      const ui = new VigilPages(app, language);
      const { page, t } = ui;
      const c = canaries(language);
      // A photo whose metadata names the witness (made with exiftool, when it is installed).
      let named: string | null = null;
      if (hasTool('exiftool')) {
        named = join(await tempDir('vigil-e2e-named-'), 'named.jpg');
        await copyFile(JPEG_WITH_GPS, named);
        const tagged = spawnSync('exiftool', [
          '-q',
          '-overwrite_original',
          `-Artist=${c.witness}`,
          named,
        ]);
        expect(tagged.status).toBe(0);
      }
      // A step of the export wizard, by its exact label ("5 Evidence").
      const stepButton = (step: string) =>
        page.getByRole('button', {
          name: new RegExp(
            `^\\d+\\s+${t(`export.steps.${step}`).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`,
          ),
        });
      try {
        await page.goto(app.url);

        // ---- welcome, language ------------------------------------------------------------
        // No language chosen yet: the first screen follows the system's (Chromium's locale).
        await ui.heading('welcome.title').waitFor();
        expect(
          await page.evaluate(() => [
            document.documentElement.lang,
            document.documentElement.dir,
            getComputedStyle(document.body).direction,
          ]),
        ).toEqual(language === 'ar' ? ['ar', 'rtl', 'rtl'] : ['en', 'ltr', 'ltr']);
        await ui.audit('welcome');
        await ui.screenshot('welcome');

        // ---- create the vault ---------------------------------------------------------------
        await ui.button('welcome.create').click();
        await ui.heading('create.title').waitFor();
        app.dialogs.folders.push(join(await tempDir('vigil-e2e-vault-'), 'vault'));
        await ui.button('create.choose').click();
        await ui.button('create.chooseAgain').waitFor();
        await ui.field('passphrase.new').fill(PASSPHRASE);
        await ui.field('passphrase.confirm').fill(PASSPHRASE);
        await ui.audit('create vault');
        await ui.screenshot('create-vault');
        await ui.button('create.submit').click();

        // ---- the recovery key, shown once, then confirmed ------------------------------------
        await ui.heading('recoveryKey.title').waitFor({ timeout: 30_000 });
        const groups = await page.getByTestId('recovery-key').locator('span').allTextContents();
        expect(groups).toHaveLength(14);
        // Each group carries its number, in the UI's digits: the check asks for one by number.
        expect(
          await page.getByTestId('recovery-key').locator('.key-index').allTextContents(),
        ).toEqual(groups.map((_, i) => new Intl.NumberFormat(language).format(i + 1)));
        await ui.audit('recovery key');
        await ui.screenshot('recovery-key');
        await expect.poll(() => ui.button('common.continue').isDisabled()).toBe(true);
        await page.getByLabel(t('recoveryKey.writtenDown')).check();
        await ui.button('common.continue').click();
        const input = page.locator('#recovery-confirm');
        const asked = Number(await input.getAttribute('data-group-index'));
        await input.fill('WRONG');
        await ui.button('recoveryKey.confirm').click();
        await ui.expectText(t('recoveryKey.wrong'));
        await input.fill(groups[asked - 1]!.toLowerCase());
        await ui.button('recoveryKey.confirm').click();

        // ---- the case list, a new case ----------------------------------------------------------
        await ui.heading('cases.title').waitFor();
        if (language === 'ar') {
          // The whole layout mirrors: the navigation is on the right of the content.
          const nav = await page.getByRole('navigation').boundingBox();
          const main = await page.locator('main').boundingBox();
          expect(nav!.x).toBeGreaterThan(main!.x);
        } else {
          const nav = await page.getByRole('navigation').boundingBox();
          const main = await page.locator('main').boundingBox();
          expect(nav!.x).toBeLessThan(main!.x);
        }
        await ui.audit('case list (empty)');
        await ui.button('cases.new').click();
        await ui.heading('caseForm.newTitle').waitFor();
        await ui.field('caseForm.title').fill(c.caseTitle);
        await ui.field('caseForm.summary').fill(`${c.victim} was arrested at her office.`);
        await ui.audit('new case');
        await ui.button('caseForm.create').click();
        await page.getByRole('heading', { level: 1, name: c.caseTitle }).waitFor();
        await ui.audit('case overview');

        // ---- persons: a victim, and the witness --------------------------------------------------
        await ui.tab('persons');
        await ui.button('persons.add').first().click();
        await ui.heading('persons.addTitle').waitFor();
        await ui.field('persons.name').fill(c.victim);
        await ui.audit('person editor');
        await page
          .getByRole('button', { name: t('persons.add'), exact: true })
          .last()
          .click();
        await page.getByRole('heading', { level: 3, name: c.victim }).waitFor();
        await ui.button('persons.add').first().click();
        await ui.field('persons.role').selectOption('witness');
        await ui.field('persons.name').fill(c.witness);
        await page
          .getByRole('button', { name: t('persons.add'), exact: true })
          .last()
          .click();
        await page.getByRole('heading', { level: 3, name: c.witness }).waitFor();
        await ui.audit('persons');

        // ---- an event with a partial date: "March 2024", approximate -----------------------------
        await ui.tab('events');
        await ui.button('events.add').click();
        await ui.heading('events.addTitle').waitFor();
        await ui.field('events.type').selectOption('arbitrary-arrest');
        await ui.field('events.titleField').fill(c.eventTitle);
        const startGroup = page.getByRole('group', { name: t('events.start'), exact: true });
        await startGroup.getByLabel(t('dates.input.when'), { exact: true }).fill(c.dateText);
        await startGroup
          .getByLabel(t('dates.input.certainty'), { exact: true })
          .selectOption('approximate');
        await expect
          .poll(() => startGroup.innerText())
          .toContain(t('dates.input.understood', { date: '' }).trim().replace(/\s*$/, ''));
        await page
          .getByRole('group', { name: t('events.victims'), exact: true })
          .getByLabel(c.victim)
          .check();
        await ui.audit('event editor');
        await ui.screenshot('event-editor');
        await page
          .getByRole('button', { name: t('events.add'), exact: true })
          .last()
          .click();
        await page.getByRole('heading', { level: 3, name: c.eventTitle }).waitFor();
        const approximatePrefix = t('dates.approximate', { date: '' }).trim();
        await ui.expectText(approximatePrefix);

        // ---- a testimony with consent "initials only" ---------------------------------------------
        await ui.tab('testimonies');
        await ui.button('testimonies.add').click();
        await ui.heading('testimonies.addTitle').waitFor();
        await ui.field('testimonies.witness').selectOption({ label: c.witness });
        await ui.field('testimonies.statement').fill(c.statement);
        await page.getByRole('radio', { name: t('consent.scopes.named-mechanisms.label') }).check();
        await page
          .getByRole('group', { name: t('consent.mechanisms') })
          .getByRole('checkbox')
          .first()
          .waitFor();
        await page.locator('#mechanism-wgad').check();
        await page.getByRole('radio', { name: t('consent.namings.initials'), exact: true }).check();
        await expect.poll(() => page.locator('.preview-name').innerText()).toBe(c.witnessInitials);
        await ui.audit('testimony editor');
        await ui.screenshot('testimony-editor');
        await page
          .getByRole('button', { name: t('testimonies.add'), exact: true })
          .last()
          .click();
        await page
          .getByRole('heading', { level: 3, name: t('testimonies.by', { witness: c.witness }) })
          .waitFor();
        await ui.expectText(t('consent.namings.initials'));

        // ---- evidence: a JPEG carrying GPS, flagged, then stripped -------------------------------
        await ui.tab('evidence');
        app.dialogs.files.push([JPEG_WITH_GPS]);
        await ui.button('evidence.choose').click();
        await ui.button('evidence.intake', { count: 1 }).click();
        await ui.expectText(t('evidence.added', { count: 1 }));
        await page.getByRole('heading', { level: 3, name: 'camera.jpg' }).waitFor();
        await ui.expectText(t('evidence.gpsFound'));
        const location = page.locator('.metadata-group[data-group="location"]');
        await expect.poll(() => location.getByTestId('risk-flag').count()).toBeGreaterThan(0);
        await expect.poll(() => location.innerText()).toContain('48.8584');
        expect(await page.getByTestId('sha256').innerText()).toMatch(/^[0-9a-f]{64}$/);
        await ui.audit('evidence');
        await ui.screenshot('evidence-metadata', page.locator('.evidence-pane'));
        await ui.button('evidence.strip').click();
        await ui.heading('strip.title').waitFor({ timeout: 30_000 });
        // Before/after, field by field: every location field of the original is gone from the working copy.
        const locationRows = page.locator(
          '.strip-table tbody[data-group="location"] tr[data-after]',
        );
        await expect.poll(() => locationRows.count()).toBeGreaterThan(0);
        expect(
          await page
            .locator('.strip-table tbody[data-group="location"] tr[data-after="kept"]')
            .count(),
        ).toBe(0);
        await expect
          .poll(() => page.locator('.strip-table tbody[data-group="location"]').innerText())
          .toContain(t('metadata.removed'));
        await ui.audit('strip before/after');
        await ui.screenshot('evidence-stripped', page.locator('.strip-comparison'));

        // ---- search finds the testimony ---------------------------------------------------------
        await ui.navigate('search');
        await ui.heading('search.title').waitFor();
        await ui.field('search.label').fill(c.statementWord);
        const hit = page.locator('.search-hit', {
          has: page.locator('mark', { hasText: c.statementWord }),
        });
        await hit.first().waitFor();
        expect(await hit.first().locator('.badge').first().innerText()).toBe(
          t('search.kind.testimony'),
        );
        await ui.audit('search');
        await ui.screenshot('search');

        // ---- the timeline shows the event ----------------------------------------------------------
        await hit.first().getByRole('button').first().click();
        await ui.heading('testimonies.editTitle').waitFor();
        await ui.tab('timeline');
        await page.getByTestId('timeline-svg').waitFor();
        const entry = page.locator('.tl-list li', { hasText: c.eventTitle });
        await expect.poll(() => entry.innerText()).toContain(approximatePrefix);
        expect(await page.locator('.tl-mark[data-shape="approximate"]').count()).toBe(1);
        await ui.audit('timeline');
        await ui.screenshot('timeline');

        // ---- the organisation's key, which signs dossiers -------------------------------------------
        await ui.navigate('keys');
        await ui.heading('keys.title').waitFor();
        await ui.field('keys.orgName').fill('Defenders Network');
        await ui.field('keys.orgEmail').fill('docs@example.org');
        await ui.button('keys.generate').click();
        await page.getByTestId('fingerprint').first().waitFor({ timeout: 30_000 });
        await ui.audit('keys');
        await ui.screenshot('keys');

        // ---- a second photo, whose metadata names the witness (who gave no consent to be named) -------
        if (named) {
          await ui.navigate('cases');
          await page.getByRole('button', { name: c.caseTitle }).click();
          await ui.tab('evidence');
          app.dialogs.files.push([named]);
          await ui.button('evidence.choose').click();
          await ui.button('evidence.intake', { count: 1 }).click();
          await page.getByRole('heading', { level: 3, name: 'named.jpg' }).waitFor();
        }

        // ---- export a WGAD dossier through the wizard, then verify it ----------------------------------
        await ui.navigate('cases');
        await page.getByRole('button', { name: c.caseTitle }).click();
        await ui.button('workspace.export').click();
        await ui.heading('export.title').waitFor();
        await expect
          .poll(() =>
            page.getByRole('radio', { name: t('export.templates.wgad.label') }).isChecked(),
          )
          .toBe(true);
        await ui.audit('export: template');
        await ui.button('export.next').click();
        // The audience: three, each with the sentence that says what it receives; the WGAD by default.
        await ui.heading('export.audienceTitle').waitFor();
        for (const kind of ['mechanism', 'partners', 'public'])
          await ui.expectText(t(`export.audiences.${kind}.hint`));
        expect(
          await page
            .getByRole('radio', { name: t('export.audiences.mechanism.label') })
            .isChecked(),
        ).toBe(true);
        expect(await ui.field('export.mechanism').inputValue()).toBe('wgad');
        await ui.audit('export: audience');
        await ui.screenshot('export-audience');
        await ui.button('export.next').click();
        await ui.heading('export.checklistTitle').waitFor({ timeout: 30_000 });
        expect(await page.locator('.checklist li').count()).toBeGreaterThan(3);
        await ui.audit('export: checklist');
        await ui.screenshot('export-checklist');
        await ui.button('export.next').click();
        await ui.heading('export.redactionTitle').waitFor();
        // The withholding report, for the sender: neither person recorded consent, so neither appears.
        const people = page.getByRole('region', { name: t('export.peopleTitle') });
        await expect.poll(() => people.innerText()).toContain(t('export.consent.missing'));
        await expect.poll(() => people.innerText()).toContain(t('export.leftOut'));
        expect(await page.locator('.withheld li[data-kind="person"]').count()).toBe(2);
        await ui.expectText(t('export.reportNote'));
        await ui.expectText(t('export.withheldKind.person'));
        await ui.audit('export: withholding report');
        await ui.screenshot('export-redaction');
        await ui.button('export.next').click();
        // The case summary names the withheld victim: the release review shows it replaced, and
        // since a certain name needs no decision, the export may go on.
        await ui.heading('release.title').waitFor();
        await ui.expectText(t('release.settled'));
        const released = page.getByTestId('release-version').first();
        await expect.poll(() => released.innerText()).toContain('was arrested at her office');
        expect(await released.innerText()).not.toContain(c.victim);
        expect(await page.getByTestId('release-original').first().innerText()).toContain(c.victim);
        await ui.audit('export: release review');
        await ui.button('export.next').click();
        await ui.heading('export.evidenceTitle').waitFor();
        await expect
          .poll(() => page.locator('.evidence-choice').first().innerText())
          .toContain(t('export.copy.stripped'));
        if (named) {
          // The named photo goes as its original only when chosen and confirmed, after seeing what it reveals.
          const choice = page.locator('[data-testid="evidence-choice"][data-name="named.jpg"]');
          await choice.getByLabel(t('export.sendOriginal', { name: 'named.jpg' })).check();
          const reveals = choice.getByTestId('original-reveals');
          await expect.poll(() => reveals.innerText(), { timeout: 30_000 }).toContain('48.8584');
          await expect.poll(() => reveals.getAttribute('data-forbidden')).toBe('true');
          await expect.poll(() => reveals.innerText()).toContain(c.witness);
          expect(await reveals.getByTestId('forbidden-name').count()).toBe(1);
          await ui.expectText(t('export.revealGroup.location'));
          await ui.audit('export: original reveals');
          await ui.screenshot('export-original', choice);
          // Not confirmed yet: the export cannot start.
          await stepButton('export').click();
          await ui.expectText(t('export.confirmOriginalsFirst', { count: 1 }));
          expect(await ui.button('export.runDirectoryButton').isDisabled()).toBe(true);
          await stepButton('evidence').click();
          await choice.getByLabel(t('export.confirmOriginal', { name: 'named.jpg' })).check();
        }
        await ui.audit('export: evidence');
        await stepButton('signing').click();
        await ui.heading('export.signingTitle').waitFor();
        await ui.audit('export: signing');
        await ui.button('export.next').click();
        const dossierDir = join(await tempDir('vigil-e2e-dossier-'), 'wgad-dossier');
        app.dialogs.saves.push(dossierDir);
        await expect.poll(() => ui.button('export.runDirectoryButton').isDisabled()).toBe(false);
        await ui.button('export.runDirectoryButton').click();
        await page.getByTestId('export-done').waitFor({ timeout: 60_000 });
        await ui.audit('export: result');
        await ui.screenshot('export-result');
        app.dialogs.opens.push(dossierDir);
        await ui.button('export.verifyNow').click();
        await expect
          .poll(() => page.getByTestId('verify-report').getAttribute('data-ok'), {
            timeout: 30_000,
          })
          .toBe('true');
        await ui.expectText(t('verify.madeFor'));
        await ui.audit('export: verified');
        // What left the vault: the statement (its consent covers the WGAD), never the names, and no trace
        // of anyone left out, except in the original the user confirmed knowing it names the witness.
        const isEvidence = (file: string) => file.includes(`${sep}evidence${sep}`);
        const exported = await filesContaining(
          dossierDir,
          [c.witness, c.victim, c.statementWord, 'withheld', 'Person 1'],
          (file) => !isEvidence(file),
        );
        expect(exported.filter((f) => f.needle !== c.statementWord)).toEqual([]);
        expect(exported.some((f) => f.needle === c.statementWord)).toBe(true);
        const inEvidence = await filesContaining(dossierDir, [c.witness, c.victim], isEvidence);
        expect(inEvidence.map((f) => basename(f.file))).toEqual(named ? ['E02.jpg'] : []);

        if (language === 'en') {
          // ---- an encrypted bundle (to our own key), then the import screen takes it in as a new case ----
          await ui.button('export.backToCase').click();
          await ui.button('workspace.export').click();
          // A bundle a partner can import is made for partner organisations.
          await page.getByRole('button', { name: new RegExp(t('export.steps.audience')) }).click();
          await page.getByRole('radio', { name: t('export.audiences.partners.label') }).check();
          await page.getByRole('button', { name: new RegExp(t('export.steps.signing')) }).click();
          await page.getByRole('radio', { name: t('export.targetBundle') }).check();
          await page
            .getByRole('group', { name: t('export.recipients') })
            .getByRole('checkbox')
            .first()
            .check();
          await ui.button('export.next').click();
          const bundle = join(await tempDir('vigil-e2e-bundle-'), 'case.vigil.gpg');
          app.dialogs.saves.push(bundle);
          await ui.button('export.runBundleButton').click();
          await page.getByTestId('export-done').waitFor({ timeout: 60_000 });
          await ui.navigate('import');
          await ui.heading('import.title').waitFor();
          await ui.audit('import');
          app.dialogs.opens.push(bundle);
          await ui.button('import.choose').click();
          await expect
            .poll(() => page.getByTestId('verify-report').getAttribute('data-ok'), {
              timeout: 30_000,
            })
            .toBe('true');
          await ui.expectText(t('verify.trusted'));
          await ui.audit('import: inspected');
          await ui.screenshot('import');
          // The bundle holds this very case (begun here): the screen says so and asks what to do.
          await page.getByTestId('import-duplicate').waitFor();
          await ui.audit('import: the case is already here');
          await page.getByRole('radio', { name: t('import.duplicate.asNew') }).check();
          await ui.button('import.duplicate.doAsNew').click();
          await page.getByTestId('import-done').waitFor({ timeout: 60_000 });
          await ui.button('import.open').click();
          await page.getByRole('heading', { level: 1, name: c.caseTitle }).waitFor();
        }

        // ---- the other screens: audit log, interventions, case list, settings ------------------------
        await ui.navigate('cases');
        await page.getByRole('button', { name: c.caseTitle }).first().click();
        await ui.tab('audit');
        await page.locator('table.custody').waitFor();
        await ui.audit('audit log');
        await ui.tab('interventions');
        await ui.button('interventions.add').click();
        await ui.heading('interventions.addTitle').waitFor();
        await ui.audit('intervention editor');
        await ui.button('common.discard').click();
        await ui.navigate('cases');
        await page.getByRole('button', { name: c.caseTitle }).first().waitFor();
        await ui.audit('case list');
        await ui.screenshot('case-list');
        await ui.navigate('settings');
        await ui.heading('settings.title').waitFor();
        await ui.audit('settings');

        // ---- lock: nothing of the case remains in the page ------------------------------------------
        await page.getByRole('button', { name: t('nav.lock'), exact: true }).click();
        await ui.heading('unlock.title').waitFor();
        const secrets = [c.caseTitle, c.statementWord, c.eventTitle, c.victim, c.witness];
        const html = await page.evaluate(() => document.documentElement.outerHTML);
        for (const secret of secrets)
          expect(html, `the page still shows ${secret}`).not.toContain(secret);
        expect(
          await heapContains(page, [
            `casecanary${language}7f3a`,
            c.statementWord,
            `eventcanary${language}`,
          ]),
        ).toEqual([]);
        expect(await pageStorage(page)).toEqual({
          localStorage: 0,
          sessionStorage: 0,
          indexedDB: [],
          caches: [],
        });
        await ui.audit('unlock');
        await ui.screenshot('unlock');

        // The recovery screen, reached from the unlock screen, then back.
        await ui.button('unlock.forgot').click();
        await ui.heading('recover.title').waitFor();
        await ui.audit('recover');
        await ui.button('common.cancel').click();
        await ui.heading('unlock.title').waitFor();

        // ---- unlock: a wrong passphrase, then the right one ---------------------------------------
        await ui.field('unlock.passphrase').fill('not the passphrase at all');
        await ui.button('unlock.submit').click();
        await page.getByTestId('wrong-passphrase').waitFor({ timeout: 30_000 });
        await ui.expectText(t('unlock.wrongTitle'));
        await ui.audit('unlock (wrong passphrase)');
        await ui.field('unlock.passphrase').fill(PASSPHRASE);
        await ui.button('unlock.submit').click();
        await page.getByRole('button', { name: c.caseTitle }).first().waitFor({ timeout: 30_000 });

        // ---- panic shortcut from anywhere --------------------------------------------------------------
        // The old page may show the lock screen before the fresh one loads: wait for the fresh one.
        const fresh = page.waitForEvent('load', { timeout: 60_000 });
        await page.keyboard.press('Control+Shift+L');
        await fresh;
        await ui.heading('unlock.title').waitFor();
        // Main closed the window (the bridge reloads the page): the fresh lock screen says
        // neither why it locked nor which vault it is.
        expect(app.panics).toEqual(['panic']);
        const lockText = await ui.visibleText();
        expect(lockText).not.toContain(t('unlock.vault'));
        for (const reason of ['user', 'idle', 'screen-lock', 'suspend', 'hidden'] as const)
          expect(lockText).not.toContain(t(`unlock.lockedBecause.${reason}`));
        expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain(
          c.caseTitle,
        );

        // No case content in the renderer's storage or HTTP cache on disk either.
        await page.close();
        expect(
          await profileFilesContaining(profile, [
            `casecanary${language}7f3a`,
            c.statementWord,
            `eventcanary${language}`,
            c.witness,
          ]),
        ).toEqual([]);

        expect(ui.findings, JSON.stringify(ui.findings, null, 2)).toEqual([]);
      } finally {
        await app.close();
      }
      // One long scenario with a real vault, key generation and two exports: a busy two-core
      // machine needs more than the default two minutes (it took eight under a load of 20).
    }, 600_000);
  }
});
