// The demo store's own pages in Chromium (an outside merchant of the wallet): browse, cart
// arithmetic kept across pages, the owner page, its own 404, the notification endpoint
// refusing what is not signed by the wallet, axe in zh and en at 375 and 1280 px. The whole
// flow through the wallet's checkout is in the cross-system spec.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { seriousAxeViolations } from './support/axe';

const card = (page: Page, productId: string) =>
  page.locator(`[data-testid=product-card][data-product-id=${productId}]`);

test('browse, add to the cart, change quantities: the totals are exact and kept across pages', async ({ page }) => {
  await page.goto('/demo-store');
  await expect(page.getByTestId('store-brand')).toContainText('示例商店');
  // Not the wallet's shell: none of its navigation is on the store's pages.
  await expect(page.getByRole('link', { name: '账单' })).toHaveCount(0);
  await expect(page.getByTestId('product-card')).toHaveCount(3);
  await expect(card(page, 'coffee-beans')).toContainText('云南小粒咖啡豆');
  await expect(card(page, 'coffee-beans').getByTestId('product-price')).toHaveText('¥68.00');
  await expect(card(page, 'pour-over-dripper').getByTestId('product-price')).toHaveText('¥45.50');
  await expect(card(page, 'ceramic-mug').getByTestId('product-price')).toHaveText('¥29.90');

  await card(page, 'coffee-beans').getByTestId('add-to-cart').click();
  await card(page, 'coffee-beans').getByTestId('add-to-cart').click();
  await card(page, 'ceramic-mug').getByTestId('add-to-cart').click();
  await expect(page.getByTestId('store-cart-count')).toHaveText('3');

  // The cart survives a reload (localStorage).
  await page.reload();
  await expect(page.getByTestId('store-cart-count')).toHaveText('3');
  await page.getByTestId('store-cart-link').click();
  await expect(page).toHaveURL(/\/demo-store\/cart$/);
  await expect(page.getByTestId('cart-line')).toHaveCount(2);
  await expect(page.getByTestId('cart-total')).toHaveText('¥165.90'); // 2 × 68.00 + 29.90
  await expect(page.getByTestId('checkout')).toHaveText('去结算 ¥165.90');

  await page.getByRole('button', { name: '增加 陶瓷马克杯 的数量' }).click();
  await page.getByRole('button', { name: '增加 陶瓷马克杯 的数量' }).click();
  const mug = page.locator('[data-testid=cart-line][data-product-id=ceramic-mug]');
  await expect(mug.getByTestId('cart-line-quantity')).toHaveText('3');
  await expect(mug.getByTestId('cart-line-amount')).toHaveText('¥89.70');
  await expect(page.getByTestId('cart-total')).toHaveText('¥225.70');

  await page.getByRole('button', { name: '从购物车移除 云南小粒咖啡豆' }).click();
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await expect(page.getByTestId('cart-total')).toHaveText('¥89.70');
  await expect(page.getByTestId('store-cart-count')).toHaveText('3');

  await page.getByRole('button', { name: '减少 陶瓷马克杯 的数量' }).click();
  await page.getByRole('button', { name: '减少 陶瓷马克杯 的数量' }).click();
  await page.getByRole('button', { name: '减少 陶瓷马克杯 的数量' }).click();
  await expect(page.getByTestId('cart-empty')).toBeVisible();
  await expect(page.getByTestId('store-cart-count')).toHaveCount(0);
});

test('a tampered cart in localStorage is cleaned up, never priced from the browser', async ({ page }) => {
  await page.goto('/demo-store');
  await page.evaluate(() =>
    localStorage.setItem(
      'demo-store-cart',
      JSON.stringify([
        { productId: 'coffee-beans', quantity: 1, price: 1 },
        { productId: 'gold-bar', quantity: 5 },
        { productId: 'ceramic-mug', quantity: -2 },
      ]),
    ),
  );
  await page.goto('/demo-store/cart');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await expect(page.getByTestId('cart-total')).toHaveText('¥68.00');
});

test("the shop owner's page is the store's own back office and says it is an unprotected demo", async ({ page }) => {
  await page.goto('/demo-store/owner');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('店主后台');
  await expect(page.getByTestId('owner-demo-notice')).toContainText('不是钱包的页面');
  await expect(page.getByTestId('owner-demo-notice')).toContainText('没有登录保护');
  await expect(page.getByRole('heading', { name: '订单' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '收到的钱包通知' })).toBeVisible();
});

test("an unknown order is the store's own 404", async ({ page }) => {
  const response = await page.goto('/demo-store/orders/00000000-0000-4000-8000-000000000000');
  expect(response?.status()).toBe(404);
  await expect(page.getByText('找不到该页面或订单')).toBeVisible();
  await expect(page.getByTestId('store-brand')).toBeVisible();
});

test('the notification endpoint refuses a notice without a valid Wallet-Signature (400) and logs it as refused', async ({
  page,
  request,
}) => {
  const { webhookSecret } = JSON.parse(readFileSync('e2e/.generated/demo-store.json', 'utf8')) as {
    webhookSecret: string;
  };
  const body = JSON.stringify({
    id: 'evt_e2e_forged',
    type: 'order.paid',
    created_at: new Date().toISOString(),
    data: { object: {} },
  });
  const unsigned = await request.post('/api/demo-store/notify', {
    data: body,
    headers: { 'Content-Type': 'application/json' },
  });
  expect(unsigned.status()).toBe(400);
  expect((await unsigned.json()).error.code).toBe('BAD_SIGNATURE');

  const t = Math.floor(Date.now() / 1000) - 600; // older than the 5-minute tolerance
  const stale = `t=${t},v1=${createHmac('sha256', webhookSecret).update(`${t}.${body}`).digest('hex')}`;
  const refused = await request.post('/api/demo-store/notify', {
    data: body,
    headers: { 'Content-Type': 'application/json', 'Wallet-Signature': stale },
  });
  expect(refused.status()).toBe(400);

  await page.goto('/demo-store/owner');
  await expect(page.getByTestId('owner-notification').filter({ hasText: '验签失败' }).first()).toBeVisible();
});

for (const width of [375, 1280]) {
  test(`the store's pages have no serious accessibility violations and no sideways scroll at ${width} px, zh and en`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/demo-store');
    await card(page, 'pour-over-dripper').getByTestId('add-to-cart').click();
    for (const locale of ['zh-CN', 'en']) {
      if (locale === 'en') {
        await page.getByTestId('store-language-switch').selectOption('en');
        await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      }
      for (const path of ['/demo-store', '/demo-store/cart', '/demo-store/owner']) {
        await page.goto(path);
        await expect(page.locator('html')).toHaveAttribute('lang', locale);
        if (path === '/demo-store/cart') await expect(page.getByTestId('cart-total')).toHaveText('¥45.50');
        expect(await seriousAxeViolations(page), `${locale} ${path}`).toEqual([]);
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
          `${locale} ${path} scroll`,
        ).toBe(true);
      }
    }
    await page.goto('/demo-store');
    await expect(card(page, 'pour-over-dripper')).toContainText('Pour-over dripper');
  });
}
