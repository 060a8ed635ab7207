// The merchant dashboard through the browser: a customer is refused its pages, pays a shop's
// order (made over HTTP with the demo merchant's API key) and applies to become a merchant;
// the demo merchant sees the paid order, refunds half with a confirm step, resends a
// notification, closes a pending order, creates an API key (shown once, works against the
// API, then revoked and refused), sets its webhook URL, rotates its signing secret (the demo
// store, still on the old one, keeps accepting notifications for 24 hours), pays out with the fee shown before
// and at confirmation, and downloads the daily bill. Every page is looked at in 1280 and
// 375 px (screenshots in e2e/.generated/screens) with axe.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { topUpThroughBank } from './support/top-up-flow';
import { demoAccount, newUserDetails, signInThroughForm, signUpThroughForm } from './support/users';
import { expectNoSeriousAxeViolations } from './support/axe';
import { linkBankAccountThroughForm } from './support/bank-accounts';
import { enterPin, setPinIfAsked } from './support/pin';

test.describe.configure({ mode: 'serial' });

const SCREENS = 'e2e/.generated/screens';
const merchantUser = () => demoAccount('MERCHANT');

type ApiOrder = { id: string; merchant_order_no: string; status: string };

function demoStoreKey(): string {
  return (JSON.parse(readFileSync('e2e/.generated/demo-store.json', 'utf8')) as { apiKey: string }).apiKey;
}

/** An order as a shop makes it; `notifyUrl` gets its notifications (a path the wallet does not serve answers 404). */
async function createOrder(
  request: APIRequestContext,
  amount: number,
  subject: string,
  notifyUrl?: string,
): Promise<ApiOrder> {
  const res = await request.post('/api/v1/orders', {
    headers: {
      Authorization: `Bearer ${demoStoreKey()}`,
      'Idempotency-Key': randomUUID(),
      'Content-Type': 'application/json',
    },
    data: {
      merchant_order_no: `MD-${randomUUID().slice(0, 8)}`,
      amount,
      currency: 'CNY',
      subject,
      expires_in: 1800,
      ...(notifyUrl ? { notify_url: notifyUrl } : {}),
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as ApiOrder;
}

/** 1280 and 375 px screenshots; nothing may stick out sideways on a phone. */
async function screens(page: Page, name: string) {
  mkdirSync(SCREENS, { recursive: true });
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: `${SCREENS}/merchant-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function signIn(page: Page, who: { email: string; password: string }) {
  await signInThroughForm(page, who.email, who.password);
  // A merchant lands on its own home, /merchant; a customer on `/`.
  await expect(page).toHaveURL(/\/(merchant)?$/);
}

/** Minor units from a displayed amount like `¥1,234.50`. */
function minor(text: string | null): number {
  const match = /¥([\d,]+)\.(\d{2})/.exec(text ?? '');
  if (!match) throw new Error(`no amount in ${text}`);
  return Number(match[1]!.replace(/,/g, '')) * 100 + Number(match[2]);
}

let paidOrder: ApiOrder;

test('a customer is refused the merchant pages, pays a shop from the balance, and applies to become a merchant', async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(180_000);
  await signUpThroughForm(page, { ...newUserDetails(), displayName: '王五' });

  for (const path of [
    '/merchant',
    '/merchant/orders',
    '/merchant/payouts',
    '/merchant/developers',
    '/merchant/bills',
  ]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(403);
    await expect(page.getByTestId('forbidden')).toBeVisible();
  }
  const bill = await page.request.get('/merchant/bills/2026-01-01');
  expect(bill.status()).toBe(403);

  // 我的 → 成为商家: a bank account is needed first.
  await page.goto('/me');
  await page.getByTestId('merchant-entry').click();
  await expect(page).toHaveURL(/\/merchant\/apply$/);
  await expect(page.getByRole('link', { name: '添加银行卡' })).toBeVisible();
  await linkBankAccountThroughForm(page);

  // Pay the demo shop ¥88.88 from the balance (the merchant's paid order for the next test).
  await topUpThroughBank(page, '100.00');
  await expect(page.getByTestId('operation-status')).toHaveAttribute('data-status', 'SUCCEEDED');
  paidOrder = await createOrder(request, 8888, '咖啡豆 ×2', `${baseURL}/e2e-shop/notify`);
  await page.goto(`/pay/${paidOrder.id}`);
  await setPinIfAsked(page, page.getByTestId('pay-button'));
  await enterPin(page);
  await page.getByTestId('pay-button').click();
  await expect(page.getByTestId('result-title')).toHaveText('支付成功');

  // The application: shop name and settlement account → 审核中.
  await page.goto('/merchant/apply');
  await screens(page, 'apply');
  await expectNoSeriousAxeViolations(page);
  await page.getByLabel('店铺名称').fill('  ');
  await page.getByRole('button', { name: '提交申请' }).click();
  await expect(page.getByTestId('shopName-error')).toHaveText('请输入店铺名称，最多 40 个字');
  await page.getByLabel('店铺名称').fill('王五的小店');
  await expect(page.getByRole('radio', { name: /沙箱银行储蓄卡\(0044\)/ })).toBeChecked();
  await page.getByRole('button', { name: '提交申请' }).click();
  await expect(page.getByTestId('application-status')).toHaveAttribute('data-status', 'PENDING');
  await expect(page.getByTestId('application-status')).toContainText('王五的小店');
  await screens(page, 'apply-pending');
  await page.goto('/me');
  await expect(page.getByTestId('merchant-entry')).toContainText('商户申请审核中');
  // Still a customer: the dashboard stays closed until an admin approves.
  expect((await page.goto('/merchant'))?.status()).toBe(403);
});

test('the merchant sees the paid order, refunds half after confirming, resends a notification and closes a pending order', async ({
  page,
  request,
}) => {
  // Four flows with axe checks and a notification's delivery: 1.4 min on a busy 2-core machine.
  test.setTimeout(180_000);
  const pending = await createOrder(request, 1234, '待支付的订单');
  await signIn(page, merchantUser());
  await page.getByRole('link', { name: '商户中心' }).first().click();
  await expect(page).toHaveURL(/\/merchant$/);
  await expect(page.getByTestId('shop-name')).toContainText('示例商店');
  await expect(page.getByTestId('fee-rate')).toHaveText('0.6%');
  expect(minor(await page.getByTestId('today-paid-amount').textContent())).toBeGreaterThanOrEqual(8888);
  await expectNoSeriousAxeViolations(page);
  await screens(page, 'home');

  // Orders: search by merchant_order_no, filter by status.
  await page.getByRole('link', { name: '订单', exact: true }).click();
  await expect(page).toHaveURL(/\/merchant\/orders$/);
  await page.getByLabel('商户订单号').fill(paidOrder.merchant_order_no);
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page).toHaveURL(/q=MD-/);
  await expect(page.getByTestId('order-row')).toHaveCount(1);
  await expect(page.getByTestId('order-row')).toContainText('支付成功');
  await page.getByLabel('状态').selectOption('CLOSED');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByTestId('orders-empty')).toBeVisible();
  await page.goto('/merchant/orders');
  await expectNoSeriousAxeViolations(page);
  await screens(page, 'orders');

  // Detail: amounts, masked customer, timeline, the order.paid notification.
  await page.goto(`/merchant/orders/${paidOrder.id}`);
  await expect(page.getByTestId('order-amount')).toHaveText('¥88.88');
  await expect(page.getByTestId('order-fee')).toHaveText('¥0.54');
  await expect(page.getByTestId('order-net')).toHaveText('¥88.34');
  await expect(page.getByTestId('order-customer')).toHaveText('*五');
  await expect(page.getByTestId('order-timeline-step')).toHaveText([/订单创建/, /支付成功/]);
  await expect(page.getByTestId('webhook-event').first()).toContainText('order.paid');

  // Refund half (¥44.44): the amount is parsed strictly, then confirmed.
  await page.getByLabel('退款金额').fill('44.444');
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByTestId('amount-error')).toHaveText('金额最多两位小数');
  await page.getByLabel('退款金额').fill('100');
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByTestId('amount-error')).toHaveText('退款金额超过可退金额 ¥88.88');
  await page.getByLabel('退款金额').fill('44.44');
  await page.getByLabel('退款原因（选填）').fill('缺货，退一半');
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByTestId('refund-confirm')).toContainText('¥44.44');
  await screens(page, 'refund-confirm');
  await page.getByRole('button', { name: '确认退款 ¥44.44' }).click();
  await expect(page.getByTestId('refund-done')).toHaveText('已退款 ¥44.44');
  await expect(page.getByTestId('order-status').first()).toHaveText('部分退款');
  await expect(page.getByTestId('order-refunded')).toHaveText('¥44.44');
  await expect(page.getByTestId('order-net')).toHaveText('¥43.90');
  await expect(page.getByTestId('refund-list')).toContainText('缺货，退一半');
  await expect(page.getByTestId('order-timeline-step')).toHaveText([/订单创建/, /支付成功/, /退款 ¥44\.44/]);
  await expect(page.getByTestId('webhook-event')).toHaveCount(2);

  // Resend the order.paid notification now: one more (manual) attempt is logged.
  const paidEvent = page.getByTestId('webhook-event').filter({ hasText: 'order.paid' });
  await expect(async () => {
    await page.reload();
    await expect(paidEvent.getByTestId('webhook-attempt').first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  const attemptsBefore = await paidEvent.getByTestId('webhook-attempt').count();
  await paidEvent.getByTestId('resend-webhook').click();
  await expect(paidEvent.getByText(/已重新发送/)).toBeVisible();
  await expect(paidEvent.getByTestId('webhook-attempt')).toHaveCount(attemptsBefore + 1);
  await expect(paidEvent.getByTestId('webhook-attempt').last()).toContainText('手动重发');
  await expectNoSeriousAxeViolations(page);
  await screens(page, 'order-detail');

  // A pending order: close it after confirming.
  await page.goto(`/merchant/orders/${pending.id}`);
  await expect(page.getByTestId('order-status').first()).toHaveText('待支付');
  await page.getByTestId('close-order').click();
  await page.getByTestId('close-order-confirm').click();
  await expect(page.getByTestId('order-status').first()).toHaveText('已关闭');
  await expect(page.getByTestId('close-order')).toHaveCount(0);

  // Another merchant's (or no) order is simply not found.
  expect((await page.goto(`/merchant/orders/${randomUUID()}`))?.status()).toBe(404);
});

test('API keys are shown once, work against the API, and are refused once revoked; the webhook URL is http(s) only; the secret rotates', async ({
  page,
  request,
  baseURL,
}) => {
  // Each key and secret action is confirmed with the payment PIN: more than a minute on a busy machine.
  test.setTimeout(120_000);
  await signIn(page, merchantUser());
  await page.goto('/merchant/developers');
  await expect(page.getByRole('link', { name: '查看 API 文档' })).toHaveAttribute('href', '/docs/api');
  await setPinIfAsked(page, page.getByLabel('密钥名称'));
  const label = `e2e-${randomUUID().slice(0, 6)}`;
  await page.getByLabel('密钥名称').fill(label);
  await page.getByRole('button', { name: '创建密钥' }).click();
  // Confirmed with the payment PIN.
  await expect(page.getByTestId('create-api-key-pin')).toContainText(label);
  await enterPin(page);
  await page.getByTestId('create-api-key-pin-submit').click();
  await expect(page.getByTestId('new-api-key')).toContainText('关闭后将无法再次查看完整密钥');
  const secret = (await page.getByTestId('new-api-key-secret').textContent())!.trim();
  expect(secret).toMatch(/^sk_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
  await screens(page, 'developers-new-key');
  const row = page.getByTestId('api-key-row').filter({ hasText: label });
  await expect(row).toContainText(`${secret.slice(0, 15)}_••••`);
  await expect(row).toContainText('从未使用');

  // The key works over HTTP; after "我已保存" and a reload the secret is nowhere on the page.
  const balance = await request.get('/api/v1/balance', { headers: { Authorization: `Bearer ${secret}` } });
  expect(balance.status()).toBe(200);
  await page.getByTestId('dismiss-new-key').click();
  await page.reload();
  await expect(page.getByTestId('new-api-key')).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);
  await expect(row).not.toContainText('从未使用');

  // Revoke with a confirmation: then the API refuses it.
  await row.getByTestId('revoke-api-key').click();
  await expect(row.getByRole('alertdialog')).toContainText(label);
  await row.getByTestId('revoke-api-key-confirm').click();
  await expect(row.getByTestId('api-key-state')).toHaveText('已吊销');
  const refused = await request.get('/api/v1/balance', { headers: { Authorization: `Bearer ${secret}` } });
  expect(refused.status()).toBe(401);

  // Webhook URL: http(s) only; saved and kept; then put back as it was (the demo store relies on it).
  const field = page.getByLabel('通知 URL');
  const original = await field.inputValue();
  await field.fill('ftp://shop.example/notify');
  await page.getByRole('button', { name: '保存' }).click();
  await enterPin(page);
  await page.getByTestId('webhook-url-pin-submit').click();
  await expect(page.getByTestId('webhookUrl-error')).toHaveText('请输入 http:// 或 https:// 开头的网址');
  await field.fill('https://shop.example/wallet/notify');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('webhook-url-pin')).toContainText('https://shop.example/wallet/notify');
  await enterPin(page);
  await page.getByTestId('webhook-url-pin-submit').click();
  await expect(page.getByTestId('webhook-url-saved')).toHaveText('已保存');
  await page.reload();
  await expect(page.getByLabel('通知 URL')).toHaveValue('https://shop.example/wallet/notify');
  await page.getByLabel('通知 URL').fill(original);
  await page.getByRole('button', { name: '保存' }).click();
  await enterPin(page);
  await page.getByTestId('webhook-url-pin-submit').click();
  await expect(page.getByTestId('webhook-url-saved')).toHaveText('已保存');

  // The signing secret is fetched only when asked for. Rotating is confirmed first.
  await expect(page.getByTestId('webhook-secret')).not.toContainText(/whsec_[A-Za-z0-9_-]{20}/);
  await page.getByTestId('reveal-secret').click();
  await enterPin(page);
  await page.getByTestId('reveal-secret-confirm').click();
  await expect(page.getByTestId('webhook-secret')).toHaveText(/^whsec_[A-Za-z0-9_-]{43}$/);
  const oldSecret = await page.getByTestId('webhook-secret').textContent();
  await page.getByTestId('rotate-secret').click();
  await expect(page.getByRole('alertdialog')).toContainText('24 小时内还会同时带上旧密钥的签名，之后旧密钥验证将失败');
  await expectNoSeriousAxeViolations(page);
  await screens(page, 'developers');
  await enterPin(page);
  await page.getByTestId('rotate-secret-confirm').click();
  await expect(page.getByText('已更换签名密钥：请在 24 小时内把新密钥部署到你的服务器')).toBeVisible();
  await expect(page.getByTestId('webhook-secret')).toHaveText(/^whsec_[A-Za-z0-9_-]{43}$/);
  await expect(page.getByTestId('webhook-secret')).not.toHaveText(oldSecret!);

  // The demo store still holds the old secret (read at its start) and still accepts what the
  // wallet sends now: an order closed over the API notifies it, and it answers 200 (a bad
  // signature gets 400), because the old secret signs the notification too.
  const closed = await createOrder(request, 100, '轮换密钥后的通知', `${baseURL}/api/demo-store/notify`);
  const close = await request.post(`/api/v1/orders/${closed.id}/close`, {
    headers: { Authorization: `Bearer ${demoStoreKey()}`, 'Idempotency-Key': randomUUID() },
  });
  expect(close.status(), await close.text()).toBe(200);
  await page.goto(`/merchant/orders/${closed.id}`);
  const closedEvent = page.getByTestId('webhook-event').filter({ hasText: 'order.closed' });
  await expect(async () => {
    await page.reload();
    await expect(closedEvent.getByTestId('webhook-attempt').first()).toContainText('HTTP 200', { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
});

test('a payout shows the fee before and at confirmation, needs the payment PIN, and arrives; the daily bill downloads', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, merchantUser());
  await page.goto('/merchant/payouts');
  await setPinIfAsked(page, page.getByLabel('结算金额', { exact: true }));
  const available = minor(await page.getByText(/可结算余额/).textContent());
  expect(available).toBeGreaterThanOrEqual(1010);

  await page.getByLabel('结算金额', { exact: true }).fill('10.00');
  await expect(page.getByTestId('payout-fee')).toHaveText('¥0.10');
  await expect(page.getByTestId('payout-arrives')).toHaveText('¥10.00');
  await expectNoSeriousAxeViolations(page);
  await screens(page, 'payouts');
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByTestId('payout-confirm')).toContainText('¥0.10');
  await enterPin(page, '246813');
  await page.getByRole('button', { name: '确认结算' }).click();
  await expect(page.getByTestId('pin-error')).toHaveText(/^支付密码不正确，还可尝试 \d 次$/);
  await enterPin(page);
  await screens(page, 'payout-confirm');
  await page.getByRole('button', { name: '确认结算' }).click();
  await expect(page.getByTestId('payout-submitted')).toBeVisible();
  const newest = page.getByTestId('payout-row').first();
  // What left the merchant balance, fee included, and what arrives.
  await expect(newest).toContainText('-¥10.10');
  await expect(newest.getByTestId('payout-fee-note')).toHaveText('含手续费 ¥0.10 · 到账 ¥10.00');
  await expect(async () => {
    await page.reload();
    await expect(newest).toHaveAttribute('data-status', 'SUCCEEDED', { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(newest).toContainText('到账成功');
  expect(minor(await page.getByText(/可结算余额/).textContent())).toBe(available - 1010);

  // Today's bill lists the order paid in the first test.
  await page.goto('/merchant/bills');
  await expectNoSeriousAxeViolations(page);
  await screens(page, 'bills');
  const href = await page.getByTestId('bill-download').getAttribute('href');
  const bill = await page.request.get(href!);
  expect(bill.status()).toBe(200);
  expect(bill.headers()['content-type']).toContain('text/csv');
  expect(await bill.text()).toContain(paidOrder.merchant_order_no);
});

test('in English every dashboard page reads and fits at 375 and 1280 px', async ({ page }) => {
  await signIn(page, merchantUser());
  await page.goto('/merchant');
  await page.getByTestId('language-switch').filter({ visible: true }).first().selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'Merchant center' })).toBeVisible();
  await expect(page.getByTestId('today-paid-count')).toHaveText(/\d+ orders?/);
  await screens(page, 'home-en');
  await page.goto(`/merchant/orders/${paidOrder.id}`);
  await expect(page.getByTestId('order-status').first()).toHaveText('Partially refunded');
  await screens(page, 'order-detail-en');
  for (const path of ['/merchant/orders', '/merchant/payouts', '/merchant/bills', '/merchant/developers']) {
    await page.goto(path);
    await screens(page, `${path.split('/').at(-1)}-en`);
  }
  await expectNoSeriousAxeViolations(page);
  // Back to Chinese for whoever signs in next.
  await page.getByTestId('language-switch').filter({ visible: true }).first().selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});
