import { randomUUID } from 'node:crypto';
import { readdir, readFile, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import type { runnerImport } from 'vite';
import { createVault } from '../electron/core';
import { importCaseDocuments } from '../electron/core/records';
import type { Dialogs } from '../electron/main/dialogs';
import { median, round, type Bench } from './harness';

const PASSPHRASE = 'benchmark passphrase with several words';
const root = resolve(import.meta.dirname, '../..');
const rendererDir = join(root, 'out', 'renderer');

/**
 * Dev-only modules (Vite, which loads the test bridge from source, and
 * Playwright) are imported by a name the CLI bundler cannot follow, so the
 * `vigil` bundle never includes them.
 */
const devModule = (name: string): Promise<unknown> => import(/* @vite-ignore */ [name].join(''));

interface BridgeModule {
  launchBridge(options: {
    dialogs: Dialogs;
    settingsFile: string;
    locale?: string;
  }): Promise<{ page: Page; url: string; close(): Promise<void> }>;
}

/** The bench answers no dialog: the vault is opened from the recent list, as a returning user does. */
const noDialogs: Dialogs = {
  chooseNewVaultFolder: async () => null,
  chooseVaultFolder: async () => null,
  chooseEvidenceFiles: async () => [],
  chooseSaveFile: async () => null,
  chooseSaveFolder: async () => null,
  chooseOpenFile: async () => null,
  showInFolder: () => undefined,
};

// A deterministic corpus: statements made of common words, with a few rarer ones that queries find.
const WORDS = (
  'arrested detained taken office home street night morning police officers men plain clothes car ' +
  'court judge lawyer family mother brother sister father visit prison cell interrogation questions ' +
  'beaten threatened released charged accused journalist defender activist union protest march ' +
  'border checkpoint airport passport phone confiscated laptop documents warrant without reason ' +
  'days weeks months hearing appeal sentence years blindfolded transferred unknown location hospital'
).split(' ');
const RARE = [
  'quarry',
  'lighthouse',
  'orchard',
  'tannery',
  'viaduct',
  'granary',
  'foundry',
  'harbour',
];

function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const sentence = (words: number) => Array.from({ length: words }, () => pick(WORDS)).join(' ');
  return { next, pick, sentence };
}

function caseDocument(index: number, testimonies: number, random: ReturnType<typeof generator>) {
  const witness = randomUUID();
  const month = String(1 + (index % 12)).padStart(2, '0');
  return {
    format: 'vigil-case',
    version: 1,
    case: {
      id: randomUUID(),
      title: `Case ${index}: ${random.sentence(4)}`,
      summary: random.sentence(30),
      countries: [random.pick(['EG', 'BY', 'CO', 'TR', 'IR', 'AZ'])],
    },
    persons: [{ id: witness, name: `Witness ${index}`, roles: ['witness'] }],
    events: [
      {
        id: randomUUID(),
        eventType: random.pick(['arbitrary-arrest', 'arbitrary-detention', 'threats', 'torture']),
        title: random.sentence(3),
        start: `~${2015 + (index % 10)}-${month}`,
      },
    ],
    testimonies: Array.from({ length: testimonies }, () => ({
      id: randomUUID(),
      witnessId: witness,
      statement: `${random.sentence(30)} ${random.next() < 0.02 ? random.pick(RARE) : ''} ${random.sentence(30)}`,
      takenOn: `${2016 + (index % 9)}-${month}`,
      consent: { scope: 'internal-only', naming: 'none' },
    })),
  };
}

async function bytesUnder(
  dir: string,
): Promise<{ total: number; files: { name: string; size: number }[] }> {
  const files: { name: string; size: number }[] = [];
  for (const name of await readdir(dir))
    files.push({ name, size: (await stat(join(dir, name))).size });
  return { total: files.reduce((n, f) => n + f.size, 0), files };
}

/** Milliseconds between two performance marks the renderer sets (the last `from` before the first `to` after it). */
async function markGap(page: Page, from: string, to: string): Promise<number | null> {
  return page.evaluate(
    ([a, b]) => {
      const marks = performance.getEntriesByType('mark');
      const start = marks.filter((m) => m.name === a).at(-1);
      const end = start
        ? marks.find((m) => m.name === b && m.startTime >= start.startTime)
        : undefined;
      return start && end ? end.startTime - start.startTime : null;
    },
    [from, to] as const,
  );
}

async function waitForMark(page: Page, name: string, after: number): Promise<void> {
  await page.waitForFunction(
    ([n, t]) => performance.getEntriesByType('mark').some((m) => m.name === n && m.startTime >= t),
    [name, after] as const,
    { timeout: 120_000 },
  );
}

type PageVigil = { vigil: { invoke(channel: string, input: unknown): Promise<{ ok: boolean }> } };

export const uiBench: Bench = {
  name: 'ui',
  description:
    'the renderer in Chromium over the test bridge, vault of 10,000 cases and 100,000 testimonies: unlock to an interactive case list, last keystroke to search results, bundle size',
  async run(report, { quick }) {
    const caseCount = quick ? 1000 : 10_000;
    const perCase = 10;
    const runs = quick ? 3 : 5;
    const query = 'detained checkpoint lighthouse';

    const bundle = await bytesUnder(join(rendererDir, 'assets')).catch(() => null);
    if (!bundle) throw new Error('the renderer is not built: run npx electron-vite build first');
    const initial = bundle.files.filter((f) => /^index-.*\.(js|css)$/.test(f.name));
    const initialGzip = (
      await Promise.all(
        initial.map(
          async (f) => gzipSync(await readFile(join(rendererDir, 'assets', f.name))).length,
        ),
      )
    ).reduce((a, b) => a + b, 0);
    report({
      metric: 'renderer_bundle (all of out/renderer/assets: scripts, styles, fonts, lazy pdf.js)',
      value: bundle.total,
      unit: 'bytes',
      baseline: null,
      baselineValue: null,
    });
    report({
      metric: 'renderer_initial_scripts_and_styles (loaded before the first screen)',
      value: initial.reduce((n, f) => n + f.size, 0),
      unit: 'bytes',
      baseline: null,
      baselineValue: null,
    });
    report({
      metric: 'renderer_initial_gzip (the same, gzip -9 equivalent)',
      value: initialGzip,
      unit: 'bytes',
      baseline: null,
      baselineValue: null,
    });

    const dir = await mkdtemp(join(tmpdir(), 'vigil-bench-ui-'));
    try {
      // The vault, through the core's bulk path: case documents imported in large transactions.
      const vaultDir = join(dir, 'vault');
      const { vault } = await createVault({
        dir: vaultDir,
        passphrase: PASSPHRASE,
        actor: 'bench',
      });
      const random = generator(7);
      const t0 = performance.now();
      const batch = 200;
      for (let start = 0; start < caseCount; start += batch) {
        const docs = Array.from({ length: Math.min(batch, caseCount - start) }, (_, i) =>
          caseDocument(start + i, perCase, random),
        );
        await importCaseDocuments(vault, docs, { mode: 'new-ids' });
      }
      report({
        metric: `vault_generation (${caseCount} cases, ${caseCount * perCase} testimonies, bulk import)`,
        value: round((performance.now() - t0) / 1000, 1),
        unit: 's',
        baseline: null,
        baselineValue: null,
      });
      await vault.lock();

      const settingsFile = join(dir, 'settings.json');
      await writeFile(
        settingsFile,
        JSON.stringify({ language: 'en', autoLockMinutes: 240, recentVaults: [vaultDir] }),
      );
      const vite = (await devModule('vite')) as { runnerImport: typeof runnerImport };
      const { module: bridge } = await vite.runnerImport<BridgeModule>(
        join(root, 'tests/e2e/support/bridgeCore.ts'),
      );
      const app = await bridge.launchBridge({ dialogs: noDialogs, settingsFile });
      const { page } = app;
      try {
        await page.goto(app.url);
        const toList: number[] = [];
        const afterUnlock: number[] = [];
        const toComplete: number[] = [];
        const keystroke: number[] = [];
        const listIpc: number[] = [];
        const searchIpc: number[] = [];
        for (let run = 0; run < runs; run += 1) {
          await page.getByRole('button', { name: 'vault', exact: true }).click();
          await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
          const clicked = await page.evaluate(() => {
            performance.mark('bench:unlock-click');
            return performance.now();
          });
          await page.getByRole('button', { name: 'Unlock', exact: true }).click();
          await waitForMark(page, 'vigil:cases-interactive', clicked);
          toList.push((await markGap(page, 'bench:unlock-click', 'vigil:cases-interactive'))!);
          afterUnlock.push((await markGap(page, 'vigil:unlocked', 'vigil:cases-interactive'))!);
          await waitForMark(page, 'vigil:cases-complete', clicked);
          toComplete.push((await markGap(page, 'vigil:unlocked', 'vigil:cases-complete'))!);

          listIpc.push(
            await page.evaluate(async () => {
              const t = performance.now();
              await (globalThis as unknown as PageVigil).vigil.invoke('cases.list', {});
              return performance.now() - t;
            }),
          );
          searchIpc.push(
            await page.evaluate(async (text) => {
              const t = performance.now();
              await (globalThis as unknown as PageVigil).vigil.invoke('search.query', {
                text,
                limit: 50,
                lang: 'en',
              });
              return performance.now() - t;
            }, query),
          );

          await page
            .getByRole('navigation')
            .getByRole('button', { name: 'Search', exact: true })
            .click();
          const box = page.getByLabel('Search every case', { exact: true });
          await box.click();
          const typed = await page.evaluate(() => performance.now());
          await page.keyboard.type(query, { delay: 25 });
          await waitForMark(page, 'vigil:search-rendered', typed);
          if ((await box.inputValue()) !== query)
            throw new Error('the search field did not receive the whole query');
          // The results for the whole query: the last input mark, then the render after it.
          await page.waitForFunction(() => {
            const marks = performance.getEntriesByType('mark');
            const last = marks.filter((m) => m.name === 'vigil:search-input').at(-1);
            return Boolean(
              last &&
              marks.some(
                (m) => m.name === 'vigil:search-rendered' && m.startTime >= last.startTime,
              ),
            );
          });
          keystroke.push((await markGap(page, 'vigil:search-input', 'vigil:search-rendered'))!);
          await page.keyboard.press('Control+Shift+L');
          await page.getByRole('heading', { name: 'Unlock the vault' }).waitFor();
          await page.getByRole('button', { name: 'Open another vault', exact: true }).click();
        }
        const listBase = {
          unit: 'ms',
          baseline: `cases.list IPC round trip (${caseCount} rows, same bridge)`,
          baselineValue: round(median(listIpc)),
        };
        report({
          metric:
            'unlock_click_to_interactive_case_list (Argon2id at the default setting included)',
          value: round(median(toList)),
          ...listBase,
        });
        report({
          metric:
            'unlocked_to_interactive_case_list (first 200 rows drawn and clickable; target < 500 ms)',
          value: round(median(afterUnlock)),
          ...listBase,
        });
        report({
          metric: `unlocked_to_complete_case_list (all ${caseCount} rows, filters and sorting on all)`,
          value: round(median(toComplete)),
          ...listBase,
        });
        report({
          metric: `last_keystroke_to_search_results ("${query}", 40 ms debounce included; target < 150 ms)`,
          value: round(median(keystroke)),
          unit: 'ms',
          baseline: 'search.query IPC round trip (same query, same bridge)',
          baselineValue: round(median(searchIpc)),
        });
      } finally {
        await app.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
