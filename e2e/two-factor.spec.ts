// Two-step verification: a new admin reaches nothing but its set-up; enrols an
// authenticator app (the spec computes its codes as the app would), keeps the recovery
// codes, and from then on signs in with password + code; a used code does not work twice.
import { expect, test } from '@playwright/test';
import { currentTotp } from './support/authenticator-app';
import { expectNoSeriousAxeViolations } from './support/axe';
import { promoteToAdmin } from './support/promote-to-admin';
import { signUpThroughForm, unusedTotp } from './support/users';

test('a new admin must enrol an authenticator app, then signs in with its code or a recovery code', async ({
  page,
}) => {
  test.slow(); // several sign-ins, each hashing a password
  const user = await signUpThroughForm(page);
  await promoteToAdmin(user.email);

  // Every signed-in page, the admin console first, leads to the set-up.
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/two-factor$/);
  await expect(page.getByTestId('two-factor-required')).toBeVisible();
  await page.goto('/');
  await expect(page).toHaveURL(/\/two-factor$/);
  await expectNoSeriousAxeViolations(page, 'two-factor set-up');

  await page.getByRole('button', { name: '开始设置' }).click();
  await expect(page.getByRole('img', { name: '身份验证器的设置二维码' })).toBeVisible();
  const secret = (await page.getByTestId('totp-secret').innerText()).trim();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByLabel('6 位动态码').fill(currentTotp(secret, Date.now() - 5 * 60_000));
  await page.getByRole('button', { name: '验证并开启' }).click();
  await expect(page.getByText('动态码不正确或已使用')).toBeVisible();
  await page.getByLabel('6 位动态码').fill(await unusedTotp(secret));
  await page.getByRole('button', { name: '验证并开启' }).click();
  await expect(page.getByRole('status')).toHaveText('两步验证已开启');
  const recoveryCodes = (await page.getByTestId('recovery-codes').locator('li').allInnerTexts()).map((c) => c.trim());
  expect(recoveryCodes).toHaveLength(10);
  await expectNoSeriousAxeViolations(page, 'recovery codes');

  await page.goto('/admin');
  await expect(page).toHaveURL(/\/admin$/);

  // Signing in now takes the app's code: the password alone is not enough.
  await page.context().clearCookies();
  await page.goto('/sign-in');
  await page.getByLabel('邮箱').fill(user.email);
  await page.getByLabel('密码').fill(user.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('sign-in-error')).toHaveText('请输入身份验证器上的动态码');
  await expectNoSeriousAxeViolations(page, 'sign-in asking for the authenticator code');
  const code = await unusedTotp(secret);
  await page.getByLabel('身份验证器动态码或恢复码').fill(code);
  await page.getByRole('button', { name: '登录' }).click();
  // An admin lands on the console.
  await expect(page).toHaveURL(/\/admin$/);

  // The same code a second time is refused; a recovery code works once.
  await page.context().clearCookies();
  await page.goto('/sign-in');
  await page.getByLabel('邮箱').fill(user.email);
  await page.getByLabel('密码').fill(user.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByLabel('身份验证器动态码或恢复码').fill(code);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('sign-in-error')).toHaveText('动态码或恢复码不正确');
  await page.getByLabel('身份验证器动态码或恢复码').fill(recoveryCodes[0]!.toLowerCase());
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto('/two-factor');
  await expect(page.getByTestId('two-factor-on')).toHaveText('两步验证已开启，剩余 9 个恢复码。');
});
