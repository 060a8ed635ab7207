// Issue 6, the admin's oversight of users through the browser: an admin finds a customer and
// freezes them with a note; the customer still signs in and sees the balance, with a banner,
// and a transfer is refused with a clear message; the admin unfreezes; the audit log lists
// both actions; a customer (and a merchant) opening the admin pages gets 403 and no links.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { demoAccount, signInThroughForm, signUpThroughForm } from './support/users';
import { expectNoSeriousAxeViolations, seriousAxeViolations } from './support/axe';
import { linkBankAccountThroughForm } from './support/bank-accounts';

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  return context.newPage();
}

async function signInAsAdmin(browser: Browser): Promise<Page> {
  const page = await newPage(browser);
  const admin = demoAccount('ADMIN');
  await signInThroughForm(page, admin.email, admin.password, admin.totpSecret);
  await expect(page).toHaveURL(/\/admin$/);
  return page;
}

async function openUserFromSearch(admin: Page, email: string) {
  await admin.goto('/admin/users');
  await admin.getByLabel('邮箱、昵称或用户编号').fill(email.toUpperCase());
  await admin.getByRole('button', { name: '搜索' }).click();
  await expect(admin).toHaveURL(/\/admin\/users\?q=/);
  const rows = admin.getByTestId('admin-user-row');
  await expect(rows).toHaveCount(1);
  await rows.first().click();
  await expect(admin.getByTestId('admin-user-email')).toHaveText(email);
}

test('an admin freezes a customer, whose money actions are then greyed out with the reason; unfreezes; the audit log lists both', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const customer = await newPage(browser);
  const details = await signUpThroughForm(customer);

  const admin = await signInAsAdmin(browser);
  await admin.getByRole('link', { name: '管理后台' }).first().click();
  await admin.getByTestId('admin-card-users').click();
  await openUserFromSearch(admin, details.email);
  await expect(admin.getByTestId('user-status')).toHaveText('正常');
  await expect(admin.getByTestId('admin-user-wallet')).toContainText('¥0.00');

  // A note is required.
  await admin.getByTestId('freeze-submit').click();
  await expect(admin.getByTestId('freeze-error')).toHaveText('请填写备注（原因）');
  await admin.getByLabel('原因（必填，将记入审计日志）').fill('用户来电：手机丢失，暂停交易');
  await admin.getByTestId('freeze-submit').click();
  await expect(admin.getByTestId('freeze-done')).toHaveText('已冻结，操作已记入审计日志');
  await expect(admin.getByTestId('user-status')).toHaveText('已冻结');
  await expect(admin.getByTestId('admin-user-audit')).toContainText('冻结用户');

  // The customer is still signed in (and could sign in again): banner on home, balance shown;
  // the money actions are greyed out with the reason, not forms that fail when sent.
  await customer.goto('/');
  await expect(customer.getByTestId('account-frozen-banner')).toContainText('账户已冻结');
  await expect(customer.getByTestId('available-balance')).toBeVisible();
  // 处理中金额 (money on its way), not a second 冻结 next to the frozen account's.
  await expect(customer.getByText('处理中金额')).toBeVisible();
  await expect(customer.getByText('冻结金额')).toHaveCount(0);
  const actions = customer.getByRole('navigation', { name: '常用功能' });
  for (const name of ['充值', '转账', '提现']) {
    const tile = actions.getByRole('link', { name, exact: true });
    await expect(tile).toHaveAttribute('aria-disabled', 'true');
    await expect(tile).not.toHaveAttribute('href');
    await expect(tile).toHaveAccessibleDescription('账户已冻结，暂不能充值、转账或提现');
  }
  await expect(customer.getByTestId('actions-frozen')).toBeVisible();
  await expectNoSeriousAxeViolations(customer, 'frozen home');
  // Typed in directly, each page says why instead of offering its form.
  for (const path of ['/transfer', '/top-up', '/withdraw']) {
    await customer.goto(path);
    await expect(customer.getByTestId('account-frozen-banner'), path).toContainText('账户已冻结');
    await expect(customer.getByLabel(/金额（元）/), path).toHaveCount(0);
    await expect(customer.getByLabel('对方邮箱'), path).toHaveCount(0);
  }
  await expectNoSeriousAxeViolations(customer, 'frozen withdraw page');

  // Unfreeze: the banner goes away.
  await admin.reload();
  await admin.getByLabel('原因（必填，将记入审计日志）').fill('已核实本人身份');
  await admin.getByTestId('freeze-submit').click();
  await expect(admin.getByTestId('freeze-done')).toHaveText('已解冻，操作已记入审计日志');
  await expect(admin.getByTestId('user-status')).toHaveText('正常');
  await customer.goto('/');
  await expect(customer.getByText('可用余额').first()).toBeVisible();
  await expect(customer.getByTestId('account-frozen-banner')).toHaveCount(0);
  await expect(
    customer.getByRole('navigation', { name: '常用功能' }).getByRole('link', { name: '转账' }),
  ).toHaveAttribute('href', '/transfer');

  // The audit log: both actions, newest first, with who, the notes and before/after.
  const userId = admin.url().split('/').pop()!;
  await admin.goto('/admin/audit');
  await admin.getByLabel('对象编号').fill(userId);
  await admin.getByRole('button', { name: '搜索' }).click();
  const rows = admin.getByTestId('audit-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('解冻用户');
  await expect(rows.nth(0)).toContainText('已核实本人身份');
  await expect(rows.nth(1)).toContainText('冻结用户');
  await expect(rows.nth(1)).toContainText('用户来电：手机丢失，暂停交易');
  await expect(rows.nth(1)).toContainText(demoAccount('ADMIN').email);
  await rows.nth(1).getByText('前后状态').click();
  await expect(rows.nth(1)).toContainText('"frozenAt": null');

  // The audit log cannot be edited from the page: it has no form but the search.
  await expect(admin.getByTestId('audit-list').locator('form, button')).toHaveCount(0);
});

test('customers and merchants get 403 on admin pages and see no admin links', async ({ browser }) => {
  const customer = await newPage(browser);
  await signUpThroughForm(customer);
  await expect(customer.getByRole('link', { name: '管理后台' })).toHaveCount(0);
  for (const path of [
    '/admin/users',
    '/admin/merchants',
    '/admin/audit',
    '/admin/entries',
    '/admin/revenue',
    '/admin/webhooks',
  ]) {
    const response = await customer.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(customer.getByTestId('forbidden')).toBeVisible();
    await expect(customer.getByTestId('admin-section-nav')).toHaveCount(0);
  }

  const merchant = await newPage(browser);
  const account = demoAccount('MERCHANT');
  await signInThroughForm(merchant, account.email, account.password);
  await expect(merchant).toHaveURL(/\/merchant$/);
  await expect(merchant.getByRole('link', { name: '管理后台' })).toHaveCount(0);
  const response = await merchant.goto('/admin/users');
  expect(response?.status()).toBe(403);
  await expect(merchant.getByTestId('forbidden')).toBeVisible();
});

test('a customer applies to become a merchant; the admin approves; the customer gets the merchant centre; audited', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const customer = await newPage(browser);
  const details = await signUpThroughForm(customer);
  await linkBankAccountThroughForm(customer);
  await customer.goto('/merchant/apply');
  const shopName = `王五的店${details.email.slice(4, 8)}`;
  await customer.getByLabel('店铺名称').fill(shopName);
  await customer.getByRole('button', { name: '提交申请' }).click();
  await expect(customer.getByTestId('application-status')).toHaveAttribute('data-status', 'PENDING');

  const admin = await signInAsAdmin(browser);
  await admin.goto('/admin/merchants?status=PENDING');
  const row = admin.getByTestId('merchant-row').filter({ hasText: shopName });
  await expect(row.getByTestId('merchant-status')).toHaveText('待审核');
  await row.getByTestId('merchant-approve').click();
  await expect(row.getByTestId('merchant-status')).toHaveCount(0); // gone from the pending list
  await admin.goto('/admin/merchants?status=APPROVED');
  await expect(
    admin.getByTestId('merchant-row').filter({ hasText: shopName }).getByTestId('merchant-status'),
  ).toHaveText('已通过');

  await customer.goto('/');
  await expect(customer.getByRole('link', { name: '商户中心' }).first()).toBeVisible();
  await admin.goto('/admin/audit?action=merchant.approve');
  await expect(admin.getByTestId('audit-row').first()).toContainText('通过商户申请');
  await expect(admin.getByTestId('audit-row').first()).toContainText(demoAccount('ADMIN').email);
});

test('the admin pages have no serious accessibility violations (zh, 1280 and 375)', async ({ browser }) => {
  // Fifteen page loads, each checked by axe: more than the default minute on a 2-core machine.
  test.setTimeout(150_000);
  const admin = await signInAsAdmin(browser);
  for (const width of [1280, 375]) {
    await admin.setViewportSize({ width, height: 900 });
    for (const path of [
      '/admin',
      '/admin/users',
      '/admin/merchants',
      '/admin/audit',
      '/admin/entries',
      '/admin/revenue',
      '/admin/webhooks',
    ]) {
      await admin.goto(path);
      expect(await seriousAxeViolations(admin), `${path} @${width}`).toEqual([]);
      const overflow = await admin.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${path} scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
    }
  }
  await admin.goto('/admin/users');
  await admin.getByTestId('admin-user-row').first().click();
  await expect(admin.getByTestId('admin-user-email')).toBeVisible();
  await expectNoSeriousAxeViolations(admin, "a user's page");
});

test('a frozen customer cannot pay an order: the checkout says why and no money moves', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const customer = await newPage(browser);
  const details = await signUpThroughForm(customer);
  const admin = await signInAsAdmin(browser);
  await openUserFromSearch(admin, details.email);
  await admin.getByLabel('原因（必填，将记入审计日志）').fill('风控：可疑交易，暂停付款');
  await admin.getByTestId('freeze-submit').click();
  await expect(admin.getByTestId('user-status')).toHaveText('已冻结');

  // The shop makes an order the way a shop does: over the merchant API with its key.
  const { apiKey } = JSON.parse(readFileSync('e2e/.generated/demo-store.json', 'utf8')) as { apiKey: string };
  const created = await request.post('/api/v1/orders', {
    headers: { Authorization: `Bearer ${apiKey}`, 'Idempotency-Key': randomUUID() },
    data: {
      merchant_order_no: `FROZEN-${randomUUID().slice(0, 8)}`,
      amount: 1_000,
      currency: 'CNY',
      subject: '冻结测试',
    },
  });
  expect(created.status()).toBe(201);
  const order = (await created.json()) as { id: string };

  await customer.goto(`/pay/${order.id}`);
  await expect(customer.getByTestId('checkout-blocked')).toHaveText(/你的账户已被冻结，暂时无法付款/);
  // Nothing to confirm: no enabled pay button (the server refuses a frozen payer anyway, see order-flows tests).
  await expect(customer.getByRole('button', { name: /确认支付/ })).toHaveCount(0);
  const after = await request.get(`/api/v1/orders/${order.id}`, { headers: { Authorization: `Bearer ${apiKey}` } });
  expect(((await after.json()) as { status: string }).status).toBe('PENDING');
});
