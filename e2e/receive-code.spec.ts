// Issue 17's 收款码 and scan to pay, clicked as people do: 张三 shows his receive code (with an
// amount set) and saves it as an image; 李四 opens its link signed out, signs in and comes
// back, tops up, scans the saved image with 扫一扫 and pays ¥8.88 with the PIN; both see it in
// activity and notifications. A payment request opened in two tabs is paid once: the second
// tab is told it is already paid. Looked at with axe, zh and en, at 375 and 1280 px.
import { randomInt } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './support/axe';
import { enterPin, setPinIfAsked } from './support/pin';
import { topUpThroughBank } from './support/top-up-flow';
import { demoAccount, signInThroughForm, type DemoAccount } from './support/users';

const SCREENS = 'e2e/.generated/screens';
const zhangsan = () => demoAccount('CUSTOMER', 0);
const lisi = () => demoAccount('CUSTOMER', 1);

async function signedIn(browser: Browser, account: DemoAccount): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
  const page = await context.newPage();
  await signInThroughForm(page, account.email, account.password);
  await expect(page).toHaveURL(/\/$/);
  return page;
}

/** Axe, nothing sticking out sideways, and a full-page screenshot at 1280 and 375 px. */
async function lookAt(page: Page, name: string) {
  const locale = (await page.locator('html').getAttribute('lang')) ?? 'zh-CN';
  mkdirSync(SCREENS, { recursive: true });
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
    await expectNoSeriousAxeViolations(page, `${name} ${locale} ${width}`);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      `${name} ${locale} ${width}`,
    ).toBeLessThanOrEqual(width);
    await page.screenshot({ path: `${SCREENS}/receive-${name}-${locale}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function switchLanguage(page: Page, locale: 'en' | 'zh-CN') {
  await page.getByTestId('language-switch').filter({ visible: true }).first().selectOption(locale);
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

async function topUpIfBelow(page: Page, minimumYuan: number) {
  await page.goto('/');
  const text = (await page.getByTestId('available-balance').textContent()) ?? '';
  if (Number(text.replace(/[^\d.]/g, '')) >= minimumYuan) return;
  await topUpThroughBank(page, '20.00');
  await expect(page.getByTestId('operation-status')).toHaveAttribute('data-status', 'SUCCEEDED');
}

test('张三 shows his receive code, 李四 opens it, pays ¥8.88 with the PIN, and both see it', async ({ browser }) => {
  test.setTimeout(420_000);
  const zhang = await signedIn(browser, zhangsan());

  // 首页 › 收付款: the code, naming 张三 masked; the URL holds a random code, not his id.
  await zhang.getByRole('navigation', { name: '常用功能' }).getByRole('link', { name: '收付款' }).click();
  await expect(zhang).toHaveURL(/\/receive$/);
  await expect(zhang.getByTestId('receive-code-payee')).toHaveText('收款人 *三');
  const plainUrl = await zhang.getByTestId('receive-code-qr').getAttribute('data-url');
  expect(plainUrl).toMatch(/\/pay-to\/[A-Za-z0-9_-]{22}$/);
  await lookAt(zhang, 'code');

  // 设置金额: ¥8.88 for 午饭; the QR now carries them.
  await zhang.getByLabel('收款金额（元）').fill('8.8.8');
  await zhang.getByRole('button', { name: '确定' }).click();
  await expect(zhang.getByLabel('收款金额（元）')).toHaveAccessibleDescription('请输入正确的金额，最多两位小数');
  await expect(zhang.getByTestId('receive-code-qr')).toHaveAttribute('data-url', plainUrl!);
  await zhang.getByLabel('收款金额（元）').fill('8.88');
  await zhang.getByLabel('收款理由（选填）').fill('午饭');
  await zhang.getByRole('button', { name: '确定' }).click();
  await expect(zhang.getByTestId('receive-code-amount')).toContainText('¥8.88');
  const fixedUrl = (await zhang.getByTestId('receive-code-qr').getAttribute('data-url'))!;
  expect(fixedUrl).toBe(`${plainUrl}?amount=8.88&memo=%E5%8D%88%E9%A5%AD`);

  // 保存图片: a PNG of the same code.
  const downloading = zhang.waitForEvent('download');
  await zhang.getByTestId('save-receive-code').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('receive-code.png');
  const image = await download.path();

  // Opening your own code says so.
  await zhang.goto(fixedUrl);
  await expect(zhang.getByTestId('pay-to-own')).toContainText('这是你自己的收款码');

  // 李四 opens the link signed out: sign in, and back to the same link.
  const liContext = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const li = await liContext.newPage();
  await li.goto(fixedUrl);
  await expect(li).toHaveURL(/\/sign-in\?callbackUrl=/);
  await li.getByLabel('邮箱').fill(lisi().email);
  await li.getByLabel('密码').fill(lisi().password);
  await li.getByRole('button', { name: '登录' }).click();
  await expect(li).toHaveURL(fixedUrl);
  await setPinIfAsked(li, li.getByTestId('pay-to-confirm'));
  await expect(li.getByTestId('pay-to-payee')).toHaveText('*三');
  await expect(li.getByTestId('pay-to-amount')).toHaveText('¥8.88');
  await lookAt(li, 'pay-to');

  // Money first, then 扫一扫 the saved image: it opens the same payment.
  await topUpIfBelow(li, 10);
  await li.goto('/');
  await li.getByRole('navigation', { name: '常用功能' }).getByRole('link', { name: '收付款' }).click();
  await li.getByRole('link', { name: /^扫一扫/ }).click();
  await expect(li).toHaveURL(/\/scan$/);
  await lookAt(li, 'scan');
  await li.getByTestId('scan-file').setInputFiles(image);
  await expect(li).toHaveURL(fixedUrl);
  await expect(li.getByTestId('pay-to-memo')).toHaveText('午饭');
  await enterPin(li);
  await li.getByRole('button', { name: '确认付款 ¥8.88' }).click();
  await expect(li).toHaveURL(/\/activity\/[0-9a-f-]{36}$/);
  await expect(li.getByTestId('operation-status')).toHaveAttribute('data-status', 'SUCCEEDED');
  await expect(li.getByTestId('detail-memo')).toContainText('午饭');
  await li.goto('/notifications');
  await expect(li.getByTestId('notification').filter({ hasText: '向 *三 转账 ¥8.88 成功' })).toHaveCount(1);

  // 张三 sees it arrive, and is notified.
  await zhang.goto('/activity');
  const received = zhang.getByTestId('activity-row').filter({ hasText: '¥8.88' });
  await expect(received).toHaveCount(1);
  await expect(received).toContainText('*四');
  await received.click();
  await expect(zhang.getByTestId('detail-memo')).toContainText('午饭');
  await zhang.goto('/notifications');
  await expect(zhang.getByTestId('notification').filter({ hasText: '收到 *四 转账 ¥8.88' })).toHaveCount(1);

  // 重置收款码: the old link pays nobody any more.
  await zhang.goto('/receive');
  await zhang.getByRole('button', { name: '重置收款码' }).click();
  await zhang.getByRole('button', { name: '确定重置' }).click();
  await expect(zhang.getByTestId('reset-done')).toHaveText('已重置，旧收款码已失效');
  await expect(zhang.getByTestId('receive-code-qr')).not.toHaveAttribute('data-url', plainUrl!);
  await li.goto(fixedUrl);
  await expect(li.getByTestId('pay-to-unavailable')).toContainText('对方已重置收款码');

  // The same pages in English.
  await switchLanguage(zhang, 'en');
  await expect(zhang.getByTestId('receive-code-payee')).toHaveText('Payee *三');
  await lookAt(zhang, 'code');
  const newUrl = (await zhang.getByTestId('receive-code-qr').getAttribute('data-url'))!;
  await li.goto(newUrl);
  await switchLanguage(li, 'en');
  await expect(li.getByLabel('Amount')).toBeVisible();
  await lookAt(li, 'pay-to');
  await li.goto('/scan');
  await lookAt(li, 'scan');
  await liContext.close();
  await zhang.context().close();
});

test('a payment request opened in two tabs is paid once; the second tab says it is already paid', async ({
  browser,
}) => {
  test.setTimeout(420_000);
  // An amount of this run's own, so that counting its rows and notices means this payment.
  const yuan = `6.${randomInt(10, 100)}`;
  const zhang = await signedIn(browser, zhangsan());
  await zhang.goto('/receive');
  await zhang.getByRole('link', { name: /^收款单/ }).click();
  await expect(zhang).toHaveURL(/\/receive\/requests$/);

  // Bad input is named on its field, and nothing is made.
  await zhang.getByLabel('收款金额（元）').fill('0');
  await zhang.getByRole('button', { name: '生成收款单' }).click();
  await expect(zhang.getByLabel('收款金额（元）')).toHaveAccessibleDescription('金额必须大于 0');
  await expect(zhang).toHaveURL(/\/receive\/requests$/);

  await zhang.getByLabel('收款金额（元）').fill(yuan);
  await zhang.getByLabel('收款理由（选填）').fill('AA 奶茶');
  await zhang.getByLabel('有效期').selectOption('60');
  await zhang.getByRole('button', { name: '生成收款单' }).click();
  await expect(zhang).toHaveURL(/\/receive\/requests\/[A-Za-z0-9_-]{22}$/);
  await expect(zhang.getByTestId('request-state')).toHaveText('待付款');
  const requestUrl = (await zhang.getByTestId('request-url').textContent())!;
  const detailUrl = zhang.url();
  expect(requestUrl).toMatch(/\/pay-request\/[A-Za-z0-9_-]{22}$/);
  await expect(zhang.getByTestId('request-qr')).toHaveAttribute('data-url', requestUrl);
  await lookAt(zhang, 'request');

  // 李四 opens it in two tabs of one browser.
  const li = await signedIn(browser, lisi());
  await topUpIfBelow(li, 10);
  const first = li;
  await first.goto(requestUrl);
  await setPinIfAsked(first, first.getByTestId('pay-request-form'));
  const second = await li.context().newPage();
  await second.goto(requestUrl);
  for (const tab of [first, second]) {
    await expect(tab.getByTestId('pay-request-amount')).toHaveText(`¥${yuan}`);
    await expect(tab.getByTestId('pay-request-memo')).toHaveText('AA 奶茶');
    await expect(tab.getByTestId('request-state')).toHaveText('待付款');
  }
  await lookAt(first, 'pay-request');

  await enterPin(first);
  await first.getByRole('button', { name: `确认付款 ¥${yuan}` }).click();
  await expect(first).toHaveURL(/\/activity\/[0-9a-f-]{36}$/);
  await expect(first.getByTestId('operation-status')).toHaveAttribute('data-status', 'SUCCEEDED');
  await expect(first.getByTestId('detail-memo')).toContainText('AA 奶茶');
  const paymentUrl = first.url();

  await enterPin(second);
  await second.getByRole('button', { name: `确认付款 ¥${yuan}` }).click();
  await expect(second.getByTestId('pay-request-closed')).toContainText('收款单已付款');
  await expect(second.getByTestId('pay-request-closed')).toContainText('此收款单已无法支付，未扣款');
  await second.reload();
  await expect(second.getByTestId('request-state')).toHaveText('已付款');
  await expect(second.getByTestId('pay-request-closed')).toContainText('你已付款');
  await expect(second.getByTestId('pay-request-form')).toHaveCount(0);

  // One transfer: one notice each side, one row in 李四's activity.
  await first.goto('/notifications');
  await expect(first.getByTestId('notification').filter({ hasText: `向 *三 转账 ¥${yuan} 成功` })).toHaveCount(1);
  await first.goto('/activity');
  await expect(first.getByTestId('activity-row').filter({ hasText: `¥${yuan}` })).toHaveCount(1);
  await zhang.goto('/notifications');
  await expect(zhang.getByTestId('notification').filter({ hasText: `收到 *四 转账 ¥${yuan}` })).toHaveCount(1);
  await zhang.goto('/receive/requests');
  const row = zhang.getByTestId('request-row').first();
  await expect(row.getByTestId('request-state')).toHaveText('已付款');
  await expect(row).toContainText('*四 已付款');
  await row.click();
  await zhang.getByRole('link', { name: '查看到账记录' }).click();
  await expect(zhang).toHaveURL(paymentUrl);

  // A cancelled request: 已取消 for both, nothing to pay.
  await zhang.goto('/receive/requests');
  await zhang.getByLabel('收款金额（元）').fill('1.00');
  await zhang.getByRole('button', { name: '生成收款单' }).click();
  await expect(zhang).toHaveURL(/\/receive\/requests\/[A-Za-z0-9_-]{22}$/);
  await expect(zhang.getByTestId('request-state')).toHaveText('待付款');
  const cancelledUrl = (await zhang.getByTestId('request-url').textContent())!;
  await zhang.getByRole('button', { name: '取消收款' }).click();
  await expect(zhang.getByTestId('request-state')).toHaveText('已取消');
  await second.goto(cancelledUrl);
  await expect(second.getByTestId('pay-request-closed')).toContainText('收款单已取消');
  await zhang.goto('/receive/requests');
  await lookAt(zhang, 'requests');

  // The same pages in English.
  await switchLanguage(zhang, 'en');
  await expect(zhang.getByTestId('request-row').first().getByTestId('request-state')).toHaveText('Cancelled');
  await lookAt(zhang, 'requests');
  await zhang.goto(detailUrl);
  await expect(zhang.getByTestId('request-state')).toHaveText('Paid');
  await lookAt(zhang, 'request');
  await second.goto(requestUrl);
  await switchLanguage(second, 'en');
  await expect(second.getByTestId('pay-request-closed')).toContainText('You paid it');
  await lookAt(second, 'pay-request');
  await li.context().close();
  await zhang.context().close();
});
