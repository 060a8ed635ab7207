// The merchant API over real HTTP on the production build, and its public docs page.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './support/axe';

function demoStoreKey(): string {
  return (JSON.parse(readFileSync('e2e/.generated/demo-store.json', 'utf8')) as { apiKey: string }).apiKey;
}

test('the API answers over HTTP: 401 without a key, 422 for 1e3, replay with Idempotent-Replayed, 413 over 64 KB, JSON 404', async ({
  request,
}) => {
  const auth = { Authorization: `Bearer ${demoStoreKey()}`, 'Content-Type': 'application/json' };
  const noKey = await request.get('/api/v1/balance');
  expect(noKey.status()).toBe(401);
  expect((await noKey.json()).error.code).toBe('UNAUTHENTICATED');

  const exponent = await request.post('/api/v1/orders', {
    headers: { ...auth, 'Idempotency-Key': randomUUID() },
    data: `{"merchant_order_no":"E2E-${randomUUID().slice(0, 8)}","subject":"x","amount":1e3}`,
  });
  expect(exponent.status()).toBe(422);
  expect((await exponent.json()).error).toMatchObject({ code: 'INVALID_INPUT', field: 'amount' });

  const key = randomUUID();
  const body = { merchant_order_no: `E2E-${randomUUID().slice(0, 8)}`, amount: 1234, subject: '接口测试' };
  const first = await request.post('/api/v1/orders', { headers: { ...auth, 'Idempotency-Key': key }, data: body });
  expect(first.status(), await first.text()).toBe(201);
  const again = await request.post('/api/v1/orders', { headers: { ...auth, 'Idempotency-Key': key }, data: body });
  expect(again.status()).toBe(201);
  expect(again.headers()['idempotent-replayed']).toBe('true');
  expect(await again.text()).toBe(await first.text());

  const big = await request.post('/api/v1/orders', {
    headers: { ...auth, 'Idempotency-Key': randomUUID() },
    data: { ...body, pad: 'x'.repeat(70 * 1024) },
  });
  expect(big.status()).toBe(413);

  const unknown = await request.get('/api/v1/refunds');
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).error.code).toBe('NOT_FOUND');

  const doc = await request.get('/api/v1/openapi.json');
  expect(doc.status()).toBe(200);
  expect((await doc.json()).openapi).toBe('3.1.0');
});

for (const width of [1280, 375]) {
  test(`the API docs are readable signed out at ${width} px, without sideways scrolling or serious accessibility violations`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/docs/api');
    await expect(page).toHaveURL(/\/docs\/api$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('用 API 收款、退款和对账');
    await expect(page.getByRole('heading', { name: '创建订单 Create an order' })).toBeVisible();
    await expect(page.getByText('verifyWalletSignature(body, header, secret, toleranceSeconds = 300)')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await expectNoSeriousAxeViolations(page);
  });
}
