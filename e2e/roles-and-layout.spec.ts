import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './support/axe';
import { demoAccount, signInThroughForm, signUpThroughForm } from './support/users';

test('a customer opening an admin page gets a 403 page', async ({ page }) => {
  await signUpThroughForm(page);
  await expect(page.getByRole('link', { name: '管理后台' })).toHaveCount(0);
  const response = await page.goto('/admin');
  expect(response?.status()).toBe(403);
  await expect(page.getByTestId('forbidden')).toBeVisible();
  await expect(page.getByRole('heading', { name: '无权访问' })).toBeVisible();
});

test('an admin lands on the admin console, switches to the personal wallet and back', async ({ page }) => {
  const admin = demoAccount('ADMIN');
  await signInThroughForm(page, admin.email, admin.password, admin.totpSecret);
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('heading', { name: '管理后台', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: '切换到个人钱包' }).click();
  await expect(page).toHaveURL(/\/wallet$/);
  await expect(page.getByTestId('available-balance')).toBeVisible();
  await page.getByRole('link', { name: '切换到管理后台' }).click();
  await expect(page).toHaveURL(/\/admin$/);
  // Opening `/` is the admin's home too.
  await page.goto('/');
  await expect(page).toHaveURL(/\/admin$/);
});

for (const width of [1280, 375]) {
  test.describe(`a merchant at ${width} px`, () => {
    test.use({ viewport: { width, height: width === 375 ? 812 : 900 } });

    test('lands on /merchant, switches to the personal wallet and back, in Chinese and English', async ({ page }) => {
      const merchant = demoAccount('MERCHANT');
      await signInThroughForm(page, merchant.email, merchant.password);
      await expect(page).toHaveURL(/\/merchant$/);
      await expect(page.getByRole('heading', { name: '商户中心', level: 1 })).toBeVisible();
      const nav = page.getByRole('navigation', { name: '主导航' }).filter({ visible: true });
      await expect(nav.getByRole('link', { name: '商户中心' })).toHaveAttribute('aria-current', 'page');
      await expectNoSeriousAxeViolations(page, 'merchant centre');

      await page.getByRole('link', { name: '切换到个人钱包' }).click();
      await expect(page).toHaveURL(/\/wallet$/);
      await expect(page.getByTestId('available-balance')).toBeVisible();
      await expect(nav.getByRole('link', { name: '个人钱包' })).toHaveAttribute('aria-current', 'page');
      await expectNoSeriousAxeViolations(page, 'personal wallet');

      await page.getByTestId('language-switch').filter({ visible: true }).first().selectOption('en');
      await expect(page.getByRole('link', { name: 'Switch to merchant centre' })).toBeVisible();
      await page.getByRole('link', { name: 'Switch to merchant centre' }).click();
      await expect(page).toHaveURL(/\/merchant$/);
      await expect(page.getByRole('link', { name: 'Switch to my wallet' })).toBeVisible();
      await expectNoSeriousAxeViolations(page, 'merchant centre, en');
      await page.getByTestId('language-switch').filter({ visible: true }).first().selectOption('zh-CN');
      await expect(page.getByRole('link', { name: '切换到个人钱包' })).toBeVisible();

      // Opening `/` again (a bookmark, the brand) is the merchant's home.
      await page.goto('/');
      await expect(page).toHaveURL(/\/merchant$/);
    });
  });
}

test('switching to English changes the page text', async ({ page }) => {
  await signUpThroughForm(page);
  await expect(page.getByText('可用余额')).toBeVisible();
  await page.getByTestId('language-switch').filter({ visible: true }).first().selectOption('en');
  await expect(page.getByText('Available balance')).toBeVisible();
  await expect(page.getByText('可用余额')).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByText('Available balance')).toBeVisible();
});

test.describe('at 375 px', () => {
  test.use({ viewport: { width: 375, height: 812 } });

  test('the home page has no horizontal scroll and shows the bottom tabs', async ({ page }) => {
    await signUpThroughForm(page);
    await expect(page.getByTestId('available-balance')).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(page.getByRole('navigation', { name: '主导航' }).last()).toBeVisible();
    await page.screenshot({ path: 'test-results/home-375.png', fullPage: true });
  });
});
