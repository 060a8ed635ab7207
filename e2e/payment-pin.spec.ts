// The payment PIN (支付密码) as a person meets it: asked to set one (twice, trivial ones
// refused) at the first transfer, without leaving the page; the confirm screen says who
// (masked name and email), the amount, the fee and the total debited, and takes the PIN;
// 李四 is notified. Five wrong PINs lock the PIN with the time shown, while the rest of the
// app works; the sign-in password and an emailed code reset it.
import { maskName } from '../lib/text/mask';
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './support/axe';
import { linkBankAccountThroughForm } from './support/bank-accounts';
import { codeFromLatestMail, mailCount } from './support/mailbox';
import { E2E_PIN, enterPin, setPin } from './support/pin';
import { topUpThroughBank } from './support/top-up-flow';
import { demoAccount, newUserDetails, signInThroughForm, signUpThroughForm } from './support/users';

const SCREENS = 'e2e/.generated/screens';

async function screens(page: Page, name: string) {
  mkdirSync(SCREENS, { recursive: true });
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: `${SCREENS}/pin-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** A new user (no payment PIN yet) with 王五's card and ¥30.00 in the wallet; a name of its own. */
async function newCustomerWithMoney(page: Page) {
  const me = await signUpThroughForm(page, {
    ...newUserDetails(),
    displayName: `王五${Math.random().toString(36).slice(2, 6)}`,
  });
  await linkBankAccountThroughForm(page);
  await topUpThroughBank(page, '30.00');
  await expect(page.getByTestId('operation-status')).toHaveAttribute('data-status', 'SUCCEEDED');
  return me;
}

/** Recipient and amount on /transfer, up to the confirm screen. */
async function toTransferConfirm(page: Page, email: string, yuan: string) {
  await page.goto('/transfer');
  await page.getByLabel('对方邮箱').fill(email);
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByLabel('转账金额（元）').fill(yuan);
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByTestId('transfer-confirm')).toBeVisible();
}

/** "HH:mm" in China time, as the lock message shows it. */
function shanghaiTime(at: Date): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

test('the first transfer asks to set the PIN (twice, not a trivial one), then confirms what will happen and takes the PIN; 李四 is notified', async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const me = await newCustomerWithMoney(page);
  const lisi = demoAccount('CUSTOMER', 1);

  // No PIN yet: the transfer page asks for one in place, and says why.
  await page.goto('/transfer');
  const gate = page.getByTestId('pin-setup-gate');
  await expect(gate).toContainText('先设置支付密码');
  await expect(gate).toContainText('首次转账前需要设置支付密码');
  await expectNoSeriousAxeViolations(page, 'pin gate');
  await screens(page, 'gate');

  // Trivial PINs are refused with the reason; a second entry that differs starts over.
  await page.getByTestId('new-pin-input').fill('123456');
  await expect(page.getByTestId('set-pin-error')).toHaveText('支付密码不能是连续的数字（如 123456、654321）');
  await page.getByTestId('new-pin-input').fill('888888');
  await expect(page.getByTestId('set-pin-error')).toHaveText('支付密码不能是相同的数字（如 111111）');
  await page.getByTestId('new-pin-input').fill(E2E_PIN);
  await expect(page.getByText('再次输入支付密码')).toBeVisible();
  await page.getByTestId('new-pin-again-input').fill('135791');
  await expect(page.getByTestId('set-pin-error')).toHaveText('两次输入的支付密码不一致，请重新设置');
  await page.getByTestId('new-pin-input').fill(E2E_PIN);
  await page.getByTestId('new-pin-again-input').fill(E2E_PIN);
  await expect(gate).toHaveCount(0);

  // The flow continues on the same page: recipient, amount, then the confirm screen.
  await page.getByLabel('对方邮箱').fill(lisi.email);
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByTestId('recipient-name')).toContainText('*四');
  await page.getByLabel('转账金额（元）').fill('10.00');
  await page.getByRole('button', { name: '下一步' }).click();
  const confirm = page.getByTestId('transfer-confirm');
  await expect(confirm.getByRole('heading')).toHaveText('确认转账');
  await expect(page.getByTestId('confirm-recipient')).toHaveText('*四 (l***@example.com)');
  await expect(page.getByTestId('confirm-fee')).toHaveText('¥0.00');
  await expect(page.getByTestId('confirm-total')).toHaveText('¥10.00');
  await expect(page.getByRole('button', { name: '确认转账 ¥10.00' })).toBeDisabled();
  await expectNoSeriousAxeViolations(page, 'transfer confirm');
  await screens(page, 'transfer-confirm');
  await enterPin(page);
  await page.getByRole('button', { name: '确认转账 ¥10.00' }).click();
  await expect(page).toHaveURL(/\/activity\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('operation-status')).toHaveAttribute('data-status', 'SUCCEEDED');
  await expect(page.getByTestId('operation-amount')).toHaveText('-¥10.00');

  // 李四 is told.
  const other = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const lisiPage = await other.newPage();
  await signInThroughForm(lisiPage, lisi.email, lisi.password);
  await expect(lisiPage).toHaveURL(/\/$/);
  await lisiPage.goto('/notifications');
  // The sender's name is masked in the receiver's messages, as everywhere.
  await expect(lisiPage.getByText(`收到 ${maskName(me.displayName)} 转账 ¥10.00`)).toBeVisible();
  await other.close();

  // 我的 › 支付密码 says it is set, in both languages.
  await page.goto('/me');
  await page.getByRole('link', { name: /支付密码/ }).click();
  await expect(page.getByTestId('pin-status')).toContainText('已设置');
  await expectNoSeriousAxeViolations(page, 'payment pin page');
  await page.getByTestId('language-switch').filter({ visible: true }).first().selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('pin-status')).toContainText('Set');
  await expectNoSeriousAxeViolations(page, 'payment pin page en');
  await toTransferConfirmEn(page, lisi.email);
  await expect(page.getByTestId('confirm-recipient')).toHaveText('*四 (l***@example.com)');
  await expectNoSeriousAxeViolations(page, 'transfer confirm en');
  await screens(page, 'transfer-confirm-en');
  await page.getByTestId('language-switch').filter({ visible: true }).first().selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

async function toTransferConfirmEn(page: Page, email: string) {
  await page.goto('/transfer');
  await page.getByLabel("Recipient's email").fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Amount (CNY)').fill('1.00');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Confirm transfer' })).toBeVisible();
}

test('five wrong PINs lock the PIN with the time shown while the rest of the app works; the password and an emailed code reset it', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const me = await newCustomerWithMoney(page);
  await setPin(page);
  const lisi = demoAccount('CUSTOMER', 1);
  await toTransferConfirm(page, lisi.email, '5.00');

  const pay = page.getByRole('button', { name: '确认转账 ¥5.00' });
  for (const left of [4, 3, 2, 1]) {
    await enterPin(page, '246813');
    await pay.click();
    await expect(page.getByTestId('pin-error')).toHaveText(`支付密码不正确，还可尝试 ${left} 次`);
  }
  await enterPin(page, '246813');
  const lockedAt = new Date();
  await pay.click();
  const until = [
    shanghaiTime(new Date(lockedAt.getTime() + 3 * 3600_000 - 60_000)),
    shanghaiTime(new Date(lockedAt.getTime() + 3 * 3600_000)),
    shanghaiTime(new Date(lockedAt.getTime() + 3 * 3600_000 + 60_000)),
  ];
  const lockedText = new RegExp(`^支付密码错误次数过多，已锁定，请在 (${until.join('|')}) 后重试$`);
  await expect(page.getByTestId('pin-error')).toHaveText(lockedText);
  await screens(page, 'locked');
  // Even the right PIN is refused now.
  await enterPin(page);
  await pay.click();
  await expect(page.getByTestId('pin-error')).toHaveText(lockedText);

  // Nothing moved, and the rest of the app works: home, activity, top-up; the lock is shown ahead.
  await page.goto('/');
  await expect(page.getByTestId('available-balance')).toHaveText('¥30.00');
  await page.goto('/activity');
  await expect(page.getByText('-¥5.00')).toHaveCount(0);
  await page.goto('/top-up');
  await expect(page.getByLabel('充值金额（元）')).toBeVisible();
  await toTransferConfirm(page, lisi.email, '5.00');
  await expect(page.getByTestId('pin-locked-notice')).toHaveText(
    new RegExp(`支付密码已锁定，请在 (${until.join('|')}) 后重试`),
  );
  await page.goto('/me/payment-pin');
  await expect(page.getByTestId('pin-status')).toContainText(new RegExp(`已锁定，(${until.join('|')}) 后可重试`));

  // Forgot it: the sign-in password, then the code from the email, then a new PIN twice.
  await page.getByRole('link', { name: '重置支付密码' }).click();
  await expect(page).toHaveURL(/\/me\/payment-pin\/reset/);
  await page.getByLabel('登录密码').fill('not-my-password');
  await page.getByRole('button', { name: '发送验证码' }).click();
  await expect(page.getByText('登录密码不正确')).toBeVisible();
  const before = await mailCount(page, me.email);
  await page.getByLabel('登录密码').fill(me.password);
  await page.getByRole('button', { name: '发送验证码' }).click();
  await expect(page.getByTestId('pin-reset-sent')).toContainText('验证码已发送至 e***@example.com');
  const code = await codeFromLatestMail(page, me.email, before);
  await page.getByLabel('邮箱验证码').fill(code);
  await page.getByTestId('new-pin-input').fill('802461');
  await page.getByTestId('new-pin-again-input').fill('802461');
  await expectNoSeriousAxeViolations(page, 'pin reset');
  await screens(page, 'reset');
  await page.getByRole('button', { name: '确认重置' }).click();
  await expect(page.getByTestId('pin-reset-done')).toHaveText('支付密码已重置，错误次数和锁定已清除');

  // The new PIN moves the money.
  await toTransferConfirm(page, lisi.email, '5.00');
  await expect(page.getByTestId('pin-locked-notice')).toHaveCount(0);
  await enterPin(page, '802461');
  await page.getByRole('button', { name: '确认转账 ¥5.00' }).click();
  await expect(page.getByTestId('operation-status')).toHaveAttribute('data-status', 'SUCCEEDED');
});
