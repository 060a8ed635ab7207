import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signUpThroughForm } from './support/users';

// UI.md: no serious accessibility violations on any page, in zh and en, at 375 and 1280 px.
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const width of [375, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    test('the signed-out and signed-in pages have no serious accessibility violations', async ({ page }) => {
      for (const path of ['/sign-in', '/sign-up']) {
        await page.goto(path);
        expect(await seriousViolations(page), path).toEqual([]);
      }
      await signUpThroughForm(page);
      for (const locale of ['zh-CN', 'en']) {
        if (locale === 'en') {
          await page.getByTestId('language-switch').filter({ visible: true }).first().selectOption('en');
          // The switch stores the choice through a server action, then re-renders: wait for it.
          await expect(page.locator('html')).toHaveAttribute('lang', 'en');
        }
        for (const path of ['/', '/activity', '/notifications', '/me']) {
          await page.goto(path);
          await expect(page.locator('html')).toHaveAttribute('lang', locale);
          expect(await seriousViolations(page), `${locale} ${path}`).toEqual([]);
        }
      }
    });
  });
}
