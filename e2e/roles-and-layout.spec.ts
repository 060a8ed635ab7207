import { expect, test } from '@playwright/test';
import { demoAccount, signInThroughForm, signUpThroughForm } from './support/users';

test('a customer opening an admin page gets a 403 page', async ({ page }) => {
  await signUpThroughForm(page);
  await expect(page.getByRole('link', { name: '管理后台' })).toHaveCount(0);
  const response = await page.goto('/admin');
  expect(response?.status()).toBe(403);
  await expect(page.getByTestId('forbidden')).toBeVisible();
  await expect(page.getByRole('heading', { name: '无权访问' })).toBeVisible();
});

test('an admin sees the admin section', async ({ page }) => {
  const admin = demoAccount('ADMIN');
  await signInThroughForm(page, admin.email, admin.password, admin.totpSecret);
  await expect(page).toHaveURL(/\/$/);
  await page.getByRole('link', { name: '管理后台' }).first().click();
  await expect(page.getByRole('heading', { name: '管理后台' })).toBeVisible();
});

test('switching to English changes the page text', async ({ page }) => {
  await signUpThroughForm(page);
  await expect(page.getByText('可用余额')).toBeVisible();
  await page.getByTestId('language-switch').first().selectOption('en');
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
