import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * The page's serious and critical axe violations, one `rule: targets` line each.
 *
 * Next streams a dynamic page's <title> after its body, and a router.refresh() (the language
 * switch) streams it again: axe run in that gap reports `document-title`. Waiting for a title
 * closes the gap without hiding a page that has none (the wait then fails).
 */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  await expect(page).not.toHaveTitle('');
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export async function expectNoSeriousAxeViolations(page: Page, label?: string) {
  expect(await seriousAxeViolations(page), label).toEqual([]);
}
