import { randomInt, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, type Page, type Route } from '@playwright/test';
import { currentTotp } from './authenticator-app';
import { linkFromLatestMail, mailCount } from './mailbox';

export type DemoAccount = { email: string; displayName: string; role: string; password: string; totpSecret?: string };

export function demoAccount(role: 'CUSTOMER' | 'MERCHANT' | 'ADMIN', index = 0): DemoAccount {
  const all = JSON.parse(readFileSync('e2e/.generated/demo-accounts.json', 'utf8')) as DemoAccount[];
  const found = all.filter((a) => a.role === role)[index];
  if (!found) throw new Error(`no demo ${role} #${index}`);
  return found;
}

export function newUserDetails() {
  const id = randomUUID().slice(0, 8);
  return { email: `e2e-${id}@example.com`, displayName: `测试用户${id.slice(0, 4)}`, password: `pw-${randomUUID()}` };
}

/** An address of the documentation ranges (RFC 5737), new for each call. */
export const newClientIp = () => `198.18.${randomInt(256)}.${randomInt(1, 255)}`;

/**
 * Signs up the way a person does: the form, the link in the mail (read at /dev/mailbox), the
 * confirm button, then signing in; waits for the home page. The form is sent from an address
 * of the person's own (X-Forwarded-For on that one request, as the reverse proxy a deployment
 * has would set it): the suite's many new people are not one client past the sign-up limit
 * per address (RATE_LIMITS.signUpsPerIp), and every other request stays the browser's own.
 */
export async function signUpThroughForm(page: Page, user = newUserDetails()) {
  const mailsBefore = await mailCount(page, user.email);
  await page.goto('/sign-up');
  await page.getByLabel('邮箱').fill(user.email);
  await page.getByLabel('昵称').fill(user.displayName);
  await page.getByLabel('密码').fill(user.password);
  const ip = newClientIp();
  const fromOwnAddress = (route: Route) =>
    route.request().method() === 'POST'
      ? route.continue({ headers: { ...route.request().headers(), 'x-forwarded-for': ip } })
      : route.continue();
  await page.route('**/sign-up', fromOwnAddress);
  await page.getByRole('button', { name: '注册' }).click();
  await expect(page.getByTestId('check-email')).toBeVisible();
  await page.unroute('**/sign-up', fromOwnAddress);
  await page.goto(await linkFromLatestMail(page, user.email, mailsBefore));
  await page.getByRole('button', { name: '确认并完成注册' }).click();
  await expect(page.getByTestId('sign-in-notice')).toHaveText('邮箱已验证，账户已开通，请登录。');
  await signInThroughForm(page, user.email, user.password);
  await expect(page).toHaveURL(/\/$/);
  return user;
}

/** Signs in through the form; with `totpSecret` (the demo admin's), answers the authenticator step too. */
export async function signInThroughForm(page: Page, email: string, password: string, totpSecret?: string) {
  await page.goto('/sign-in');
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  if (totpSecret) {
    await page.getByLabel('身份验证器动态码或恢复码').fill(await unusedTotp(totpSecret));
    await page.getByRole('button', { name: '登录' }).click();
  }
}

const lastStepUsed = new Map<string, number>();

/**
 * A code the authenticator app would show that the wallet has not seen yet: each step
 * (30 s) signs in once, and the wallet also takes the next step's code, so a second sign-in
 * within 30 s uses that; a third waits for the step to pass.
 */
export async function unusedTotp(secret: string): Promise<string> {
  for (;;) {
    const now = Date.now();
    const step = Math.floor(now / 30_000);
    const next = Math.max(step, (lastStepUsed.get(secret) ?? -1) + 1);
    if (next <= step + 1) {
      lastStepUsed.set(secret, next);
      return currentTotp(secret, next * 30_000);
    }
    await new Promise((resolve) => setTimeout(resolve, (step + 1) * 30_000 - now + 50));
  }
}
