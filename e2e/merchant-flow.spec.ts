// Issue 5's whole payment flow through the browser, across the three systems the way people
// use them: the demo store (an outside merchant on the merchant API), the wallet's hosted
// checkout, the sandbox bank's page, the store's owner page (shipment over the API), the
// customer's notifications, and the merchant dashboard (a refund of half).
import { expect, test, type Browser, type Page } from '@playwright/test';
import { enterCodeFromPhone } from './support/bank-phone';
import { topUpThroughBank } from './support/top-up-flow';
import { demoAccount, signInThroughForm } from './support/users';
import { enterPin, setPinIfAsked } from './support/pin';

const lisi = () => demoAccount('CUSTOMER', 1);

async function signIn(page: Page, who: { email: string; password: string }) {
  await signInThroughForm(page, who.email, who.password);
  await expect(page).toHaveURL(/\/(merchant)?$/);
}

/** In the demo store: one coffee into the cart, then checkout, which lands on the wallet's /pay/<id>. */
async function buyInDemoStore(page: Page): Promise<string> {
  await page.goto('/demo-store');
  await page.getByTestId('add-to-cart').first().click();
  await page.goto('/demo-store/cart');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await page.getByTestId('checkout').click();
  await expect(page).toHaveURL(/\/pay\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname.split('/').at(-1)!;
}

/** Back at the store: "paid" only after the verified notice (or the store's own order query). */
async function expectStoreOrderPaid(page: Page) {
  await expect(page).toHaveURL(/\/demo-store\/orders\//);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('store-order-status')).toHaveAttribute('data-status', 'PAID', { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
}

/** The shop owner ships the newest paid order from the store's back office. */
async function shipNewestPaidOrder(page: Page, trackingNo: string) {
  await page.goto('/demo-store/owner');
  const order = page
    .getByTestId('owner-order')
    .filter({ has: page.getByTestId('ship-form') })
    .first();
  await order.getByLabel('运单号').fill(trackingNo);
  await order.getByRole('button', { name: '发货' }).click();
  await expect(
    page.getByTestId('owner-order').filter({ hasText: trackingNo }).getByTestId('owner-order-shipment'),
  ).toContainText(trackingNo);
}

/** Minor units from a displayed amount like `¥1,234.50`. */
function minor(text: string | null): bigint {
  const match = /¥([\d,]+)\.(\d{2})/.exec(text ?? '');
  if (!match) throw new Error(`no amount in ${text}`);
  return BigInt(match[1]!.replace(/,/g, '')) * 100n + BigInt(match[2]!);
}

async function availableBalance(page: Page): Promise<bigint> {
  await page.goto('/');
  return minor(await page.getByTestId('available-balance').textContent());
}

async function signedInPage(browser: Browser, who: { email: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, who);
  return page;
}

/** The customer's notifications tell of the shipment; it opens the order, which shows carrier and tracking number. */
async function expectShippingNotice(page: Page, trackingNo: string) {
  await page.goto('/notifications');
  const notice = page.locator('[data-testid=notification][data-kind=ORDER_SHIPPED]').filter({ hasText: trackingNo });
  await expect(notice).toBeVisible();
  await notice.getByRole('link').click();
  await expect(page).toHaveURL(/\/pay\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('shipment')).toContainText(trackingNo);
}

test('pays from the balance: store → checkout → back to the store, paid after the notice → shipped → the customer is told', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, lisi());
  await topUpThroughBank(page, '200.00');
  await expect(page.getByTestId('operation-status')).toHaveAttribute('data-status', 'SUCCEEDED');

  const orderId = await buyInDemoStore(page);
  await expect(page.getByTestId('checkout-shop')).toHaveText('示例商店');
  await expect(page.getByRole('radio', { name: /余额支付/ })).toBeChecked();
  await setPinIfAsked(page, page.getByTestId('pay-button'));
  await enterPin(page);
  await page.getByTestId('pay-button').click();
  await expect(page).toHaveURL(new RegExp(`/pay/${orderId}/result\\?operation=`));
  await expect(page.getByTestId('result-title')).toHaveText('支付成功');

  await page.getByTestId('back-to-merchant').click();
  await expectStoreOrderPaid(page);

  const trackingNo = `SF${Date.now()}`;
  await shipNewestPaidOrder(page, trackingNo);
  await expectShippingNotice(page, trackingNo);
});

test('pays by online banking: the bank page, its notice pays the order, the store shows paid, shipped, told', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, lisi());
  const orderId = await buyInDemoStore(page);

  await page.getByRole('radio', { name: /网银支付/ }).check();
  await page.getByTestId('pay-button').click();
  await expect(page).toHaveURL(/\/sandbox-bank\/authorize\//);
  await expect(page.getByText('示例商店').first()).toBeVisible();
  await enterCodeFromPhone(page);
  await page.getByRole('button', { name: /^确认付款/ }).click();

  await expect(page).toHaveURL(new RegExp(`/pay/${orderId}/(return|result)`));
  await expect(page.getByTestId('result-title')).toHaveText('支付成功', { timeout: 30_000 });
  await page.getByTestId('back-to-merchant').click();
  await expectStoreOrderPaid(page);

  const trackingNo = `ZTO${Date.now()}`;
  await shipNewestPaidOrder(page, trackingNo);
  await expectShippingNotice(page, trackingNo);
});

test('the merchant refunds half from the dashboard: the customer balance, the order and the store show it', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await signIn(page, lisi());
  if ((await availableBalance(page)) < 10_000n) {
    await topUpThroughBank(page, '100.00');
    await expect(page.getByTestId('operation-status')).toHaveAttribute('data-status', 'SUCCEEDED');
  }
  const orderId = await buyInDemoStore(page);
  const amount = minor(await page.getByTestId('checkout-amount').textContent());
  await setPinIfAsked(page, page.getByTestId('pay-button'));
  await enterPin(page);
  await page.getByTestId('pay-button').click();
  await expect(page.getByTestId('result-title')).toHaveText('支付成功');
  await page.getByTestId('back-to-merchant').click();
  await expectStoreOrderPaid(page);
  const storeOrderUrl = page.url();
  const balanceBefore = await availableBalance(page);

  const merchant = await signedInPage(browser, demoAccount('MERCHANT', 0));
  await merchant.goto(`/merchant/orders/${orderId}`);
  await expect(merchant.getByTestId('order-status').first()).toHaveAttribute('data-status', 'PAID');
  const half = amount / 2n;
  const halfText = `${half / 100n}.${(half % 100n).toString().padStart(2, '0')}`;
  await merchant.getByLabel('退款金额').fill(halfText);
  await merchant.getByLabel('退款原因（选填）').fill('缺货，退一半');
  await merchant.getByRole('button', { name: '下一步' }).click();
  await merchant.getByRole('button', { name: /^确认退款/ }).click();
  await expect(merchant.getByTestId('refund-list')).toContainText(halfText);
  await expect(merchant.getByTestId('order-status').first()).toHaveAttribute('data-status', 'PARTIALLY_REFUNDED');

  // The customer: the balance is back by half, the payment's order says partly refunded, and a notification.
  expect(await availableBalance(page)).toBe(balanceBefore + half);
  await page.goto('/notifications');
  await expect(page.getByText(/退款/).first()).toBeVisible();
  await page.goto(storeOrderUrl);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('store-order-refunded')).toContainText(halfText, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
});
