// The account's door in the browser: sign-up by mailed link, one answer for free and taken
// addresses, password reset and change signing out the other devices, and /me/security.
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './support/axe';
import { latestMailTo, linkFromLatestMail, mailCount } from './support/mailbox';
import { demoAccount, newUserDetails, signInThroughForm, signUpThroughForm } from './support/users';

type Details = { email: string; displayName: string; password: string };

async function fillSignUp(page: Page, user: Details) {
  await page.goto('/sign-up');
  await page.getByLabel('邮箱').fill(user.email);
  await page.getByLabel('昵称').fill(user.displayName);
  await page.getByLabel('密码').fill(user.password);
}

/**
 * Submits the sign-up form; returns the status of the server's answer and what the person is
 * shown (the address itself replaced, as it is the one thing that may differ). The answer's
 * body cannot be read reliably: Chromium drops it once the page re-renders.
 */
async function signUpAnswer(page: Page, user: Details) {
  await fillSignUp(page, user);
  const answer = page.waitForResponse(
    (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/sign-up',
  );
  await page.getByRole('button', { name: '注册' }).click();
  const status = (await answer).status();
  await expect(page.getByTestId('check-email')).toBeVisible();
  const shown = (await page.getByTestId('check-email').innerText()).replaceAll(user.email, '<email>');
  return { status, shown };
}

test('sign up, follow the mailed link once, sign in, land at home', async ({ page }) => {
  const user = newUserDetails();
  await fillSignUp(page, user);
  await page.getByRole('button', { name: '注册' }).click();
  await expect(page.getByTestId('check-email')).toContainText(`我们已向 ${user.email} 发送了一封邮件`);

  // No account before the link is followed: signing in is refused like any wrong password.
  await signInThroughForm(page, user.email, user.password);
  await expect(page.getByTestId('sign-in-error')).toHaveText('邮箱或密码不正确');

  const mail = await latestMailTo(page, user.email);
  expect(mail.subject).toBe('请验证你的邮箱');
  const link = await linkFromLatestMail(page, user.email);
  await page.goto(link);
  await expect(page.getByText(`确认 ${user.email} 是你的邮箱`)).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'verify-email');
  await page.getByRole('button', { name: '确认并完成注册' }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=verified$/);
  await expect(page.getByTestId('sign-in-notice')).toHaveText('邮箱已验证，账户已开通，请登录。');

  await signInThroughForm(page, user.email, user.password);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { name: `${user.displayName}，你好` })).toBeVisible();

  // The link worked once.
  await page.goto(link);
  await expect(page.getByTestId('link-invalid')).toBeVisible();
});

test('a taken address and a free one get the same answer; the owner of the taken one is told by mail', async ({
  page,
}) => {
  const owner = demoAccount('CUSTOMER', 1);
  const ownerMailsBefore = await mailCount(page, owner.email);
  const free = await signUpAnswer(page, newUserDetails());
  const taken = await signUpAnswer(page, { ...newUserDetails(), email: owner.email });
  expect(taken.status).toBe(free.status);
  expect(taken.shown).toBe(free.shown);

  const mail = await latestMailTo(page, owner.email, ownerMailsBefore);
  expect(mail.subject).toBe('有人尝试用你的邮箱注册');
  expect(mail.text).not.toContain('/verify-email');
  // The owner's password still works.
  await signInThroughForm(page, owner.email, owner.password);
  await expect(page).toHaveURL(/\/$/);
});

test('resetting the password signs out the session open in another browser', async ({ page, browser }) => {
  test.slow(); // two browsers, a sign-up and two mails
  const user = await signUpThroughForm(page);

  const other = await browser.newContext();
  const stranger = await other.newPage();
  try {
    await stranger.goto('/sign-in');
    await stranger.getByRole('link', { name: '忘记密码？' }).click();
    await expect(stranger).toHaveURL(/\/forgot-password$/);
    await expectNoSeriousAxeViolations(stranger, 'forgot-password');
    const before = await mailCount(stranger, user.email);
    await stranger.getByLabel('邮箱').fill(user.email);
    await stranger.getByRole('button', { name: '发送重置链接' }).click();
    await expect(stranger.getByTestId('email-request-done')).toHaveText(
      '如果该邮箱已注册，我们已发送重置密码的邮件，链接 30 分钟内有效。',
    );

    await stranger.goto(await linkFromLatestMail(stranger, user.email, before));
    await expectNoSeriousAxeViolations(stranger, 'reset-password');
    const newPassword = `new-${user.password}`;
    await stranger.getByLabel('新密码', { exact: true }).fill(newPassword);
    await stranger.getByLabel('确认新密码').fill('something-else-entirely');
    await stranger.getByRole('button', { name: '重置密码' }).click();
    await expect(stranger.getByTestId('confirmPassword-error')).toHaveText('两次输入的新密码不一致');
    await stranger.getByLabel('确认新密码').fill(newPassword);
    await stranger.getByRole('button', { name: '重置密码' }).click();
    await expect(stranger.getByTestId('sign-in-notice')).toHaveText(
      '密码已重置，所有设备均已退出登录，请用新密码登录。',
    );
    expect((await latestMailTo(stranger, user.email, before + 1)).subject).toBe('你的登录密码已修改');

    // The first browser's session is gone.
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in/);
    await signInThroughForm(page, user.email, user.password);
    await expect(page.getByTestId('sign-in-error')).toHaveText('邮箱或密码不正确');
    await signInThroughForm(page, user.email, newPassword);
    await expect(page).toHaveURL(/\/$/);
  } finally {
    await other.close();
  }
});

test('on /me/security the user sees both devices and signs the other one out', async ({ page, browser }) => {
  test.slow(); // two browsers and a sign-up
  const user = await signUpThroughForm(page);
  const other = await browser.newContext();
  const phone = await other.newPage();
  try {
    await signInThroughForm(phone, user.email, user.password);
    await expect(phone).toHaveURL(/\/$/);

    await page.goto('/me');
    await page.getByRole('link', { name: /账户安全/ }).click();
    await expect(page).toHaveURL(/\/me\/security$/);
    await expect(page.getByTestId('session-current')).toContainText('本机');
    await expect(page.getByTestId('session-current')).toContainText('Chrome');
    await expect(page.getByTestId('session-current')).toContainText(/127\.0\.0\.1|::1/);
    await expect(page.getByTestId('session-other')).toHaveCount(1);
    await expectNoSeriousAxeViolations(page, 'me/security');

    await page.getByTestId('session-other').getByRole('button', { name: /退出/ }).click();
    await expect(page.getByTestId('session-other')).toHaveCount(0);
    await expect(page.getByText('没有其他设备登录。')).toBeVisible();

    await phone.goto('/');
    await expect(phone).toHaveURL(/\/sign-in/);
    // This device stays signed in.
    await page.goto('/');
    await expect(page).toHaveURL(/\/$/);
  } finally {
    await other.close();
  }
});

test('changing the password on /me/security needs the current one and signs out the other device', async ({
  page,
  browser,
}) => {
  test.slow(); // two browsers, a sign-up and a mail
  const user = await signUpThroughForm(page);
  const other = await browser.newContext();
  const phone = await other.newPage();
  try {
    await signInThroughForm(phone, user.email, user.password);
    await expect(phone).toHaveURL(/\/$/);

    await page.goto('/me/security');
    const newPassword = `changed-${user.password}`;
    await page.getByLabel('当前密码').fill('not-my-password');
    await page.getByLabel('新密码', { exact: true }).fill(newPassword);
    await page.getByLabel('确认新密码').fill(newPassword);
    await page.getByRole('button', { name: '修改密码' }).click();
    await expect(page.getByTestId('currentPassword-error')).toHaveText('当前密码不正确');

    const before = await mailCount(page, user.email);
    await page.getByLabel('当前密码').fill(user.password);
    await page.getByLabel('新密码', { exact: true }).fill(newPassword);
    await page.getByLabel('确认新密码').fill(newPassword);
    await page.getByRole('button', { name: '修改密码' }).click();
    await expect(page.getByTestId('password-changed')).toHaveText('密码已修改，其他设备均已退出登录。');
    await expect(page.getByTestId('session-other')).toHaveCount(0);
    expect((await latestMailTo(page, user.email, before)).subject).toBe('你的登录密码已修改');

    await phone.goto('/');
    await expect(phone).toHaveURL(/\/sign-in/);
    await signInThroughForm(phone, user.email, newPassword);
    await expect(phone).toHaveURL(/\/$/);
  } finally {
    await other.close();
  }
});
