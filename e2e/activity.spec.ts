// Home, activity, an operation's result page and messages, as a demo customer sees them. Rows
// come from the app's real flows: a top-up authorised on the sandbox bank's page and a
// transfer to the other demo customer. Other specs use the same demo accounts, so every
// check looks for the rows this spec made, never at counts.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { topUpThroughBank } from './support/top-up-flow';
import { demoAccount, signInThroughForm } from './support/users';
import { enterPin, setPinIfAsked } from './support/pin';

const zhangsan = demoAccount('CUSTOMER', 0);
const lisi = demoAccount('CUSTOMER', 1);

async function topUp(page: Page, yuan: string): Promise<string> {
  await page.goto('/');
  await page.getByRole('navigation', { name: '常用功能' }).getByRole('link', { name: '充值' }).click(); // through the home action
  await expect(page).toHaveURL(/\/top-up$/);
  return topUpThroughBank(page, yuan);
}

async function signIn(page: Page, account = zhangsan) {
  await signInThroughForm(page, account.email, account.password);
  await expect(page).toHaveURL(/\/$/);
}

test('home: balance can be hidden, actions lead to their pages, the chart has a text summary', async ({ page }) => {
  await signIn(page);
  const balance = page.getByTestId('available-balance');
  await expect(balance).toHaveText(/^¥[\d,]+\.\d{2}$/);

  await page.getByRole('button', { name: '隐藏余额' }).click();
  await expect(balance).toContainText('****');
  await expect(page.getByTestId('balance-chart-summary')).toHaveText('余额已隐藏');
  // Remembered across a reload, and rendered masked by the server.
  await page.reload();
  await expect(balance).toContainText('****');
  await page.getByRole('button', { name: '显示余额' }).click();
  await expect(balance).toHaveText(/^¥[\d,]+\.\d{2}$/);

  const money = '¥[\\d,]+\\.\\d{2}';
  await expect(page.getByTestId('balance-chart-summary')).toHaveText(
    new RegExp(`^(从 ${money} 到 ${money}，最高 ${money}，最低 ${money}|近 30 天余额没有变化：${money})$`),
  );
  for (const [name, href] of [
    ['充值', '/top-up'],
    ['收付款', '/receive'],
    ['转账', '/transfer'],
    ['提现', '/withdraw'],
  ] as const) {
    await expect(page.getByRole('navigation', { name: '常用功能' }).getByRole('link', { name })).toHaveAttribute(
      'href',
      href,
    );
  }
  await expect(page.getByTestId('activity-empty').or(page.getByTestId('recent-activity'))).toBeVisible();
});

test('a top-up: result page turns 成功, then shows on home, in activity (filters), in messages', async ({ page }) => {
  await signIn(page);
  const id = await topUp(page, '88.80');

  // The result page refreshes itself until the bank's notice has settled the top-up.
  const status = page.getByTestId('operation-status');
  await expect(status).toHaveAttribute('data-status', 'SUCCEEDED', { timeout: 20_000 });
  await expect(status).toHaveText('成功');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('充值成功');
  await expect(page.getByTestId('operation-amount')).toHaveText('+¥88.80');
  await expect(page.getByTestId('detail-bankReference')).toContainText(/SB\d+/);
  await expect(page.getByTestId('timeline-step')).toHaveCount(3);

  await page.getByTestId('back-home').click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator(`[data-testid=recent-activity] a[href="/activity/${id}"]`)).toContainText('+¥88.80');

  await page.getByTestId('see-all-activity').click();
  await expect(page).toHaveURL(/\/activity$/);
  const row = page.locator(`a[data-testid=activity-row][href="/activity/${id}"]`);
  await expect(row).toContainText('充值 ·');
  await expect(row.getByTestId('activity-amount')).toHaveText('+¥88.80');
  await expect(row.getByTestId('activity-row-status')).toHaveCount(0); // succeeded: no status shown
  await expect(row).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  await expect(page.getByTestId('month-totals').first()).toContainText(/支出 ¥[\d,.]+ *收入 ¥[\d,.]+/);

  // Filters go through the plain GET form into the URL.
  const filters = page.getByTestId('activity-filters');
  await filters.getByLabel('类型').selectOption('TOP_UP');
  await filters.getByLabel('状态').selectOption('SUCCEEDED');
  await filters.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/kind=TOP_UP/);
  await expect(page).toHaveURL(/status=SUCCEEDED/);
  await expect(row).toBeVisible();
  const kinds = await page
    .getByTestId('activity-row')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind')));
  expect(new Set(kinds)).toEqual(new Set(['TOP_UP']));

  await filters.getByLabel('类型').selectOption('WITHDRAWAL');
  await filters.getByLabel('开始日期').fill('2020-01-01');
  await filters.getByLabel('结束日期').fill('2020-01-31');
  await filters.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/from=2020-01-01&to=2020-01-31/);
  await expect(page.getByTestId('activity-no-match')).toBeVisible();

  await page.getByRole('link', { name: '重置' }).click();
  await expect(page).toHaveURL(/\/activity$/);
  await expect(row).toBeVisible();

  // The message about it, unread, counted on 消息; 全部已读 clears both.
  await page
    .getByRole('navigation', { name: '主导航' })
    .filter({ visible: true })
    .getByRole('link', { name: /消息/ })
    .click();
  await expect(page).toHaveURL(/\/notifications$/);
  const message = page.locator(`[data-testid=notification]:has(a[href="/activity/${id}"])`);
  await expect(message).toContainText('充值到账 ¥88.80');
  await expect(message).toHaveAttribute('data-unread', 'true');
  await expect(message.locator('time')).toHaveText(/^(刚刚|\d+ 分钟前)$/);
  await expect(page.getByTestId('nav-unread-badge').filter({ visible: true })).toBeVisible();
  await page.getByTestId('mark-all-read').click();
  await expect(message).toHaveAttribute('data-unread', 'false');
  await expect(page.getByTestId('nav-unread-badge')).toHaveCount(0);

  await message.getByRole('link').click();
  await expect(page).toHaveURL(`/activity/${id}`);
});

test('a transfer: the sender sees 转账成功, the receiver a masked message; the memo stays text', async ({
  page,
  browser,
}) => {
  await signIn(page);
  const topUpId = await topUp(page, '20.00');
  await expect(page.getByTestId('operation-status')).toHaveAttribute('data-status', 'SUCCEEDED', { timeout: 20_000 });

  await page.goto('/transfer');
  await setPinIfAsked(page, page.getByLabel('对方邮箱'));
  await page.getByLabel('对方邮箱').fill(lisi.email);
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByLabel('转账金额（元）').fill('1.23');
  const memo = '<img src=x onerror=alert(1)>午饭';
  await page.getByLabel('备注（选填）').fill(memo);
  await page.getByRole('button', { name: '下一步' }).click();
  await enterPin(page);
  await page.getByRole('button', { name: '确认转账 ¥1.23' }).click();
  await expect(page).toHaveURL(/\/activity\/[0-9a-f-]{36}$/);
  const id = page.url().split('/').at(-1)!;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('转账成功');
  await expect(page.getByTestId('operation-amount')).toHaveText('-¥1.23');
  await expect(page.getByTestId('detail-memo')).toContainText(memo);
  await expect(page.locator('img[src=x]')).toHaveCount(0);

  const other = await browser.newContext();
  const lisiPage = await other.newPage();
  await signIn(lisiPage, lisi);
  await lisiPage.goto('/notifications');
  const message = lisiPage.locator(`[data-testid=notification]:has(a[href="/activity/${id}"])`);
  await expect(message).toContainText(
    `收到 ${'*'.repeat(Array.from(zhangsan.displayName).length - 1)}${Array.from(zhangsan.displayName).at(-1)} 转账 ¥1.23`,
  );
  await message.getByRole('link').click();
  await expect(lisiPage.getByRole('heading', { level: 1 })).toHaveText('收款成功');
  await expect(lisiPage.getByTestId('operation-amount')).toHaveText('+¥1.23');
  // Someone else's operation answers like one that does not exist.
  expect((await lisiPage.goto(`/activity/${topUpId}`))?.status()).toBe(404);
  await other.close();
});

test('CSV export downloads a file with the header row; bad dates are 422, no session is 401', async ({
  page,
  playwright,
  baseURL,
}) => {
  await signIn(page);
  await page.goto('/activity');
  const form = page.getByTestId('export-form');
  await form.getByLabel('开始日期').fill('2026-01-01');
  const today = await form.getByLabel('结束日期').inputValue();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    form.getByRole('button', { name: '导出 CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`activity-2026-01-01-${today}.csv`);
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text.split('\r\n')[0]).toBe(
    '\uFEFF时间,类型,状态,金额（元，含手续费）,手续费（元）,交易金额（元）,对方,备注,编号',
  );

  const bad = await page.request.get('/activity/export?from=2026-02-30&to=2026-03-01');
  expect(bad.status()).toBe(422);
  expect(await bad.json()).toEqual({ error: { code: 'INVALID_INPUT', message: expect.any(String), field: 'from' } });

  const anonymous = await playwright.request.newContext({ baseURL });
  const denied = await anonymous.get('/activity/export?from=2026-01-01&to=2026-01-31');
  expect(denied.status()).toBe(401);
  await anonymous.dispose();
});

test('an unknown operation is a 404; a cursor we did not write starts the list over', async ({ page }) => {
  await signIn(page);
  await page.goto('/activity?kind=TOP_UP&cursor=bm90LWEtY3Vyc29y');
  await expect(page).toHaveURL(/\/activity\?kind=TOP_UP$/);
  expect((await page.goto('/activity/0190a000-0000-7000-8000-000000000000'))?.status()).toBe(404);
  expect((await page.goto('/activity/not-an-id'))?.status()).toBe(404);
});

test('the notifications page lists messages newest first or says there are none', async ({ page }) => {
  await signIn(page, demoAccount('CUSTOMER', 1));
  await page.goto('/notifications');
  await expect(page.getByRole('heading', { name: '消息', level: 1 })).toBeVisible();
  await expect(page.getByTestId('notifications-empty').or(page.getByTestId('notification-list'))).toBeVisible();
  const times = await page
    .locator('[data-testid=notification] time')
    .evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')!));
  expect([...times].sort().reverse()).toEqual(times);
});

test.describe('at 375 px', () => {
  test.use({ viewport: { width: 375, height: 812 } });

  test('home, activity, a result page and messages have no horizontal scroll, in Chinese and English', async ({
    page,
  }) => {
    await signIn(page);
    await page.goto('/activity');
    const detail = await page.getByTestId('activity-row').first().getAttribute('href');
    const paths = ['/', '/activity', '/notifications', ...(detail ? [detail] : [])];
    for (const locale of ['zh-CN', 'en']) {
      if (locale === 'en') {
        await page.getByTestId('language-switch').filter({ visible: true }).first().selectOption('en');
        await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      }
      for (const path of paths) {
        await page.goto(path);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${locale} ${path}`).toBeLessThanOrEqual(0);
      }
    }
  });
});
