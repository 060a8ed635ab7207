// The hosted checkout (/pay/<order id>) through the browser, with orders made the way a shop
// makes them: over HTTP with the demo merchant's API key (e2e/.generated/demo-store.json).
// The whole demo-store → checkout → ship → refund path is in the lead's flow spec.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { linkCardOnForm } from './support/bank-accounts';
import { setBankFault, WANGWU_ACCOUNT } from './support/bank-faults';
import { enterCodeFromPhone } from './support/bank-phone';
import { confirmTopUpAtBank, topUpThroughBank } from './support/top-up-flow';
import { demoAccount, newUserDetails, signInThroughForm, signUpThroughForm } from './support/users';
import { expectNoSeriousAxeViolations } from './support/axe';
import { enterPin, setPinIfAsked } from './support/pin';

type ApiOrder = { id: string; status: string; amount: number; checkout_url: string; return_url: string | null };

const SCREENS = 'e2e/.generated/screens';

function apiKey(): string {
  return (JSON.parse(readFileSync('e2e/.generated/demo-store.json', 'utf8')) as { apiKey: string }).apiKey;
}

async function apiPost<T>(request: APIRequestContext, path: string, body: unknown): Promise<T> {
  const res = await request.post(`/api/v1${path}`, {
    headers: {
      Authorization: `Bearer ${apiKey()}`,
      'Idempotency-Key': randomUUID(),
      'Content-Type': 'application/json',
    },
    data: body,
  });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return (await res.json()) as T;
}

async function createOrder(
  request: APIRequestContext,
  baseURL: string,
  amount: number,
  subject = '咖啡豆 ×2',
): Promise<ApiOrder> {
  return apiPost<ApiOrder>(request, '/orders', {
    merchant_order_no: `E2E-${randomUUID().slice(0, 8)}`,
    amount,
    currency: 'CNY',
    subject,
    // Any page of the shop; a path the wallet does not have keeps the URL as it is.
    return_url: `${baseURL}/e2e-shop/return?from=shop`,
    expires_in: 1800,
  });
}

/** Minor units from a displayed amount like `¥1,234.50`. */
function minor(text: string | null): number {
  const match = /¥([\d,]+)\.(\d{2})/.exec(text ?? '');
  if (!match) throw new Error(`no amount in ${text}`);
  return Number(match[1]!.replace(/,/g, '')) * 100 + Number(match[2]);
}

async function signIn(page: Page, who: { email: string; password: string }) {
  await signInThroughForm(page, who.email, who.password);
  await expect(page).toHaveURL(/\/$/);
}

async function screens(page: Page, name: string) {
  mkdirSync(SCREENS, { recursive: true });
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
    // Nothing sticks out sideways on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: `${SCREENS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

test('a signed-out visitor sees the order, signs in and comes back to the same checkout', async ({
  page,
  request,
  baseURL,
}) => {
  const order = await createOrder(request, baseURL!, 1234, '手冲咖啡套装');
  expect(order.checkout_url).toMatch(new RegExp(`/pay/${order.id}$`));

  await page.goto(`/pay/${order.id}`);
  await expect(page.getByTestId('checkout-shop')).toHaveText('示例商店');
  await expect(page.getByTestId('checkout-amount')).toHaveText('¥12.34');
  await expect(page.getByTestId('checkout-subject')).toHaveText('手冲咖啡套装');
  await expect(page.getByTestId('checkout-countdown')).toHaveText(/请在 (29|30):\d\d 内完成支付/);
  const qr = page.getByRole('img', { name: '二维码：用手机打开本订单的收银台' });
  await expect(qr).toBeVisible();
  await expect(qr).toHaveAttribute('data-url', new RegExp(`/pay/${order.id}$`));
  // The countdown moves (on the browser's clock, from the server's measure).
  const first = await page.getByRole('timer').textContent();
  await expect(page.getByRole('timer')).not.toHaveText(first!, { timeout: 5_000 });
  // A title for the page, and the way back to the shop before paying (the order's return_url).
  await expect(page.getByRole('heading', { level: 1, name: '确认付款' })).toBeVisible();
  await expect(page.getByRole('link', { name: '返回商户' })).toHaveAttribute('href', order.return_url!);
  await expectNoSeriousAxeViolations(page);
  await screens(page, 'checkout-signed-out');
  await page.getByRole('link', { name: '返回商户' }).click();
  await expect(page).toHaveURL(/\/e2e-shop\/return\?from=shop$/);
  await page.goBack();
  await page.getByTestId('language-switch').selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Confirm payment' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Back to merchant' })).toHaveAttribute('href', order.return_url!);
  await expectNoSeriousAxeViolations(page);
  await screens(page, 'checkout-signed-out-en');
  await page.getByTestId('language-switch').selectOption('zh-CN');
  await expect(page.getByRole('heading', { level: 1, name: '确认付款' })).toBeVisible();

  await page.getByTestId('sign-in-to-pay').click();
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  const zhang = demoAccount('CUSTOMER', 0);
  await page.getByLabel('邮箱').fill(zhang.email);
  await page.getByLabel('密码').fill(zhang.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(new RegExp(`/pay/${order.id}$`));
  await expect(page.getByTestId('method-BALANCE')).toBeVisible();
  await expect(page.getByTestId('checkout-amount')).toHaveText('¥12.34');
});

test('unknown or malformed order ids are 404', async ({ page }) => {
  for (const id of ['not-an-order', randomUUID(), '00000000-0000-0000-0000-000000000000']) {
    const res = await page.goto(`/pay/${id}`);
    expect(res?.status()).toBe(404);
  }
});

test('pays from the balance after a top-up through the bank: wrong PIN first, then success, the return link, and a clear page after', async ({
  page,
  request,
  baseURL,
  browser,
}) => {
  test.setTimeout(180_000);
  const zhang = demoAccount('CUSTOMER', 0);
  await signIn(page, zhang);
  await topUpThroughBank(page, '30.00');
  await expect(page.getByTestId('operation-status')).toHaveAttribute('data-status', 'SUCCEEDED');

  const order = await createOrder(request, baseURL!, 2580);
  await page.goto(`/pay/${order.id}`);
  const balanceCard = page.getByTestId('method-BALANCE');
  await expect(balanceCard).toContainText('可用余额');
  const before = minor(await balanceCard.textContent());
  expect(before).toBeGreaterThanOrEqual(3000);
  await expect(page.getByRole('radio', { name: /余额支付/ })).toBeChecked();
  await screens(page, 'checkout-enough-balance');

  // A wrong PIN moves nothing and says so next to the field.
  await setPinIfAsked(page, page.getByTestId('pay-button'));
  await enterPin(page, '246813');
  await page.getByRole('button', { name: '确认支付 ¥25.80' }).click();
  await expect(page.getByTestId('pin-error')).toHaveText(/^支付密码不正确，还可尝试 \d 次$/);

  await enterPin(page);
  await page.getByRole('button', { name: '确认支付 ¥25.80' }).click();
  await expect(page).toHaveURL(new RegExp(`/pay/${order.id}/result\\?operation=[0-9a-f-]{36}$`));
  await expect(page.getByTestId('result-title')).toHaveText('支付成功');
  await expect(page.getByTestId('result-amount')).toHaveText('¥25.80');
  await expect(page.getByTestId('result-shop')).toHaveText('已付款给示例商店');
  await expectNoSeriousAxeViolations(page);
  await screens(page, 'success');
  const operationId = new URL(page.url()).searchParams.get('operation')!;

  // The payment in the activity: the shop is the other side.
  await page.getByTestId('view-payment').click();
  await expect(page).toHaveURL(new RegExp(`/activity/${operationId}$`));
  await expect(page.getByTestId('operation-amount')).toHaveText('-¥25.80');
  await expect(page.getByTestId('detail-counterparty')).toContainText('示例商店');
  await expect(page.getByTestId('detail-paymentMethod')).toContainText('余额');
  await screens(page, 'activity-payment');
  await page.goto('/notifications');
  await expect(
    page.getByTestId('notification').filter({ hasText: '向示例商店付款 ¥25.80 成功：咖啡豆 ×2' }),
  ).toHaveCount(1);
  await page.goto('/activity');
  await expect(page.getByTestId('activity-row').filter({ hasText: '示例商店' }).first()).toContainText('-¥25.80');
  await page.goto('/');
  expect(minor(await page.getByTestId('available-balance').textContent())).toBe(before - 2580);

  // 返回商家 goes to the order's return_url.
  await page.goto(`/pay/${order.id}/result?operation=${operationId}`);
  await expect(page.getByTestId('back-to-merchant')).toHaveAttribute('href', order.return_url!);

  // Paying it again: a clear page, no form; the payer sees 已支付 with the return link.
  await page.goto(`/pay/${order.id}`);
  await expect(page.getByTestId('order-unavailable')).toHaveAttribute('data-state', 'PAID');
  await expect(page.getByTestId('unavailable-title')).toHaveText('你已支付这笔订单');
  await expect(page.getByTestId('pay-button')).toHaveCount(0);
  await expect(page.getByTestId('back-to-merchant')).toHaveAttribute('href', order.return_url!);
  await page.getByTestId('back-to-merchant').click();
  await expect(page).toHaveURL(/\/e2e-shop\/return\?from=shop$/);

  // Someone else, and a signed-out visitor, see that it is paid, and nothing more.
  const li = await newPage(browser);
  await signIn(li, demoAccount('CUSTOMER', 1));
  await li.goto(`/pay/${order.id}`);
  await expect(li.getByTestId('unavailable-title')).toHaveText('订单已支付');
  await expect(li.getByTestId('view-payment')).toHaveCount(0);
  const anonymous = await newPage(browser);
  await anonymous.goto(`/pay/${order.id}`);
  await expect(anonymous.getByTestId('unavailable-title')).toHaveText('订单已支付');
  await expect(anonymous.getByTestId('pay-button')).toHaveCount(0);

  // The result page of someone else's payment does not exist for them.
  const res = await li.goto(`/pay/${order.id}/result?operation=${operationId}`);
  expect(res?.status()).toBe(404);
});

test('a closed order: the open page refuses the payment, then shows the clear page; no money moves', async ({
  page,
  request,
  baseURL,
}) => {
  const zhang = demoAccount('CUSTOMER', 0);
  await signIn(page, zhang);
  const order = await createOrder(request, baseURL!, 1);
  await page.goto(`/pay/${order.id}`);
  if (await page.getByRole('radio', { name: /余额支付/ }).isDisabled()) {
    await topUpThroughBank(page, '1.00');
    await expect(page.getByTestId('operation-status')).toHaveAttribute('data-status', 'SUCCEEDED');
    await page.goto(`/pay/${order.id}`);
  }
  const before = minor(await page.getByTestId('method-BALANCE').textContent());

  // The merchant closes it while the customer is on the page: the server refuses.
  await apiPost(request, `/orders/${order.id}/close`, {});
  await setPinIfAsked(page, page.getByTestId('pay-button'));
  await enterPin(page);
  await page.getByRole('button', { name: '确认支付 ¥0.01' }).click();
  await expect(page.getByTestId('order-unavailable')).toHaveAttribute('data-state', 'CLOSED');
  await expect(page.getByTestId('unavailable-title')).toHaveText('订单已关闭');
  await expect(page.getByText('未发生任何扣款')).toBeVisible();
  await expect(page.getByTestId('pay-button')).toHaveCount(0);
  await expect(page.getByTestId('back-to-merchant')).toHaveAttribute('href', order.return_url!);
  await expectNoSeriousAxeViolations(page);
  await screens(page, 'not-payable');

  await page.goto('/');
  expect(minor(await page.getByTestId('available-balance').textContent())).toBe(before);
});

test('too little balance: balance payment is disabled with 余额不足, top-up and online banking are offered', async ({
  page,
  request,
  baseURL,
}) => {
  await signUpThroughForm(page);
  const order = await createOrder(request, baseURL!, 12800, '年度会员');
  await page.goto(`/pay/${order.id}`);
  await expect(page.getByRole('radio', { name: /余额支付/ })).toBeDisabled();
  await expect(page.getByTestId('method-BALANCE')).toContainText('余额不足（可用 ¥0.00）');
  await expect(page.getByRole('radio', { name: /网银支付/ })).toBeChecked();
  await expect(page.getByTestId('balance-short')).toContainText('还差 ¥128.00');
  await expect(page.getByRole('link', { name: '去充值' })).toHaveAttribute(
    'href',
    `/top-up?amount=128.00&next=%2Fpay%2F${order.id}`,
  );
  // No bank account yet: linking one is offered instead of a pay button.
  await expect(page.getByRole('link', { name: '添加银行卡' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await screens(page, 'checkout-short');

  // Scan to pay shows the QR code of this page.
  await page.getByRole('radio', { name: /扫码支付/ }).check();
  await expect(page.getByTestId('checkout-payment').getByRole('img', { name: /二维码/ })).toBeVisible();

  // The same page in English.
  await page.getByTestId('language-switch').selectOption('en');
  await expect(page.getByTestId('method-BALANCE')).toContainText('Not enough balance (¥0.00 available)');
  await expect(page.getByTestId('checkout-countdown')).toHaveText(/Please pay within \d\d:\d\d/);
  await page.getByRole('radio', { name: /Online banking/ }).check();
  await expectNoSeriousAxeViolations(page);
  await screens(page, 'checkout-short-en');
});

/** A new customer 王五 with the seeded card linked, at the checkout of a fresh order. */
async function customerWithCardAtCheckout(page: Page, request: APIRequestContext, baseURL: string, amount: number) {
  const me = await signUpThroughForm(page, { ...newUserDetails(), displayName: '王五' });
  const order = await createOrder(request, baseURL, amount, '手冲咖啡');
  const checkout = `/pay/${order.id}`;
  await page.goto(checkout);
  // No card yet: 添加银行卡 leads to the card page and, once the bank confirms it, back here.
  await page.getByRole('link', { name: '添加银行卡' }).click();
  await expect(page).toHaveURL(new RegExp(`/bank-accounts\\?next=${encodeURIComponent(checkout)}$`));
  await linkCardOnForm(page, WANGWU_ACCOUNT);
  await expect(page).toHaveURL(new RegExp(`${checkout}$`));
  return { me, checkout };
}

/** From the checkout's 去充值 through the bank's page with its code (the amount is the one asked for). */
async function topUpWhatIsMissing(page: Page, missing: string) {
  await page.getByRole('link', { name: '去充值' }).click();
  await expect(page.getByLabel('充值金额（元）')).toHaveValue(missing);
  await confirmTopUpAtBank(page);
}

/** On the top-up's page: once the money is in (it updates by itself), 继续付款 leads back to the checkout. */
async function continueOnceToppedUp(page: Page, checkout: string) {
  await expect(page.getByTestId('operation-status')).toHaveAttribute('data-status', 'SUCCEEDED', { timeout: 60_000 });
  await page.getByTestId('continue-payment').click();
  await expect(page).toHaveURL(new RegExp(`${checkout}$`));
}

async function payFromBalance(page: Page, checkout: string, amountText: string) {
  await expect(page.getByRole('radio', { name: /余额支付/ })).toBeChecked();
  await expect(page.getByTestId('method-BALANCE')).toContainText(`可用余额 ${amountText}`);
  await setPinIfAsked(page, page.getByTestId('pay-button'));
  await enterPin(page);
  await page.getByRole('button', { name: `确认支付 ${amountText}` }).click();
  await expect(page).toHaveURL(new RegExp(`${checkout}/result\\?operation=[0-9a-f-]{36}$`));
  await expect(page.getByTestId('result-title')).toHaveText('支付成功');
}

test('short of balance at the checkout: add a card, top up what is missing, come straight back and pay', async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const { checkout } = await customerWithCardAtCheckout(page, request, baseURL!, 1280);
  await expect(page.getByTestId('balance-short')).toContainText('还差 ¥12.80');
  await screens(page, 'checkout-short-with-card');
  // The bank tells the wallet before sending the customer back (within 2 s), so the money is
  // in and the customer is back at the checkout. Should that notice be slow, the top-up's
  // page comes first (the next test forces that path): then its 继续付款 leads back.
  await topUpWhatIsMissing(page, '12.80');
  await expect(page).toHaveURL(new RegExp(`${checkout}$|/activity/[0-9a-f-]{36}\\?next=`));
  if (!page.url().endsWith(checkout)) await continueOnceToppedUp(page, checkout);
  await payFromBalance(page, checkout, '¥12.80');
});

test('a top-up from the checkout whose bank notice is lost: its page offers 继续付款 once it settles', async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const { checkout } = await customerWithCardAtCheckout(page, request, baseURL!, 990);
  await setBankFault(page, 'LOSE_NOTICE');
  await page.goto(checkout);
  await topUpWhatIsMissing(page, '9.90');
  // Not in yet: the top-up's page, with the way back to the checkout.
  await expect(page).toHaveURL(new RegExp(`/activity/[0-9a-f-]{36}\\?next=${encodeURIComponent(checkout)}$`));
  await expect(page.getByTestId('continue-payment')).toHaveText('继续付款');
  await expect(page.getByTestId('operation-status')).toHaveAttribute('data-status', 'PENDING');
  await screens(page, 'top-up-pending-continue-payment');
  // The status-query job finds the money at the bank.
  await continueOnceToppedUp(page, checkout);
  await payFromBalance(page, checkout, '¥9.90');
});

test('online banking for an order closed while the customer was at the bank: the money goes to the balance, and the pages say so', async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await signIn(page, demoAccount('CUSTOMER', 1));
  const order = await createOrder(request, baseURL!, 1500, '滤纸 ×100');
  await page.goto(`/pay/${order.id}`);
  await page.getByRole('radio', { name: /网银支付/ }).check();
  await page.getByRole('button', { name: '确认支付 ¥15.00' }).click();
  await expect(page).toHaveURL(/\/sandbox-bank\/authorize\//);

  await apiPost(request, `/orders/${order.id}/close`, {});
  await enterCodeFromPhone(page);
  await page.getByRole('button', { name: /^确认付款/ }).click();
  await expect(page).toHaveURL(new RegExp(`/pay/${order.id}/return\\?operation=`));
  await expect(page.getByTestId('payment-result')).toHaveAttribute('data-outcome', 'CREDITED_TO_BALANCE', {
    timeout: 20_000,
  });
  await expect(page.getByTestId('result-title')).toHaveText('款项已存入余额');
  await expect(page.getByTestId('credited-to-balance')).toContainText('¥15.00 已存入你的钱包余额');
  await screens(page, 'return-credited');

  await page.getByTestId('view-payment').click();
  await expect(page.getByTestId('operation-amount')).toHaveText('+¥15.00');
  await expect(page.getByTestId('operation-credited-to-balance')).toBeVisible();
});

test('online banking: the bank page, a pending result that turns to 支付成功 by itself', async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await signIn(page, demoAccount('CUSTOMER', 1));
  const order = await createOrder(request, baseURL!, 4321, '挂耳咖啡');
  await page.goto(`/pay/${order.id}`);
  await page.getByRole('radio', { name: /网银支付/ }).check();
  await page.getByRole('button', { name: '确认支付 ¥43.21' }).click();
  await expect(page).toHaveURL(/\/sandbox-bank\/authorize\//);
  await expect(page.getByTestId('debit-payee')).toHaveText('示例商店');
  const bankPage = page.url();

  // Back on the checkout while the bank waits: the payment is pending and can be followed.
  await page.goto(`/pay/${order.id}`);
  await page.getByRole('link', { name: '查看进度' }).click();
  await expect(page.getByTestId('payment-result')).toHaveAttribute('data-outcome', 'PENDING');
  await expect(page.getByTestId('result-title')).toHaveText('支付处理中');
  await screens(page, 'return-pending');

  await page.goto(bankPage);
  await enterCodeFromPhone(page);
  await page.getByRole('button', { name: /^确认付款/ }).click();
  await expect(page).toHaveURL(new RegExp(`/pay/${order.id}/return\\?operation=[0-9a-f-]{36}(&|$)`));
  await expect(page.getByTestId('result-title')).toHaveText('支付成功', { timeout: 20_000 });
  await expect(page.getByTestId('result-amount')).toHaveText('¥43.21');

  await page.getByTestId('view-payment').click();
  await expect(page.getByTestId('detail-paymentMethod')).toContainText('(');
  await expect(page.getByTestId('detail-counterparty')).toContainText('示例商店');
});

test("the checkout's payment route refuses what a page would never send, and nothing moves", async ({
  browser,
  request,
  baseURL,
}) => {
  const order = await createOrder(request, baseURL!, 300);
  const form = (fields: Record<string, string>) => ({ multipart: fields });
  // No session: 401, not a sign-in page.
  const anonymous = await request.post(
    `/pay/${order.id}/balance`,
    form({ idempotencyKey: randomUUID(), pin: '000000' }),
  );
  expect(anonymous.status()).toBe(401);
  expect(await anonymous.json()).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED' } });

  const page = await newPage(browser);
  await signIn(page, demoAccount('CUSTOMER', 0));
  const signedIn = page.request;
  // A key that is not a UUID names its field; a malformed order id is not found.
  const badKey = await signedIn.post(`/pay/${order.id}/balance`, form({ idempotencyKey: 'x', pin: '000000' }));
  expect(badKey.status()).toBe(422);
  expect(await badKey.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'idempotencyKey' } });
  const badOrder = await signedIn.post(
    '/pay/not-an-order/balance',
    form({ idempotencyKey: randomUUID(), pin: '000000' }),
  );
  expect(badOrder.status()).toBe(404);
  // Only POST is served.
  expect((await signedIn.get(`/pay/${order.id}/balance`)).status()).toBe(405);
  const still = await request.get(`/api/v1/orders/${order.id}`, { headers: { Authorization: `Bearer ${apiKey()}` } });
  expect(((await still.json()) as ApiOrder).status).toBe('PENDING');
  await page.context().close();
});
