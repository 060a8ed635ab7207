// Signed e-receipts (电子回单) in the browser: 张三 pays an order from his balance, downloads the
// payment's receipt PDF from its activity page; on the public /verify page (signed out) the PDF
// is 验证通过 and a copy with one fen changed is 验证失败. The shop downloads its own receipt of
// the same payment as JSON and pastes its JWS; nobody else can download either.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect as baseExpect, test, type Download, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './support/axe';
import { enterPin, setPinIfAsked } from './support/pin';
import { topUpThroughBank } from './support/top-up-flow';
import { demoAccount, signInThroughForm } from './support/users';

// Sign-in hashes a password and a receipt PDF takes a second or two to draw: on a busy 2-core
// machine both can pass the default 10 s.
const expect = baseExpect.configure({ timeout: 30_000 });

const FILES = 'e2e/.generated/receipts';
const SCREENS = 'e2e/.generated/screens';

function apiKey(): string {
  return (JSON.parse(readFileSync('e2e/.generated/demo-store.json', 'utf8')) as { apiKey: string }).apiKey;
}

async function save(download: Download, name: string): Promise<string> {
  mkdirSync(FILES, { recursive: true });
  const file = path.join(FILES, name);
  await download.saveAs(file);
  return file;
}

/** The PDF with one fen added to the signed amount: the JWS payload re-encoded, the signature kept. */
function oneFenMore(pdfFile: string): string {
  const pdf = readFileSync(pdfFile).toString('latin1');
  const jws = /\/WalletReceiptJWS \(([A-Za-z0-9_.-]+)\)/.exec(pdf)![1]!;
  const [header, payload, signature] = jws.split('.') as [string, string, string];
  const receipt = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { amount: string };
  receipt.amount = (BigInt(receipt.amount) + 1n).toString();
  const tampered = [header, Buffer.from(JSON.stringify(receipt)).toString('base64url'), signature].join('.');
  const file = pdfFile.replace(/\.pdf$/, '-one-fen-more.pdf');
  writeFileSync(file, Buffer.from(pdf.replace(jws, tampered), 'latin1'));
  return file;
}

async function screens(page: Page, name: string) {
  mkdirSync(SCREENS, { recursive: true });
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: `${SCREENS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('a payment receipt PDF downloads, /verify accepts it and rejects a copy with one fen changed; the shop gets its own', async ({
  page,
  browser,
  request,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const zhang = demoAccount('CUSTOMER', 0);
  await signInThroughForm(page, zhang.email, zhang.password);
  await expect(page).toHaveURL(/\/$/);
  await topUpThroughBank(page, '30.00');
  await expect(page.getByTestId('operation-status')).toHaveAttribute('data-status', 'SUCCEEDED');

  const created = await request.post('/api/v1/orders', {
    headers: { Authorization: `Bearer ${apiKey()}`, 'Idempotency-Key': randomUUID() },
    data: {
      merchant_order_no: `E2E-R-${randomUUID().slice(0, 8)}`,
      amount: 2345,
      currency: 'CNY',
      subject: '电子回单测试商品',
      return_url: `${baseURL}/e2e-shop/return`,
      expires_in: 1800,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const order = (await created.json()) as { id: string };
  await page.goto(`/pay/${order.id}`);
  await setPinIfAsked(page, page.getByTestId('pay-button'));
  await enterPin(page);
  await page.getByRole('button', { name: '确认支付 ¥23.45' }).click();
  await expect(page.getByTestId('result-title')).toHaveText('支付成功');
  await page.getByTestId('view-payment').click();
  await expect(page).toHaveURL(/\/activity\/[0-9a-f-]{36}$/);
  const operationUrl = new URL(page.url()).pathname;

  // The receipt card on the payment's page; the PDF downloads.
  await expect(page.getByRole('heading', { name: '电子回单' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await screens(page, 'receipt-activity');
  const [pdfDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: '电子回单 (PDF)' }).click(),
  ]);
  expect(pdfDownload.suggestedFilename()).toMatch(/^receipt-\d{10}[0-9A-F]{32}\.pdf$/);
  const pdf = await save(pdfDownload, 'payment.pdf');
  expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');

  // Someone else gets 404 for it, in either format; a signed-out visitor 401.
  const li = await (await browser.newContext()).newPage();
  const lisi = demoAccount('CUSTOMER', 1);
  await signInThroughForm(li, lisi.email, lisi.password);
  await expect(li).toHaveURL(/\/$/);
  for (const format of ['pdf', 'json']) {
    expect((await li.request.get(`${operationUrl}/receipt?format=${format}`)).status()).toBe(404);
  }
  expect((await request.get(`${operationUrl}/receipt?format=pdf`)).status()).toBe(401);
  expect((await page.request.get(`${operationUrl}/receipt?format=docx`)).status()).toBe(422);

  // /verify, signed out: the PDF passes and shows what it says; one fen more fails, and why.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto('/verify');
  await expect(visitor.getByRole('heading', { level: 1, name: '验证电子回单' })).toBeVisible();
  await expectNoSeriousAxeViolations(visitor);
  await visitor.getByLabel('或上传回单文件 (PDF / JSON)').setInputFiles(pdf);
  await expect(visitor.getByTestId('verify-passed')).toContainText('验证通过');
  const shown = visitor.getByTestId('verified-receipt');
  await expect(shown).toContainText('¥23.45');
  await expect(shown).toContainText('示例商店');
  await expect(shown).toContainText('电子回单测试商品');
  await expectNoSeriousAxeViolations(visitor);
  await screens(visitor, 'receipt-verify-passed');

  await visitor.getByLabel('或上传回单文件 (PDF / JSON)').setInputFiles(oneFenMore(pdf));
  await expect(visitor.getByTestId('verify-failed')).toContainText('验证失败');
  await expect(visitor.getByTestId('verify-reason')).toHaveText('签名与内容不符：回单内容已被改动。');
  await expect(visitor.getByTestId('verify-passed')).toHaveCount(0);
  await expectNoSeriousAxeViolations(visitor);
  await screens(visitor, 'receipt-verify-failed');

  // The shop's own receipt of the payment, as JSON from the order page; its JWS pasted passes.
  const shop = await (await browser.newContext()).newPage();
  const merchant = demoAccount('MERCHANT');
  await signInThroughForm(shop, merchant.email, merchant.password);
  await expect(shop).toHaveURL(/\/merchant$/);
  await shop.goto(`/merchant/orders/${order.id}`);
  await expect(shop.getByTestId('payment-receipt')).toBeVisible();
  await expectNoSeriousAxeViolations(shop);
  await screens(shop, 'receipt-merchant-order');
  const [jsonDownload] = await Promise.all([
    shop.waitForEvent('download'),
    shop.getByTestId('payment-receipt').getByRole('link', { name: '电子回单 JSON' }).click(),
  ]);
  const file = JSON.parse(readFileSync(await save(jsonDownload, 'shop.json'), 'utf8')) as {
    receipt: { type: string; holder: { kind: string }; fee: string; net: string; direction: string };
    jws: string;
  };
  expect(file.receipt).toMatchObject({ type: 'PAYMENT', holder: { kind: 'MERCHANT' }, direction: 'CREDIT' });
  expect(BigInt(file.receipt.net) + BigInt(file.receipt.fee)).toBe(2345n);
  // 张三 cannot fetch the shop's receipt of his own payment.
  const paymentId = operationUrl.split('/').pop()!;
  expect((await page.request.get(`/merchant/receipts/${paymentId}?format=json`)).status()).toBe(404);

  await visitor.getByLabel('签名 (JWS) 或回单 JSON').fill(file.jws);
  await visitor.getByRole('button', { name: '验证' }).click();
  await expect(visitor.getByTestId('verify-passed')).toContainText('验证通过');
  await expect(visitor.getByTestId('verified-receipt')).toContainText('商户');

  // The page in English.
  await visitor.getByTestId('language-switch').selectOption('en');
  await expect(visitor.getByRole('heading', { level: 1, name: 'Verify an e-receipt' })).toBeVisible();
  await visitor.getByLabel('Or upload a receipt file (PDF / JSON)').setInputFiles(pdf);
  await expect(visitor.getByTestId('verify-passed')).toContainText('Verified');
  await expectNoSeriousAxeViolations(visitor);
  await screens(visitor, 'receipt-verify-passed-en');
  await visitor.getByLabel('Or upload a receipt file (PDF / JSON)').setInputFiles(oneFenMore(pdf));
  await expect(visitor.getByTestId('verify-failed')).toContainText('Not verified');
  await screens(visitor, 'receipt-verify-failed-en');
});
