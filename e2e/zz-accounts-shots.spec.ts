// Throwaway (not committed): screenshots of the account pages at 375/1280 px, zh and en.
import { expect, test } from '@playwright/test';
import { linkFromLatestMail, mailCount } from './support/mailbox';
import { newUserDetails, signUpThroughForm } from './support/users';

test('screenshots', async ({ browser, baseURL }) => {
  test.setTimeout(600_000);
  const setup = await browser.newPage();
  const user = await signUpThroughForm(setup);
  // a second session so the list has another device
  const pending = newUserDetails();
  await setup.goto('/sign-up');
  await setup.getByLabel('邮箱').fill(pending.email);
  await setup.getByLabel('昵称').fill(pending.displayName);
  await setup.getByLabel('密码').fill(pending.password);
  await setup.getByRole('button', { name: '注册' }).click();
  await expect(setup.getByTestId('check-email')).toBeVisible();
  const verifyLink = await linkFromLatestMail(setup, pending.email);
  const before = await mailCount(setup, user.email);
  await setup.request.get('/sign-in');
  for (const locale of ['zh-CN', 'en']) {
    for (const width of [375, 1280]) {
      const ctx = await browser.newContext({ viewport: { width, height: 900 } });
      await ctx.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: baseURL! }]);
      const page = await ctx.newPage();
      const shot = async (name: string) => {
        await page.waitForLoadState('networkidle');
        await page.screenshot({ path: `/tmp/accounts-shots/${name}-${locale}-${width}.png`, fullPage: true });
      };
      await page.goto('/sign-in?notice=verified');
      await shot('sign-in');
      await page.goto('/sign-up/resend');
      await shot('resend');
      await page.goto('/forgot-password');
      await page.getByRole('textbox').fill(user.email);
      await page.getByRole('button').last().click();
      await expect(page.getByTestId('email-request-done')).toBeVisible();
      await shot('forgot-done');
      await page.goto(verifyLink);
      await shot('verify');
      await page.goto('/verify-email?token=nope');
      await shot('verify-invalid');
      await page.goto(await linkFromLatestMail(page, user.email, before));
      await shot('reset');
      await page.goto('/sign-up');
      const p2 = newUserDetails();
      await page.locator('input[name=email]').fill(p2.email);
      await page.locator('input[name=displayName]').fill(p2.displayName);
      await page.locator('input[name=password]').fill(p2.password);
      await page.locator('button[type=submit]').click();
      await expect(page.getByTestId('check-email')).toBeVisible();
      await shot('check-email');
      await page.goto('/sign-in');
      await page.locator('input[name=email]').fill(user.email);
      await page.locator('input[name=password]').fill(user.password);
      await page.locator('button[type=submit]').click();
      await expect(page).toHaveURL(/\/$/);
      await page.goto('/me');
      await shot('me');
      await page.goto('/me/security');
      await shot('security');
      await ctx.close();
    }
  }
});
