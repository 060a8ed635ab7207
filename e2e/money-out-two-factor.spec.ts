// The authenticator on the way out: a customer who turned it on is asked, on the withdraw
// confirm step, for the app's code as well as the payment PIN; a wrong or used code is refused
// on that step, a fresh one or a recovery code goes through. And a signed-out form that mails
// someone ("forgot password") says how long to wait once one address has asked too often.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { currentTotp } from './support/authenticator-app';
import { expectNoSeriousAxeViolations } from './support/axe';
import { linkBankAccountThroughForm } from './support/bank-accounts';
import { enterPin, setPinIfAsked } from './support/pin';
import { topUpThroughBank } from './support/top-up-flow';
import { newClientIp, signUpThroughForm, unusedTotp } from './support/users';

test('a customer with the authenticator on withdraws with its code as well as the PIN', async ({ page }) => {
  test.setTimeout(180_000);
  await signUpThroughForm(page);

  // 我的 › 两步验证: turn the authenticator on (the spec computes its codes as the app would).
  await page.goto('/me');
  await page.getByRole('link', { name: '两步验证' }).click();
  await page.getByRole('button', { name: '开始设置' }).click();
  const secret = (await page.getByTestId('totp-secret').innerText()).trim();
  await page.getByLabel('6 位动态码').fill(await unusedTotp(secret));
  await page.getByRole('button', { name: '验证并开启' }).click();
  await expect(page.getByRole('status')).toHaveText('两步验证已开启');
  const recoveryCodes = (await page.getByTestId('recovery-codes').locator('li').allInnerTexts()).map((c) => c.trim());

  await linkBankAccountThroughForm(page);
  await topUpThroughBank(page, '100.00');
  await expect(page.getByTestId('operation-status')).toHaveAttribute('data-status', 'SUCCEEDED');

  // The confirm step asks for the code under the PIN; without it the button stays off.
  await page.goto('/withdraw');
  await setPinIfAsked(page, page.getByLabel('提现金额（元）'));
  await page.getByLabel('提现金额（元）').fill('20.00');
  await page.getByRole('button', { name: '下一步' }).click();
  const code = page.getByLabel('身份验证器动态码');
  await expect(code).toBeVisible();
  await expect(page.getByText('你已开启两步验证：请输入身份验证器上的 6 位动态码')).toBeVisible();
  await enterPin(page);
  await expect(page.getByRole('button', { name: '确认提现' })).toBeDisabled();
  await expectNoSeriousAxeViolations(page, 'withdraw confirm step with the authenticator code');

  // A wrong code: refused on the same step, PIN and code to type again.
  await code.fill(currentTotp(secret, Date.now() - 10 * 60_000));
  await page.getByRole('button', { name: '确认提现' }).click();
  await expect(page.getByTestId('twoFactorCode-error')).toHaveText('动态码不正确或已使用，请输入应用中最新的动态码');
  await expect(page).toHaveURL(/\/withdraw$/);
  await expect(page.getByTestId('withdraw-quote')).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'withdraw confirm step with a wrong code');

  // The right one: the withdrawal goes through.
  const fresh = await unusedTotp(secret);
  await enterPin(page);
  await code.fill(fresh);
  await page.getByRole('button', { name: '确认提现' }).click();
  await expect(page).toHaveURL(/\/activity\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('operation-status')).toHaveAttribute('data-status', 'SUCCEEDED');

  // The same code again is refused; a recovery code works instead.
  await page.goto('/withdraw');
  await page.getByLabel('提现金额（元）').fill('1.00');
  await page.getByRole('button', { name: '下一步' }).click();
  await enterPin(page);
  await code.fill(fresh);
  await page.getByRole('button', { name: '确认提现' }).click();
  await expect(page.getByTestId('twoFactorCode-error')).toHaveText('动态码不正确或已使用，请输入应用中最新的动态码');
  await enterPin(page);
  await code.fill(recoveryCodes[0]!);
  await page.getByRole('button', { name: '确认提现' }).click();
  await expect(page).toHaveURL(/\/activity\/[0-9a-f-]{36}$/);
  await page.goto('/');
  await expect(page.getByTestId('available-balance')).toHaveText('¥78.80');
});

test('"forgot password" from one address: past ten an hour the form says how long to wait, for any email', async ({
  browser,
}) => {
  const context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    extraHTTPHeaders: { 'x-forwarded-for': newClientIp() },
  });
  const page = await context.newPage();
  await page.goto('/forgot-password');
  const email = page.getByLabel('邮箱');
  for (let i = 0; i < 10; i++) {
    await email.fill(`nobody-${randomUUID()}@example.com`);
    await page.getByRole('button', { name: '发送重置链接' }).click();
    await expect(page.getByTestId('email-request-done')).toBeVisible();
  }
  await email.fill('zhangsan@example.com');
  await page.getByRole('button', { name: '发送重置链接' }).click();
  await expect(page.getByTestId('email-error')).toHaveText('请求过于频繁，请 60 分钟后再试');
  await expectNoSeriousAxeViolations(page, 'forgot password past the limit');
  await context.close();
});
