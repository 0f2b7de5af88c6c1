import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

export interface A11yFinding {
  screen: string;
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/** axe-core's own bundle, read once per test file. */
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

const OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  // Only the violations are read: axe then keeps a single node for passes and the rest,
  // which spares building and sending a large result from the page.
  resultTypes: ['violations'],
};

/**
 * Runs axe (WCAG 2.x A and AA rules, and best practices) on the page; returns the serious and
 * critical violations.
 *
 * axe runs in the page itself, injected once per document rather than before every check: the
 * e2e suite runs about 70 checks, and injecting and parsing the 640 KB bundle each time cost
 * more than many of the checks. Vigil's windows hold no frames, so the top document is all
 * there is to check. The script goes in through the debugging protocol, which the page's
 * Content-Security-Policy does not govern, so the policy under test stays the real one.
 */
export async function seriousViolations(page: Page, screen: string): Promise<A11yFinding[]> {
  const present = await page.evaluate(() => 'axe' in window);
  if (!present) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(
    (options) =>
      (
        window as unknown as { axe: { run(c: Document, o: RunOptions): Promise<AxeResults> } }
      ).axe.run(document, options),
    OPTIONS,
  );
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      screen,
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
}
