// Issue 15 (the door), through the browser and over real HTTP: a new merchant (applied,
// approved, its own API key) is frozen by an admin; its key then gets 403 MERCHANT_FROZEN on
// every write while reads still work, the checkout of its order says why it cannot be paid,
// its dashboard shows a banner; after the unfreeze the same Idempotency-Key goes through.
// And a transfer memo with a hidden direction character is refused on its field.
import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './support/axe';
import { linkBankAccountThroughForm } from './support/bank-accounts';
import { topUpThroughBank } from './support/top-up-flow';
import { enterPin, setPinIfAsked } from './support/pin';
import { demoAccount, signInThroughForm, signUpThroughForm } from './support/users';

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  return context.newPage();
}

async function signedIn(
  browser: Browser,
  who: { email: string; password: string; totpSecret?: string },
): Promise<Page> {
  const page = await newPage(browser);
  await signInThroughForm(page, who.email, who.password, who.totpSecret);
  // Each role lands on its own home: `/`, /merchant or /admin.
  await expect(page).toHaveURL(/\/(merchant|admin)?$/);
  return page;
}

/** A customer signs up, links a card and applies; the admin approves; the merchant makes an API key. */
async function newMerchantWithKey(browser: Browser, admin: Page): Promise<{ page: Page; email: string; key: string }> {
  const page = await newPage(browser);
  const details = await signUpThroughForm(page);
  await linkBankAccountThroughForm(page);
  await page.goto('/merchant/apply');
  const shopName = `冻结测试店${details.email.slice(4, 8)}`;
  await page.getByLabel('店铺名称').fill(shopName);
  await page.getByRole('button', { name: '提交申请' }).click();
  await expect(page.getByTestId('application-status')).toHaveAttribute('data-status', 'PENDING');

  await admin.goto('/admin/merchants?status=PENDING');
  const row = admin.getByTestId('merchant-row').filter({ hasText: shopName });
  await row.getByTestId('merchant-approve').click();
  await expect(row.getByTestId('merchant-status')).toHaveCount(0);

  await page.goto('/merchant/developers');
  await setPinIfAsked(page, page.getByLabel('密钥名称'));
  await page.getByLabel('密钥名称').fill('e2e frozen');
  await page.getByRole('button', { name: '创建密钥' }).click();
  // Creating a key is confirmed with the payment PIN.
  await enterPin(page);
  await page.getByTestId('create-api-key-pin-submit').click();
  const key = (await page.getByTestId('new-api-key-secret').textContent())!.trim();
  await page.getByTestId('dismiss-new-key').click();
  return { page, email: details.email, key };
}

/** The admin finds the user by email on /admin/users and freezes or unfreezes them with a note. */
async function setFrozenThroughAdmin(admin: Page, email: string, frozen: boolean) {
  await admin.goto('/admin/users');
  await admin.getByLabel('邮箱、昵称或用户编号').fill(email);
  await admin.getByRole('button', { name: '搜索' }).click();
  await admin.getByTestId('admin-user-row').first().click();
  await expect(admin.getByTestId('admin-user-email')).toHaveText(email);
  await admin.getByLabel('原因（必填，将记入审计日志）').fill(frozen ? '商户涉嫌违规，暂停收款' : '核查完毕，恢复收款');
  await admin.getByTestId('freeze-submit').click();
  await expect(admin.getByTestId('freeze-done')).toHaveText(
    frozen ? '已冻结，操作已记入审计日志' : '已解冻，操作已记入审计日志',
  );
}

function api(request: APIRequestContext, key: string) {
  const headers = (idempotencyKey?: string) => ({
    Authorization: `Bearer ${key}`,
    'Content-Type': 'application/json',
    ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}),
  });
  return {
    post: (path: string, data: unknown, idempotencyKey = randomUUID()) =>
      request.post(`/api/v1${path}`, { headers: headers(idempotencyKey), data }),
    get: (path: string) => request.get(`/api/v1${path}`, { headers: headers() }),
  };
}

test('a frozen merchant: its key cannot write (403 MERCHANT_FROZEN), its checkout says why, its dashboard shows a banner; the unfreeze lets it work again', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const admin = await signedIn(browser, demoAccount('ADMIN'));
  const merchant = await newMerchantWithKey(browser, admin);
  const shop = api(request, merchant.key);

  const created = await shop.post('/orders', {
    merchant_order_no: `FZ-${randomUUID().slice(0, 8)}`,
    amount: 1288,
    subject: '冻结前的订单',
  });
  expect(created.status(), await created.text()).toBe(201);
  const order = (await created.json()) as { id: string; checkout_url: string };

  await setFrozenThroughAdmin(admin, merchant.email, true);

  // Every write is refused and changes nothing; reads still work.
  const retryBody = { merchant_order_no: `FZ-${randomUUID().slice(0, 8)}`, amount: 500, subject: '冻结时下的单' };
  const retryKey = randomUUID();
  const writes = [
    await shop.post('/orders', retryBody, retryKey),
    await shop.post(`/orders/${order.id}/refunds`, { amount: 100, reason: '测试退款' }),
    await shop.post(`/orders/${order.id}/close`, {}),
    await shop.post(`/orders/${order.id}/shipment`, { carrier: '顺丰速运', tracking_number: 'SF123' }),
  ];
  for (const answer of writes) {
    expect(answer.status()).toBe(403);
    expect((await answer.json()).error.code).toBe('MERCHANT_FROZEN');
  }
  const read = await shop.get(`/orders/${order.id}`);
  expect(read.status()).toBe(200);
  expect(await read.json()).toMatchObject({ status: 'PENDING', amount_refunded: 0, shipment: null });
  expect((await shop.get(`/orders?merchant_order_no=${retryBody.merchant_order_no}`)).status()).toBe(404);

  // A customer opening the checkout is told why it cannot be paid, with no way to pay.
  const customer = await signedIn(browser, demoAccount('CUSTOMER', 1));
  await customer.goto(new URL(order.checkout_url).pathname);
  await expect(customer.getByTestId('order-unavailable')).toHaveAttribute('data-state', 'MERCHANT_PAUSED');
  await expect(customer.getByTestId('unavailable-title')).toHaveText('商户暂停收款');
  await expect(customer.getByText('该商户暂时无法收款，这笔订单现在不能支付，未发生任何扣款。')).toBeVisible();
  await expect(customer.getByTestId('checkout-payment')).toHaveCount(0);
  await expectNoSeriousAxeViolations(customer);

  // The merchant sees why in its dashboard.
  await merchant.page.goto('/merchant');
  await expect(merchant.page.getByTestId('merchant-frozen-banner')).toContainText('商户已被冻结，暂停收款');
  await expectNoSeriousAxeViolations(merchant.page);

  // Unfrozen: the refused request's key was not used up, the checkout offers to pay again.
  await setFrozenThroughAdmin(admin, merchant.email, false);
  const retried = await shop.post('/orders', retryBody, retryKey);
  expect(retried.status(), await retried.text()).toBe(201);
  expect(retried.headers()['idempotent-replayed']).toBeUndefined();
  await customer.reload();
  await expect(customer.getByTestId('checkout-payment')).toBeVisible();
  await expect(customer.getByTestId('order-unavailable')).toHaveCount(0);
  await merchant.page.goto('/merchant');
  await expect(merchant.page.getByTestId('shop-name')).toBeVisible();
  await expect(merchant.page.getByTestId('merchant-frozen-banner')).toHaveCount(0);
  const closed = await shop.post(`/orders/${order.id}/close`, {});
  expect(closed.status()).toBe(200);
  expect((await closed.json()).status).toBe('CLOSED');
});

test('a transfer memo with U+202E is refused on the memo field, and no money moves', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await signedIn(browser, demoAccount('CUSTOMER', 1));
  await topUpThroughBank(page, '20.00');
  await expect(page.getByTestId('operation-status')).toHaveAttribute('data-status', 'SUCCEEDED');
  await page.goto('/');
  const before = await page.getByTestId('available-balance').textContent();

  await page.goto('/transfer');
  await setPinIfAsked(page, page.getByLabel('对方邮箱'));
  await page.getByLabel('对方邮箱').fill(demoAccount('CUSTOMER', 0).email);
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByTestId('recipient-name')).toBeVisible();
  await page.getByLabel('转账金额（元）').fill('5.00');
  const memo = `饭${randomUUID().slice(0, 4)}`;
  await page.getByLabel('备注（选填）').fill(`${memo}\u202E00.05`);
  await page.getByRole('button', { name: '下一步' }).click();
  await enterPin(page);
  await page.getByRole('button', { name: /确认转账/ }).click();
  await expect(page.getByTestId('memo-error')).toHaveText(
    '不能包含改变文字方向的隐藏字符（U+202E，第 6 个字符），请删除后重试',
  );
  await expect(page).toHaveURL(/\/transfer$/);
  await expectNoSeriousAxeViolations(page);

  await page.goto('/');
  expect(await page.getByTestId('available-balance').textContent()).toBe(before);
  await page.goto('/activity');
  await expect(page.getByText(memo)).toHaveCount(0);
});
