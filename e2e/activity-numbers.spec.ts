// Every number adds up (issue 17), in the browser as a person clicks it: a new customer tops up
// ¥200.00, cancels a ¥12.00 top-up at the bank, withdraws ¥20.00 (fee ¥0.10) and pays the demo
// shop ¥88.88, which then refunds half over its API. The withdrawal reads −¥20.10 with
// "含手续费 ¥0.10 · 到账 ¥20.00" on its result page, home, the activity list, its notification and
// the CSV; the cancelled top-up is grey 已取消 without a sign; the month's totals equal its rows
// (top-ups and withdrawals apart from income and spending); the payment shows its half refund
// and links to it, and the refund links back. Looked at in zh and en, at 1280 and 375 px, with axe.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './support/axe';
import { linkBankAccountThroughForm } from './support/bank-accounts';
import { enterPin, setPinIfAsked } from './support/pin';
import { topUpThroughBank } from './support/top-up-flow';
import { demoAccount, newUserDetails, signInThroughForm, signUpThroughForm } from './support/users';

const SCREENS = 'e2e/.generated/screens';

function demoStoreKey(): string {
  return (JSON.parse(readFileSync('e2e/.generated/demo-store.json', 'utf8')) as { apiKey: string }).apiKey;
}

async function shopApi(request: APIRequestContext, path: string, data: object): Promise<{ id: string }> {
  const res = await request.post(`/api/v1${path}`, {
    headers: { Authorization: `Bearer ${demoStoreKey()}`, 'Idempotency-Key': randomUUID() },
    data,
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { id: string };
}

/** Axe, nothing sticking out sideways, and a full-page screenshot at 1280 and 375 px. */
async function lookAt(page: Page, name: string, locale: string) {
  mkdirSync(SCREENS, { recursive: true });
  await expectNoSeriousAxeViolations(page, `${name} ${locale}`);
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      `${name} ${locale} ${width}`,
    ).toBeLessThanOrEqual(width);
    await page.screenshot({ path: `${SCREENS}/numbers-${name}-${locale}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

const TEXT = {
  'zh-CN': {
    feeNote: '含手续费 ¥0.10 · 到账 ¥20.00',
    cancelled: '已取消',
    expense: '支出 ¥88.88',
    income: '收入 ¥44.44',
    toppedUp: '充值 ¥200.00',
    withdrawn: '提现 ¥20.10',
    refunded: '部分退款，已退 ¥44.44',
    rowRefunded: '已退款 ¥44.44',
    notification: '提现成功，余额扣除 ¥20.10（含手续费 ¥0.10 · 到账 ¥20.00），已转入银行卡',
    cancelledNotification: '充值已取消 ¥12.00：你已在银行取消，资金未变动',
  },
  en: {
    feeNote: 'incl. ¥0.10 fee · ¥20.00 received',
    cancelled: 'Cancelled',
    expense: 'Spent ¥88.88',
    income: 'Received ¥44.44',
    toppedUp: 'Topped up ¥200.00',
    withdrawn: 'Withdrawn ¥20.10',
    refunded: 'Partly refunded: ¥44.44',
    rowRefunded: 'Refunded ¥44.44',
    notification:
      'Withdrawal paid to your bank card: ¥20.10 taken from your balance (incl. ¥0.10 fee · ¥20.00 received)',
    cancelledNotification: 'Top-up of ¥12.00 cancelled: you cancelled it at the bank; no money moved',
  },
} as const;

test('withdrawal fee, cancelled top-up, month totals and a half refund add up everywhere, in zh and en', async ({
  page,
  request,
  browser,
}) => {
  // Five money flows through the bank and the shop, then nine pages in two languages and two widths,
  // then the admin's view: about 5 min on a busy 2-core machine.
  test.setTimeout(600_000);
  const customer = { ...newUserDetails(), displayName: '王五' };
  await signUpThroughForm(page, customer);
  await linkBankAccountThroughForm(page);

  await topUpThroughBank(page, '200.00');
  await expect(page.getByTestId('operation-status')).toHaveAttribute('data-status', 'SUCCEEDED', { timeout: 20_000 });

  // A top-up the customer cancels on the bank's page: 已取消, grey, no sign, nothing moved.
  await page.goto('/top-up');
  await page.getByLabel('充值金额（元）').fill('12.00');
  await page.getByRole('button', { name: '下一步：去银行确认' }).click();
  // On the bank's page the customer decides not to pay.
  await page.getByRole('button', { name: '取消付款' }).click();
  await expect(page).toHaveURL(/\/activity\/[0-9a-f-]{36}$/);
  const cancelledId = new URL(page.url()).pathname.split('/').at(-1)!;
  await expect(page.getByTestId('operation-status')).toHaveAttribute('data-status', 'CANCELLED', { timeout: 20_000 });
  await expect(page.getByTestId('operation-amount')).toHaveText('¥12.00');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('充值已取消');

  // Withdraw ¥20.00: the fee is on top, the result page shows what left the balance.
  await page.goto('/withdraw');
  await setPinIfAsked(page, page.getByLabel('提现金额（元）'));
  await page.getByLabel('提现金额（元）').fill('20.00');
  await page.getByRole('button', { name: '下一步' }).click();
  await enterPin(page);
  await page.getByRole('button', { name: '确认提现' }).click();
  await expect(page).toHaveURL(/\/activity\/[0-9a-f-]{36}$/);
  const withdrawalId = new URL(page.url()).pathname.split('/').at(-1)!;
  await expect(page.getByTestId('operation-status')).toHaveAttribute('data-status', 'SUCCEEDED', { timeout: 20_000 });
  await expect(page.getByTestId('operation-amount')).toHaveText('-¥20.10');
  await expect(page.getByTestId('amount-note-fee')).toHaveText(TEXT['zh-CN'].feeNote);

  // Pay the demo shop ¥88.88 from the balance; the shop refunds half over its API.
  const order = await shopApi(request, '/orders', {
    merchant_order_no: `NUM-${randomUUID().slice(0, 8)}`,
    amount: 8888,
    currency: 'CNY',
    subject: '咖啡豆 ×2',
    expires_in: 1800,
  });
  await page.goto(`/pay/${order.id}`);
  await enterPin(page);
  await page.getByTestId('pay-button').click();
  await expect(page.getByTestId('result-title')).toHaveText('支付成功');
  await shopApi(request, `/orders/${order.id}/refunds`, { amount: 4444, reason: '缺货，退一半' });

  for (const locale of ['zh-CN', 'en'] as const) {
    const text = TEXT[locale];
    if (locale === 'en') {
      await page.goto('/');
      await page.getByTestId('language-switch').filter({ visible: true }).first().selectOption('en');
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    }

    // Home: the withdrawal's row takes the fee too; the cancelled top-up is grey without a sign.
    await page.goto('/');
    const home = page.getByTestId('recent-activity');
    const homeWithdrawal = home.locator(`a[href="/activity/${withdrawalId}"]`);
    await expect(homeWithdrawal.getByTestId('activity-amount')).toHaveText('-¥20.10');
    await expect(homeWithdrawal.getByTestId('amount-note-fee')).toHaveText(text.feeNote);
    const homeCancelled = home.locator(`a[href="/activity/${cancelledId}"]`);
    await expect(homeCancelled).toHaveAttribute('data-status', 'CANCELLED');
    await expect(homeCancelled.getByTestId('activity-amount')).toHaveText('¥12.00');
    await expect(homeCancelled.getByTestId('activity-amount').locator('span')).toHaveClass(/text-gray-500/);
    await expect(homeCancelled.getByTestId('activity-row-status')).toHaveText(text.cancelled);
    await lookAt(page, 'home', locale);

    // Activity: the month's totals, and that they are the sum of the rows shown.
    await page.goto('/activity');
    const month = page.getByTestId('activity-month').first();
    await expect(month.getByTestId('month-expense')).toHaveText(text.expense);
    await expect(month.getByTestId('month-income')).toHaveText(text.income);
    await expect(month.getByTestId('month-topped-up')).toHaveText(text.toppedUp);
    await expect(month.getByTestId('month-withdrawn')).toHaveText(text.withdrawn);
    const rows = await month.getByTestId('activity-row').evaluateAll((links) =>
      links.map((a) => ({
        kind: a.getAttribute('data-kind')!,
        status: a.getAttribute('data-status')!,
        amount: Number(a.querySelector('[data-testid=activity-amount] [data-amount]')!.getAttribute('data-amount')),
      })),
    );
    const sum = (kinds: string[]) =>
      rows.filter((r) => r.status === 'SUCCEEDED' && kinds.includes(r.kind)).reduce((s, r) => s + r.amount, 0);
    const total = async (id: string) => Number(await month.getByTestId(id).getAttribute('data-amount'));
    expect(await total('month-expense')).toBe(-sum(['PAYMENT', 'TRANSFER_OUT']));
    expect(await total('month-income')).toBe(sum(['REFUND', 'TRANSFER_IN']));
    expect(await total('month-topped-up')).toBe(sum(['TOP_UP']));
    expect(await total('month-withdrawn')).toBe(-sum(['WITHDRAWAL']));
    // …and the balance is what the rows add up to: 200.00 − 20.10 − 88.88 + 44.44.
    expect(rows.filter((r) => r.status === 'SUCCEEDED').reduce((s, r) => s + r.amount, 0)).toBe(13_546);
    const listCancelled = page.locator(`a[href="/activity/${cancelledId}"]`);
    await expect(listCancelled.getByTestId('activity-amount')).toHaveText('¥12.00');
    const listPayment = page
      .getByTestId('activity-row')
      .filter({ hasText: '示例商店' })
      .and(page.locator('[data-kind=PAYMENT]'));
    await expect(listPayment.getByTestId('activity-amount')).toHaveText('-¥88.88');
    await expect(listPayment.getByTestId('amount-note-refund')).toHaveText(text.rowRefunded);
    await lookAt(page, 'activity', locale);

    // The withdrawal's detail page.
    await page.goto(`/activity/${withdrawalId}`);
    await expect(page.getByTestId('operation-amount')).toHaveText('-¥20.10');
    await expect(page.getByTestId('amount-note-fee')).toHaveText(text.feeNote);
    await expect(page.getByTestId('detail-total')).toContainText('¥20.10');
    await lookAt(page, 'withdrawal', locale);

    // The cancelled top-up's detail page: grey, no sign, not a failure.
    await page.goto(`/activity/${cancelledId}`);
    await expect(page.getByTestId('operation-status')).toHaveText(text.cancelled);
    await expect(page.getByTestId('operation-amount')).toHaveText('¥12.00');
    await expect(page.getByTestId('operation-failure-reason')).toHaveCount(0);
    await lookAt(page, 'cancelled-top-up', locale);

    // The payment shows its half refund and links to it; the refund links back.
    await openPaymentFromList(page);
    await expect(page.getByTestId('payment-refunded')).toHaveText(text.refunded);
    await lookAt(page, 'payment', locale);
    await page.getByTestId('payment-refunds').getByTestId('linked-operation').click();
    await expect(page.getByTestId('operation-amount')).toHaveText('+¥44.44');
    await lookAt(page, 'refund', locale);
    await page.getByTestId('refunded-payment').getByTestId('linked-operation').click();
    await expect(page.getByTestId('operation-amount')).toHaveText('-¥88.88');

    // The withdrawal's notification; the cancelled top-up's is not a failure.
    await page.goto('/notifications');
    await expect(page.getByTestId('notification').filter({ hasText: text.notification })).toHaveCount(1);
    await expect(page.getByTestId('notification').filter({ hasText: text.cancelledNotification })).toHaveCount(1);
    await lookAt(page, 'notifications', locale);

    // The CSV: words, not codes; the withdrawal with its fee; the cancelled top-up without a sign.
    const today = await page.evaluate(() =>
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()),
    );
    const csv = await (await page.request.get(`/activity/export?from=${today.slice(0, 8)}01&to=${today}`)).text();
    const line = (id: string) => csv.split('\r\n').find((l) => l.endsWith(id))!;
    if (locale === 'zh-CN') {
      expect(csv.split('\r\n')[0]).toBe(
        '\uFEFF时间,类型,状态,金额（元，含手续费）,手续费（元）,交易金额（元）,对方,备注,编号',
      );
      expect(line(withdrawalId)).toContain(',提现,成功,-20.10,0.10,20.00,');
      expect(line(cancelledId)).toContain(',充值,已取消,12.00,0.00,12.00,');
    } else {
      expect(csv.split('\r\n')[0]).toBe(
        '\uFEFFTime,Type,Status,"Amount (CNY, fee included)",Fee (CNY),Amount before fee (CNY),Counterparty,Memo,Reference',
      );
      expect(line(withdrawalId)).toContain(',Withdrawal,Succeeded,-20.10,0.10,20.00,');
      expect(line(cancelledId)).toContain(',Top up,Cancelled,12.00,0.00,12.00,');
    }
    expect(csv).not.toMatch(/WITHDRAWAL|SUCCEEDED|TOP_UP|CANCELLED/);
  }

  await adminSeesTheSame(browser, customer.email);
});

/** The admin's user page shows the same: the cancelled top-up grey without a sign, the withdrawal with its fee. */
async function adminSeesTheSame(browser: Browser, email: string) {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const admin = await context.newPage();
  const account = demoAccount('ADMIN');
  await signInThroughForm(admin, account.email, account.password, account.totpSecret);
  await expect(admin).toHaveURL(/\/(admin)?$/);
  await admin.goto('/admin/users');
  await admin.getByLabel('邮箱、昵称或用户编号').fill(email);
  await admin.getByRole('button', { name: '搜索' }).click();
  await admin.getByTestId('admin-user-row').first().click();
  await expect(admin.getByTestId('admin-user-email')).toHaveText(email);
  const activity = admin.getByTestId('admin-user-activity');
  const cancelled = activity.locator('li').filter({ has: admin.getByTestId('admin-operation-status') });
  await expect(cancelled).toHaveCount(1);
  await expect(cancelled.getByTestId('admin-operation-status')).toHaveText('已取消');
  await expect(cancelled.locator('[data-amount]')).toHaveText('¥12.00');
  await expect(activity.locator('[data-amount="-2010"]')).toHaveText('-¥20.10');
  await lookAt(admin, 'admin-user', 'zh-CN');
  await context.close();
}

/** Opens the (only) payment from the activity list, filtered to payments, as a person finds it. */
async function openPaymentFromList(page: Page) {
  await page.goto('/activity?kind=PAYMENT');
  await page.getByTestId('activity-row').first().click();
  await expect(page.getByTestId('operation-amount')).toHaveText('-¥88.88');
}
