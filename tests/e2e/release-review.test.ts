import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDossier, previewExport, reviewRelease } from '../../electron/core/dossier';
import { generateOrgKey } from '../../electron/core/pgp';
import { createCase, createPerson, createTestimony } from '../../electron/core/records';
import { tempDir } from '../helpers/tmp';
import { hasChromium, hasRenderer, launchBridgedApp } from './support/bridge';
import { VigilPages } from './support/pages';

const skip = !hasChromium || !hasRenderer;
if (skip)
  console.warn(
    `SKIPPED release review end to end: ${!hasChromium ? 'Chromium is not installed (apt-get install chromium)' : 'the renderer is not built (npx electron-vite build)'}.`,
  );

const PASSPHRASE = 'correct horse battery staple vigil';
const wgad = { scope: 'named-mechanisms' as const, mechanisms: ['wgad'], givenOn: '2024-01-01' };

/** A witness who may not be named, and a statement where her name is also an ordinary word. */
const CASES = {
  en: {
    title: 'Arrests at the clinic',
    witness: 'Grace Mbeki',
    statement: 'Grace Mbeki saw the arrest. By the grace of God nobody was hurt. Grace left.',
    kept: 'By the grace of God nobody was hurt',
  },
  ar: {
    title: 'اعتقالات في العيادة',
    witness: 'أمل حسن',
    statement: 'رأت أمل حسن الاعتقال. لدينا أمل كبير في العدالة، وقالت حسن إنها خافت.',
    kept: 'لدينا أمل كبير في العدالة',
  },
} as const;

describe.skipIf(skip)('the release review in the export wizard (Chromium, real vault)', () => {
  for (const language of ['en', 'ar'] as const) {
    it(`${language}: each change accepted, kept or rewritten, approved, and the export goes on`, async () => {
      const app = await launchBridgedApp({ locale: language === 'ar' ? 'ar' : 'en-US' });
      const ui = new VigilPages(app, language);
      const { page, t } = ui;
      const data = CASES[language];
      try {
        await page.goto(app.url);
        // No language chosen yet: the app follows the system's (Chromium's locale).
        await ui.heading('welcome.title').waitFor();
        await ui.createVault(join(await tempDir('vigil-e2e-release-'), 'vault'), PASSPHRASE);
        // The records, straight into the vault the UI has open.
        const vault = app.services.context.session.requireVault();
        await generateOrgKey(vault, { name: 'Defenders Watch', email: 'cases@defenders.example' });
        const caseId = (await createCase(vault, { title: data.title })).id;
        const witness = await createPerson(
          vault,
          { name: data.witness, sex: 'female', consent: { ...wgad, naming: 'none' } },
          { caseId, role: 'witness' },
        );
        const testimonyId = (
          await createTestimony(vault, caseId, {
            witnessId: witness.id,
            language,
            statement: data.statement,
            consent: { ...wgad, naming: 'none' },
          })
        ).id;
        const request = {
          caseId,
          template: 'wgad' as const,
          language,
          includePrivate: false,
          originals: [],
        };
        expect((await previewExport(vault, request)).release).toHaveLength(1);

        // Away and back, so the case list loads the case made behind its back.
        await ui.navigate('settings');
        await ui.navigate('cases');
        await page.getByRole('button', { name: data.title }).click();
        await ui.button('workspace.export').click();
        await ui.heading('export.title').waitFor();
        await page.getByRole('button', { name: t('export.steps.release') }).click();
        await ui.heading('release.title').waitFor({ timeout: 30_000 });
        await ui.expectText(t('release.open', { count: 1 }));

        const approve = ui.button('release.approve');
        const original = page.getByTestId('release-original');
        const version = page.getByTestId('release-version');
        await expect.poll(() => original.innerText()).toContain(data.witness);
        // Side by side: the name is replaced at once; the ambiguous words wait.
        expect(await version.innerText()).not.toContain(data.witness);
        expect(await approve.isDisabled()).toBe(true);
        await ui.audit('release review');
        await ui.screenshot('export-release-review');

        const changes = page.locator('.release-changes > li');
        expect(await changes.count()).toBe(3);
        const ambiguous = page.locator('.release-changes > li.ambiguous');
        expect(await ambiguous.count()).toBe(2);
        // Why each is ambiguous, its reasons joined as the language joins a list (Arabic "و",
        // never a Latin "; ").
        const undecided = (await reviewRelease(vault, caseId, 'wgad', testimonyId)).records
          .flatMap((r) => r.changes)
          .filter((c) => !c.certain);
        // (In English "Grace left." is both a lone name part and an ordinary word.)
        if (language === 'en') expect(undecided.some((c) => c.reasons.length >= 2)).toBe(true);
        const list = new Intl.ListFormat(language, { type: 'conjunction' });
        expect((await ambiguous.locator('legend .muted').allTextContents()).sort()).toEqual(
          undecided
            .map((c) =>
              t('release.ambiguous', {
                name: c.person.name,
                reasons: list.format(c.reasons.map((r) => t(`release.reasons.${r}`))),
              }),
            )
            .sort(),
        );
        expect((await ambiguous.locator('legend').allTextContents()).join(' ')).not.toContain('; ');
        // The ordinary word is kept; the lone family name is the witness: other words for it.
        await ambiguous
          .nth(0)
          .getByRole('radio', { name: t('release.choices.reject') })
          .check();
        await ambiguous
          .nth(1)
          .getByRole('radio', { name: t('release.choices.edit') })
          .check();
        const otherWords = language === 'ar' ? 'الشاهدة' : 'The witness';
        await ambiguous
          .nth(1)
          .getByRole('textbox', { name: t('release.otherWords') })
          .fill(otherWords);
        await expect.poll(() => version.innerText()).toContain(data.kept);
        expect(await version.innerText()).toContain(otherWords);
        await approve.click();
        await ui.expectText(t('release.settled'));
        await ui.expectText(t('release.status.approved'));

        // Stored in the vault, versioned, and the export now goes on without the name.
        const review = await reviewRelease(vault, caseId, 'wgad', testimonyId);
        expect(review.issues).toEqual([]);
        expect(review.records[0]!.fields[0]!.approval?.version).toBe(1);
        const out = join(await tempDir('vigil-e2e-release-out-'), 'dossier');
        await exportDossier(vault, request, { kind: 'directory', path: out });
        const caseJson = await readFile(join(out, 'case.json'), 'utf8');
        expect(caseJson).toContain(data.kept);
        expect(caseJson).not.toContain(data.witness);
        expect(ui.findings).toEqual([]);
      } finally {
        await app.close();
      }
    });
  }
});
