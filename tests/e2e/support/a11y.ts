import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export interface A11yFinding {
  screen: string;
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/**
 * Runs axe (WCAG 2.x A and AA rules) on the page; returns the serious and critical violations.
 *
 * Legacy mode runs axe.run() in the page itself. The default mode finishes every run in a new
 * blank page of the browser context, which here cost more than the checks (the e2e suite runs
 * about 70 of them); Vigil's windows hold no cross-origin frames, the one case it exists for.
 */
export async function seriousViolations(page: Page, screen: string): Promise<A11yFinding[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .setLegacyMode(true)
    .analyze();
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
