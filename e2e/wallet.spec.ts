// Issue 4's whole customer path through the browser, as a person clicks it: sign up, link
// the seeded bank account, top up through the bank's page, withdraw with the fee shown
// first, transfer to another customer who is notified, a declined top-up, and a lost bank
// notice found by the status-query job.
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './support/axe';
import { linkCardOnForm } from './support/bank-accounts';
import { setBankFault, WANGWU_ACCOUNT } from './support/bank-faults';
import { enterPin, setPinIfAsked } from './support/pin';
import { topUpThroughBank } from './support/top-up-flow';
import { demoAccount, newUserDetails, signInThroughForm, signUpThroughForm } from './support/users';

async function homeBalance(page: Page) {
  await page.goto('/');
  return page.getByTestId('available-balance');
}

test('a new customer links a bank account, tops up, withdraws, transfers; failures are shown and lost notices found', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const wangwu = await signUpThroughForm(page, { ...newUserDetails(), displayName: '王五' });

  // Link the seeded account: the bank checks the holder's details and texts a code to the phone on file.
  await page.goto('/me');
  await page.getByRole('link', { name: '银行卡' }).click();
  await linkCardOnForm(page, WANGWU_ACCOUNT);
  await expect(page.getByTestId('bank-account')).toContainText('沙箱银行储蓄卡(0044)');

  // Top up ¥100.00 through the bank's page with its code.
  const topUp = await topUpThroughBank(page, '100.00');
  await expect(page.getByTestId('operation-status')).toHaveAttribute('data-status', 'SUCCEEDED');
  await expect(await homeBalance(page)).toHaveText('¥100.00');
  expect(topUp).toMatch(/[0-9a-f-]{36}/);

  // Withdraw ¥50.00: the fee (¥0.10) and what arrives are shown before confirming.
  await page.getByRole('link', { name: '提现', exact: true }).click();
  // The first PIN-confirmed action: the page asks to set the payment PIN (twice) first.
  await setPinIfAsked(page, page.getByLabel('提现金额（元）'));
  await page.getByLabel('提现金额（元）').fill('50.00');
  await expect(page.getByTestId('withdraw-fee')).toHaveText('¥0.10');
  await expect(page.getByTestId('withdraw-arrives')).toHaveText('¥50.00');
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByTestId('withdraw-fee')).toHaveText('¥0.10');
  await enterPin(page);
  await page.getByRole('button', { name: '确认提现' }).click();
  await expect(page).toHaveURL(/\/activity\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('operation-status')).toHaveAttribute('data-status', 'SUCCEEDED');
  await expect(await homeBalance(page)).toHaveText('¥49.90');

  // The bank's own page shows the payout arriving.
  await page.goto(`/sandbox-bank/accounts/${WANGWU_ACCOUNT}`);
  await expect(page.getByTestId('movement-row').first().getByTestId('movement-amount')).toHaveText('+¥50.00');

  // Transfer ¥10.00 to 李四, after confirming the masked name.
  const lisi = demoAccount('CUSTOMER', 1);
  await page.goto('/transfer');
  await page.getByLabel('对方邮箱').fill(lisi.email);
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByTestId('recipient-name')).toContainText('*四');
  await page.getByLabel('转账金额（元）').fill('10.00');
  await page.getByLabel('备注（选填）').fill('<b>午饭</b>');
  await page.getByRole('button', { name: '下一步' }).click();
  await enterPin(page);
  await page.getByRole('button', { name: '确认转账 ¥10.00' }).click();
  await expect(page.getByTestId('operation-status')).toHaveAttribute('data-status', 'SUCCEEDED');
  // Which 四: the masked name with the masked email.
  await expect(page.getByTestId('detail-counterparty')).toContainText(`*四 (${lisi.email[0]}***@example.com)`);
  await expect(await homeBalance(page)).toHaveText('¥39.90');
  // The sender is told too (Alipay's 转账成功 notice).
  await page.goto('/notifications');
  await expect(page.getByTestId('notification').filter({ hasText: '向 *四 转账 ¥10.00 成功' })).toHaveCount(1);

  // 李四 sees it, with a notification.
  const other = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const lisiPage = await other.newPage();
  await signInThroughForm(lisiPage, lisi.email, lisi.password);
  await expect(lisiPage).toHaveURL(/\/$/);
  await lisiPage.goto('/notifications');
  await expect(lisiPage.getByText(/收到.*转账.*¥10\.00/).first()).toBeVisible();
  // The notice opens the transfer, which says who sent it.
  await lisiPage.getByTestId('notification').filter({ hasText: '收到 *五 转账 ¥10.00' }).first().click();
  await expect(lisiPage.getByTestId('detail-counterparty')).toContainText(`*五 (${wangwu.email[0]}***@example.com)`);
  await expectNoSeriousAxeViolations(lisiPage, 'received transfer');
  await lisiPage.goto('/activity');
  await expect(lisiPage.getByText('+¥10.00').first()).toBeVisible();
  await other.close();

  // A declined top-up: FAILED with its reason, balance unchanged.
  await setBankFault(page, 'DECLINE');
  await topUpThroughBank(page, '20.00');
  await expect(page.getByTestId('operation-status')).toHaveAttribute('data-status', 'FAILED');
  await expect(await homeBalance(page)).toHaveText('¥39.90');

  // A lost notice: the top-up stays 处理中 until the status-query job asks the bank (within a minute).
  await setBankFault(page, 'LOSE_NOTICE');
  await topUpThroughBank(page, '30.00');
  await expect(page.getByTestId('operation-status')).toHaveAttribute('data-status', 'PENDING');
  await expect(page.getByTestId('operation-status')).toHaveAttribute('data-status', 'SUCCEEDED', { timeout: 60_000 });
  await expect(await homeBalance(page)).toHaveText('¥69.90');
});

for (const width of [375, 1280]) {
  test(`amount fields are drawn large; other fields stay at 16 px so iOS does not zoom (${width} px)`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    const fontSize = (locator: ReturnType<Page['getByLabel']>) =>
      locator.evaluate((el) => getComputedStyle(el).fontSize);
    await page.goto('/sign-in');
    // An ordinary field: the 16 px floor, also where the page's text is 14 px (from 768 px).
    expect(await fontSize(page.getByLabel('邮箱'))).toBe('16px');

    const customer = demoAccount('CUSTOMER');
    await signInThroughForm(page, customer.email, customer.password);
    await expect(page).toHaveURL(/\/$/);
    await page.getByRole('link', { name: '充值', exact: true }).click();
    const amount = page.getByLabel('充值金额（元）');
    await expect(amount).toBeVisible();
    // text-4xl (36 px) next to the 30 px ¥, not the 16 px floor every input has.
    expect(await fontSize(amount)).toBe('36px');
  });
}
