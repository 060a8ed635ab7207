// docs/security.md, "The door": a cross-site POST to a money-moving route (the transfer's own server
// action, as the browser sent it, and as text/plain JSON) or one with `Origin: null` is
// refused with 403 and moves nothing; a 1 MB memo is 413; a forged `x-middleware-subrequest`
// header opens nothing. The request replayed is the one the browser really sent for a
// transfer, with a fresh idempotency key, so the same replay from the wallet's own origin
// does move money (the control).
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { topUpThroughBank } from './support/top-up-flow';
import { demoAccount, newUserDetails, signUpThroughForm } from './support/users';
import { linkBankAccountThroughForm } from './support/bank-accounts';
import { enterPin, setPinIfAsked } from './support/pin';

async function availableBalance(page: Page): Promise<string | null> {
  await page.goto('/');
  return page.getByTestId('available-balance').textContent();
}

test('a cross-site or Origin: null replay of a real transfer is 403, one with a 1 MB memo 413, and neither moves money; the same-origin replay does', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await signUpThroughForm(page, { ...newUserDetails(), displayName: '王五' });
  await linkBankAccountThroughForm(page);
  await topUpThroughBank(page, '30.00');
  await expect(page.getByTestId('operation-status')).toHaveAttribute('data-status', 'SUCCEEDED');

  // A real transfer of ¥10.00 to 李四; its server action request is kept as sent.
  await page.goto('/transfer');
  await setPinIfAsked(page, page.getByLabel('对方邮箱'));
  await page.getByLabel('对方邮箱').fill(demoAccount('CUSTOMER', 1).email);
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByTestId('recipient-name')).toContainText('*四');
  await page.getByLabel('转账金额（元）').fill('10.00');
  await page.getByRole('button', { name: '下一步' }).click();
  await enterPin(page);
  const sent = page.waitForRequest(
    (r) => r.method() === 'POST' && r.headers()['next-action'] !== undefined && (r.postData() ?? '').includes('10.00'),
  );
  await page.getByRole('button', { name: '确认转账 ¥10.00' }).click();
  const transfer = await sent;
  await expect(page.getByTestId('operation-status')).toHaveAttribute('data-status', 'SUCCEEDED');
  expect(await availableBalance(page)).toBe('¥20.00');

  const body = transfer.postData()!;
  // As the browser sent them, but the length, which Playwright sets for each body.
  const sentHeaders = Object.fromEntries(
    Object.entries(transfer.headers()).filter(([name]) => name.toLowerCase() !== 'content-length'),
  );
  const key = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/.exec(body)?.[0];
  expect(key, `an idempotency key in ${body}`).toBeDefined();
  const replay = (origin: string, extra: Record<string, string> = {}) =>
    page.request.fetch(transfer.url(), {
      method: 'POST',
      headers: { ...sentHeaders, origin, ...extra },
      data: body.replace(key!, randomUUID()),
      maxRedirects: 0,
    });

  for (const [origin, extra] of [
    ['https://evil.example', { 'sec-fetch-site': 'cross-site' }],
    ['https://evil.example', {}],
    ['null', {}],
  ] as const) {
    const refused = await replay(origin, extra);
    expect(refused.status(), `Origin ${origin}`).toBe(403);
    expect((await refused.json()).error.code).toBe('CROSS_SITE_REQUEST');
  }
  const plain = await page.request.fetch(transfer.url(), {
    method: 'POST',
    headers: { ...sentHeaders, origin: 'https://evil.example', 'content-type': 'text/plain;charset=UTF-8' },
    data: JSON.stringify([
      { idempotencyKey: randomUUID(), email: demoAccount('CUSTOMER', 1).email, amount: '10.00', memo: '' },
    ]),
    maxRedirects: 0,
  });
  expect(plain.status(), 'text/plain JSON from another site').toBe(403);
  expect(await availableBalance(page)).toBe('¥20.00');

  // A 1 MB memo, from the wallet's own origin: 413 (Next alone answers 500), nothing moved.
  const ownOrigin = new URL(baseURL!).origin;
  const memo = '备'.repeat(350_000); // 1,050,000 bytes in UTF-8
  const hugeBody = body.replace(key!, randomUUID()).replace(/(name="_1_memo"\r?\n\r?\n)[^\r\n]*/, `$1${memo}`);
  expect(hugeBody.length, `a memo field in ${body}`).toBeGreaterThan(350_000);
  const huge = await page.request.fetch(transfer.url(), {
    method: 'POST',
    headers: { ...sentHeaders, origin: ownOrigin },
    data: hugeBody,
    maxRedirects: 0,
  });
  expect(huge.status()).toBe(413);
  expect((await huge.json()).error.code).toBe('BODY_TOO_LARGE');
  expect(await availableBalance(page)).toBe('¥20.00');

  // The control: the same replay from the wallet's own origin is a second transfer.
  const control = await replay(ownOrigin);
  expect(control.status()).toBe(200);
  await expect.poll(() => availableBalance(page)).toBe('¥10.00');
});

test('a forged x-middleware-subrequest header does not open the admin pages to a customer', async ({ page }) => {
  await signUpThroughForm(page);
  for (const forged of [
    'middleware',
    'proxy',
    'middleware:middleware:middleware:middleware:middleware',
    'src/middleware',
  ]) {
    await page.setExtraHTTPHeaders({ 'x-middleware-subrequest': forged });
    const response = await page.goto('/admin');
    expect(response?.status(), forged).toBe(403);
    await expect(page.getByTestId('forbidden')).toBeVisible();
  }
});
