import { expect, test } from '@playwright/test';
import { topUpThroughBank } from './support/top-up-flow';
import { demoAccount, signInThroughForm, signUpThroughForm } from './support/users';
import { seriousAxeViolations } from './support/axe';

// docs/ui.md: no serious accessibility violations on any page, in zh and en, at 375 and 1280 px.
for (const width of [375, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    test('the signed-out and signed-in pages have no serious accessibility violations', async ({ page }) => {
      test.slow(); // eleven pages and a sign-up through the mailbox
      for (const path of [
        '/sign-in',
        '/sign-up',
        '/sign-up/resend',
        '/forgot-password',
        '/verify-email?token=unknown',
        '/reset-password?token=unknown',
      ]) {
        await page.goto(path);
        expect(await seriousAxeViolations(page), path).toEqual([]);
      }
      await signUpThroughForm(page);
      for (const locale of ['zh-CN', 'en']) {
        if (locale === 'en') {
          await page.getByTestId('language-switch').filter({ visible: true }).first().selectOption('en');
          // The switch stores the choice through a server action, then re-renders: wait for it.
          await expect(page.locator('html')).toHaveAttribute('lang', 'en');
        }
        for (const path of [
          '/',
          '/activity',
          '/notifications',
          '/me',
          '/me/security',
          '/me/payment-pin',
          '/two-factor',
        ]) {
          await page.goto(path);
          await expect(page.locator('html')).toHaveAttribute('lang', locale);
          expect(await seriousAxeViolations(page), `${locale} ${path}`).toEqual([]);
        }
      }
    });

    test('the wallet pages with data (rows, chart, result page, messages) have no serious accessibility violations', async ({
      page,
    }) => {
      test.slow(); // a dozen pages, each checked by axe
      const customer = demoAccount('CUSTOMER', 0);
      await signInThroughForm(page, customer.email, customer.password);
      await expect(page).toHaveURL(/\/$/);
      const id = await topUpThroughBank(page, '1.00');
      for (const locale of ['zh-CN', 'en']) {
        if (locale === 'en') {
          await page.getByTestId('language-switch').filter({ visible: true }).first().selectOption('en');
          await expect(page.locator('html')).toHaveAttribute('lang', 'en');
        }
        for (const path of [
          '/',
          '/activity',
          `/activity/${id}`,
          '/activity?kind=TOP_UP&from=2020-01-01&to=2020-01-02',
          '/notifications',
        ]) {
          await page.goto(path);
          await expect(page.locator('html')).toHaveAttribute('lang', locale);
          expect(await seriousAxeViolations(page), `${locale} ${path}`).toEqual([]);
        }
      }
    });
  });
}
