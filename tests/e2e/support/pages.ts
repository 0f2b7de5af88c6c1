import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { ScriptedDialogs } from '../../helpers/services';
import type { BridgedApp } from './bridge';
import type { UiLanguage } from './locale';
import { translator } from './locale';
import { seriousViolations, type A11yFinding } from './a11y';

/** The committed screenshots are rewritten only when asked (VIGIL_SCREENSHOTS=1): a test run
 *  must not leave the working tree changed. Otherwise they still get taken, into a temp folder. */
export const SCREENSHOTS =
  process.env.VIGIL_SCREENSHOTS === '1'
    ? resolve(import.meta.dirname, '../../../docs/screenshots')
    : join(tmpdir(), 'vigil-e2e-screenshots');

/** Waits for a condition in Node (the page has no test framework); fails with the message. */
export async function eventually<T>(
  probe: () => Promise<T>,
  ok: (value: T) => boolean,
  message: string,
  timeoutMs = 15_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!ok(last)) {
    if (Date.now() > until)
      throw new Error(`${message} (last value: ${JSON.stringify(last)?.slice(0, 300)})`);
    await new Promise((r) => setTimeout(r, 100));
    last = await probe();
  }
  return last;
}

/**
 * The Vigil UI as a user of one language sees it: every control is found by
 * its role and its visible name in that language, never by CSS classes.
 */
export class VigilPages {
  readonly t: ReturnType<typeof translator>;
  readonly findings: A11yFinding[] = [];
  readonly page: Page;

  constructor(
    readonly app: BridgedApp<ScriptedDialogs>,
    readonly language: UiLanguage,
  ) {
    this.t = translator(language);
    this.page = app.page;
  }

  button(key: string, values?: Record<string, string | number>): Locator {
    return this.page.getByRole('button', { name: this.t(key, values), exact: true });
  }

  field(key: string, values?: Record<string, string | number>): Locator {
    return this.page.getByLabel(this.t(key, values), { exact: true });
  }

  heading(key: string): Locator {
    return this.page.getByRole('heading', { name: this.t(key), exact: true });
  }

  async navigate(
    section: 'cases' | 'search' | 'import' | 'keys' | 'settings' | 'trash',
  ): Promise<void> {
    await this.page
      .getByRole('navigation')
      .getByRole('button', { name: this.t(`nav.${section}`), exact: true })
      .click();
  }

  async tab(id: string): Promise<void> {
    await this.page.getByRole('tab', { name: this.t(`workspace.tabs.${id}`), exact: true }).click();
  }

  /** axe on the current screen; serious and critical findings are collected for one assertion at the end. */
  async audit(screen: string): Promise<void> {
    this.findings.push(...(await seriousViolations(this.page, `${screen} (${this.language})`)));
  }

  /** A screenshot of the window, or of one part of the screen (scrolled into view whole). */
  async screenshot(name: string, part?: Locator): Promise<void> {
    await mkdir(SCREENSHOTS, { recursive: true });
    const path = join(SCREENSHOTS, `${name}-${this.language}.png`);
    if (part) {
      // The top of a long part (at most 1,300 px), so the committed images stay small.
      await part.scrollIntoViewIfNeeded();
      const box = (await part.boundingBox())!;
      const [x, y] = await this.page.evaluate(() => [window.scrollX, window.scrollY]);
      const clip = {
        x: box.x + x,
        y: box.y + y,
        width: box.width,
        height: Math.min(box.height, 1300),
      };
      await this.page.screenshot({ path, fullPage: true, clip, animations: 'disabled' });
    } else await this.page.screenshot({ path, fullPage: false, animations: 'disabled' });
  }

  /** Welcome → create a vault in a fresh folder → recovery key confirmed → the empty case list. */
  async createVault(folder: string, passphrase: string): Promise<void> {
    await this.heading('welcome.title').waitFor();
    await this.button('welcome.create').click();
    this.app.dialogs.folders.push(folder);
    await this.button('create.choose').click();
    await this.button('create.chooseAgain').waitFor();
    await this.field('passphrase.new').fill(passphrase);
    await this.field('passphrase.confirm').fill(passphrase);
    await this.button('create.submit').click();
    await this.heading('recoveryKey.title').waitFor({ timeout: 30_000 });
    const groups = await this.page.getByTestId('recovery-key').locator('span').allTextContents();
    await this.page.getByLabel(this.t('recoveryKey.writtenDown')).check();
    await this.button('common.continue').click();
    const input = this.page.locator('#recovery-confirm');
    await input.fill(groups[Number(await input.getAttribute('data-group-index')) - 1]!);
    await this.button('recoveryKey.confirm').click();
    await this.heading('cases.title').waitFor();
  }

  async visibleText(): Promise<string> {
    return this.page.evaluate(() => document.body.innerText);
  }

  async expectText(text: string): Promise<void> {
    await expect.poll(() => this.visibleText(), { timeout: 15_000 }).toContain(text);
  }
}
