// The sandbox bank's own pages in Chromium: accounts, an account's movements, the fault
// control page (the operator's, behind its sign-in), the statement, the simulated phones, and
// a debit created through the signed API and authorised on the bank's page with the code
// texted to the holder's phone.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { requestSigningPayload, signPayload } from '../lib/signing/hmac-signature';
import { seriousAxeViolations } from './support/axe';
import { bankOperatorSecret, gotoAsBankOperator } from './support/bank-operator';
import { readCodeFromPhone, textSerialOn } from './support/bank-phone';
import { demoAccount, signInThroughForm } from './support/users';

const WANGWU = '6222000000000044';
const ZHAOLIU = '6222000000000055';
const RESERVE = '6222999900000001';

function clientSecret(): string {
  return (JSON.parse(readFileSync('e2e/.generated/sandbox-bank.json', 'utf8')) as { clientSecret: string })
    .clientSecret;
}

/** A signed call to the bank's API, as the wallet's gateway makes it. */
async function bankApi(request: APIRequestContext, method: 'GET' | 'POST', path: string, body?: unknown) {
  const fullPath = `/sandbox-bank/api${path}`;
  const text = body === undefined ? '' : JSON.stringify(body);
  const headers = {
    'Content-Type': 'application/json',
    'Bank-Client-Signature': signPayload(requestSigningPayload(method, fullPath, text), clientSecret()),
  };
  const response =
    method === 'GET' ? await request.get(fullPath, { headers }) : await request.post(fullPath, { headers, data: text });
  return { status: response.status(), body: await response.json() };
}

/** A fault-control call signed as the bank's operator (or not signed at all). */
async function operatorApi(request: APIRequestContext, method: 'GET' | 'PUT', body?: unknown, signed = true) {
  const path = '/sandbox-bank/api/faults';
  const text = body === undefined ? '' : JSON.stringify(body);
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (signed)
    headers['Bank-Operator-Signature'] = signPayload(requestSigningPayload(method, path, text), bankOperatorSecret());
  const response =
    method === 'GET' ? await request.get(path, { headers }) : await request.put(path, { headers, data: text });
  return { status: response.status(), contentType: response.headers()['content-type'], body: await response.json() };
}

async function createDebit(request: APIRequestContext, baseURL: string, amount: number) {
  const reference = `e2e-${randomUUID()}`;
  const res = await bankApi(request, 'POST', '/debits', {
    reference,
    account_number: WANGWU,
    amount,
    currency: 'CNY',
    payee: '示例商店',
    description: 'E2E 测试订单',
    return_url: `${baseURL}/sandbox-bank?from=authorize`,
    notify_url: `${baseURL}/sandbox-bank/e2e-nowhere`,
  });
  expect(res.status).toBe(201);
  return { reference, ...(res.body as { bank_reference: string; authorize_url: string }) };
}

test('the home page lists the accounts under the sandbox bar, and an account shows its movements', async ({ page }) => {
  await page.goto('/sandbox-bank');
  await expect(page.getByTestId('sandbox-bar')).toHaveText('沙箱环境 · 非真实资金');
  await expect(page).toHaveTitle(/沙箱银行/);
  const wangwu = page.locator(`[data-testid=account-row][data-account-number="${WANGWU}"]`);
  await expect(wangwu).toContainText('王五');
  await expect(wangwu).toContainText('6222 0000 0000 0044');
  await expect(wangwu.getByTestId('account-balance')).toHaveText(/^¥[\d,]+\.\d{2}$/);
  await expect(page.locator(`[data-testid=account-row][data-account-number="${RESERVE}"]`)).toContainText(
    '钱包平台备付金',
  );

  await page.locator(`[data-testid=account-row][data-account-number="${ZHAOLIU}"]`).click();
  await expect(page).toHaveURL(`/sandbox-bank/accounts/${ZHAOLIU}`);
  await expect(page.getByRole('heading', { name: '赵六' })).toBeVisible();
  // The seed's opening deposit is the oldest row.
  const deposit = page.getByTestId('movement-row').last();
  await expect(deposit).toContainText('存入');
  await expect(deposit.getByTestId('movement-amount')).toHaveText('+¥10,000.00');
  await expect(deposit.getByTestId('movement-time')).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  await expect(deposit.getByTestId('movement-bank-reference')).toHaveText(/^SB\d{8}/);
});

test('the fault control is behind the operator sign-in; set and cleared there, the signed API sees it', async ({
  page,
  request,
}) => {
  // Signed out: the page sends the visitor to the operator's sign-in, and the API answers 401.
  await page.goto('/sandbox-bank/faults');
  await expect(page).toHaveURL('/sandbox-bank/operator?next=%2Fsandbox-bank%2Ffaults');
  await page.getByLabel('操作员口令').fill('not-the-operator-secret');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('operator-error')).toHaveText('口令不正确');
  const unsigned = await operatorApi(request, 'PUT', { scope: 'GLOBAL', fault: { mode: 'ERROR_500' } }, false);
  expect(unsigned.status).toBe(401);
  expect(unsigned.contentType).toContain('application/json');
  expect(unsigned.body.error.code).toBe('BAD_OPERATOR_SIGNATURE');
  expect((await operatorApi(request, 'GET')).body.faults).toEqual([]);

  await page.getByLabel('操作员口令').fill(bankOperatorSecret());
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL('/sandbox-bank/faults');
  await page.getByLabel('范围').selectOption(ZHAOLIU);
  await page.getByLabel('故障类型').selectOption('DECLINE');
  await page.getByLabel('生效次数').fill('2');
  await page.getByRole('button', { name: '设置故障' }).click();
  const row = page.locator(`[data-testid=fault-row][data-scope="${ZHAOLIU}"]`);
  await expect(row).toContainText('拒绝交易');
  await expect(row).toContainText('剩余 2 次');
  expect((await operatorApi(request, 'GET')).body.faults).toEqual([
    expect.objectContaining({ scope: ZHAOLIU, mode: 'DECLINE', times: 2 }),
  ]);

  await row.getByRole('button', { name: /清除/ }).click();
  await expect(page.getByTestId('no-faults')).toBeVisible();
  expect((await operatorApi(request, 'GET')).body.faults).toEqual([]);

  // Signed out again, the page is closed again.
  await page.getByRole('button', { name: '退出登录' }).click();
  // The sign-out action answers with a redirect once the cookie is gone; going on before it
  // would still send the cookie.
  await expect(page).toHaveURL('/sandbox-bank');
  await page.goto('/sandbox-bank/faults');
  await expect(page).toHaveURL(/\/sandbox-bank\/operator\?next=/);
});

test("a debit created through the API is authorised with the code texted to the holder's phone, never shown on the page", async ({
  page,
  request,
  baseURL,
}) => {
  const debit = await createDebit(request, baseURL!, 1234);
  expect(debit.authorize_url).toMatch(new RegExp(`/sandbox-bank/authorize/${debit.bank_reference}$`));
  await page.goto(new URL(debit.authorize_url).pathname);
  await expect(page.getByTestId('debit-amount')).toHaveText('¥12.34');
  await expect(page.getByTestId('debit-payee')).toHaveText('示例商店');
  await expect(page.getByTestId('debit-account')).toHaveText('6222 **** **** 0044');
  await expect(page.getByTestId('code-sent')).toHaveText(/^验证码已发送至预留手机 138\*\*\*\*1234（短信序号 \d{4}）$/);
  const serial = await textSerialOn(page, 'code-sent');
  const bodyText = (await page.locator('body').textContent()) ?? '';

  // The phone is not the page: whoever holds this link but is not the operator cannot read it.
  await page.goto(`/sandbox-bank/phone/${WANGWU}`);
  await expect(page).toHaveURL(/\/sandbox-bank\/operator\?next=/);
  await page.goto(new URL(debit.authorize_url).pathname);

  const code = await readCodeFromPhone(page, WANGWU.slice(-4), serial);
  expect(code).toMatch(/^\d{6}$/);
  expect(bodyText).not.toContain(code);

  // A wrong code first: refused, nothing moves.
  const otp = page.getByLabel('短信验证码');
  await otp.fill(code === '000000' ? '111111' : '000000');
  await page.getByRole('button', { name: '确认付款 ¥12.34' }).click();
  await expect(page.getByTestId('authorize-error')).toHaveText('验证码错误，还可尝试 4 次');

  await otp.fill(code);
  await page.getByRole('button', { name: '确认付款 ¥12.34' }).click();
  await expect(page).toHaveURL(
    new RegExp(`/sandbox-bank\\?from=authorize&reference=${debit.reference}&status=SUCCEEDED$`),
  );

  const status = await bankApi(request, 'GET', `/requests/${debit.reference}`);
  expect(status.body).toMatchObject({ status: 'SUCCEEDED', kind: 'DEBIT', amount: 1234 });

  await page.goto(`/sandbox-bank/accounts/${WANGWU}`);
  const out = page.locator(`[data-testid=movement-row][data-bank-reference="${debit.bank_reference}"]`);
  await expect(out.getByTestId('movement-amount')).toHaveText('-¥12.34');
  await expect(out).toContainText('钱包平台备付金');
  await page.goto(`/sandbox-bank/accounts/${RESERVE}`);
  await expect(
    page
      .locator(`[data-testid=movement-row][data-bank-reference="${debit.bank_reference}"]`)
      .getByTestId('movement-amount'),
  ).toHaveText('+¥12.34');

  // Opened again, the page says it is done and offers the way back.
  await page.goto(new URL(debit.authorize_url).pathname);
  await expect(page.getByTestId('debit-outcome')).toContainText('支付成功');
});

test('the simulated phone shows the texts the holder received, newest first', async ({ page, request, baseURL }) => {
  const debit = await createDebit(request, baseURL!, 321);
  await page.goto(new URL(debit.authorize_url).pathname);
  const serial = await textSerialOn(page, 'code-sent');
  await gotoAsBankOperator(page, `/sandbox-bank/phone/${WANGWU}`);
  await expect(page).toHaveTitle(/手机短信（模拟）/);
  await expect(page.getByTestId('phone-number')).toHaveText('王五 · 138****1234');
  const newest = page.getByTestId('sms-message').first();
  await expect(newest).toHaveAttribute('data-serial', serial);
  await expect(newest).toContainText(`【沙箱银行】验证码`);
  await expect(newest).toContainText(`付款 ¥3.21`);
});

test('cancelling on the bank page sends the customer back with FAILED', async ({ page, request, baseURL }) => {
  const debit = await createDebit(request, baseURL!, 500);
  await page.goto(new URL(debit.authorize_url).pathname);
  await page.getByRole('button', { name: '取消付款' }).click();
  await expect(page).toHaveURL(new RegExp(`reference=${debit.reference}&status=FAILED$`));
  expect((await bankApi(request, 'GET', `/requests/${debit.reference}`)).body).toMatchObject({
    status: 'FAILED',
    failure_reason: 'CANCELLED',
  });
});

test('the reserve statement shows opening and closing balance and offers the CSV', async ({ page, request }) => {
  await page.goto('/sandbox-bank/statements');
  await expect(page.getByRole('heading', { name: '备付金对账单' })).toBeVisible();
  await expect(page.getByTestId('statement-opening')).toHaveText(/^¥[\d,]+\.\d{2}$/);
  await expect(page.getByTestId('statement-closing')).toHaveText(/^¥[\d,]+\.\d{2}$/);
  const href = await page.getByTestId('statement-csv-link').getAttribute('href');
  const csv = await request.get(href!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect((await csv.text()).split('\r\n')[0]).toBe(
    'row_type,booked_at,bank_reference,reference,kind,amount,balance_after,counterparty',
  );
});

/** The operator's sign-in, in either language. */
async function signInAsOperator(page: import('@playwright/test').Page, locale: string) {
  await page.goto('/sandbox-bank/operator');
  await page.getByLabel(locale === 'en' ? 'Operator password' : '操作员口令').fill(bankOperatorSecret());
  await page.getByRole('button', { name: locale === 'en' ? 'Sign in' : '登录' }).click();
  await expect(page).toHaveURL('/sandbox-bank/faults');
}

for (const width of [375, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    test('every sandbox bank page is accessible in zh and en and fits the width', async ({
      page,
      request,
      baseURL,
    }) => {
      test.setTimeout(180_000); // 16 pages through axe
      const debit = await createDebit(request, baseURL!, 100);
      const paths = [
        '/sandbox-bank/operator',
        '/sandbox-bank',
        `/sandbox-bank/accounts/${WANGWU}`,
        '/sandbox-bank/faults',
        '/sandbox-bank/statements',
        '/sandbox-bank/phone',
        `/sandbox-bank/phone/${WANGWU}`,
        new URL(debit.authorize_url).pathname,
      ];
      for (const locale of ['zh-CN', 'en']) {
        if (locale === 'en') {
          await page.goto('/sandbox-bank');
          await page.getByTestId('bank-language-switch').selectOption('en');
          await expect(page.getByTestId('sandbox-bar')).toHaveText('Sandbox · not real money');
          // Signed out again, to see the sign-in page in English.
          await page.context().clearCookies({ name: 'sandbox_bank_operator' });
        }
        for (const path of paths) {
          // The operator's pages once the sign-in page itself was checked.
          if (path === '/sandbox-bank') await signInAsOperator(page, locale);
          await page.goto(path);
          await expect(page.locator('html')).toHaveAttribute('lang', locale);
          await expect(page.getByTestId('sandbox-bar')).toBeVisible();
          expect(await seriousAxeViolations(page), `${locale} ${path}`).toEqual([]);
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          expect(overflow, `${locale} ${path} scrolls sideways`).toBeLessThanOrEqual(0);
        }
      }
    });
  });
}

test("a wallet top-up's page at the bank reads in one language, with a short 流水号 to copy that the wallet shows too", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const page = await context.newPage();
  const zhang = demoAccount('CUSTOMER', 0);
  await signInThroughForm(page, zhang.email, zhang.password);
  await expect(page).toHaveURL(/\/$/);
  const noChinese = /^[^\u3400-\u9fff]*$/;

  for (const lang of ['zh-CN', 'en'] as const) {
    await page.goto('/top-up');
    if (lang === 'en') await page.getByTestId('language-switch').filter({ visible: true }).first().selectOption('en');
    await page.getByLabel(lang === 'en' ? 'Amount (CNY)' : '充值金额（元）').fill('1.23');
    await page
      .getByRole('button', { name: lang === 'en' ? 'Next: confirm at your bank' : '下一步：去银行确认' })
      .click();
    await expect(page).toHaveURL(/\/sandbox-bank\/authorize\/SB\d{8}[0-9A-Z]{12}$/);
    await expect(page.getByTestId('debit-payee')).toHaveText(lang === 'en' ? 'Wallet' : '钱包');
    await expect(page.getByTestId('debit-description')).toHaveText(
      lang === 'en' ? 'Wallet balance top-up' : '钱包余额充值',
    );
    // The details list speaks the page's language only: no "钱包余额充值 Wallet top-up", no raw id.
    const details = await page.locator('dl').first().innerText();
    if (lang === 'en') expect(details).toMatch(noChinese);
    else expect(details).not.toMatch(/Wallet|Top-up/);
    expect(details).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);

    // The reference is the bank's short 流水号, copied with one tap.
    const reference = page.getByTestId('debit-reference');
    const bankReference = new URL(page.url()).pathname.split('/').at(-1)!;
    await expect(reference).toHaveText(bankReference);
    await page.getByRole('button', { name: lang === 'en' ? 'Copy the reference' : '复制交易流水号' }).click();
    await expect(page.getByText(lang === 'en' ? 'Copied' : '已复制')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(bankReference);
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
      expect(await seriousAxeViolations(page), `bank page ${lang} ${width}`).toEqual([]);
      await page.screenshot({ path: `e2e/.generated/screens/bank-authorise-${lang}-${width}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 900 });

    // Cancelled at the bank: back in the wallet, the top-up shows the same 流水号.
    await page.getByRole('button', { name: lang === 'en' ? 'Cancel payment' : '取消付款' }).click();
    await expect(page).toHaveURL(/\/activity\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('detail-bankReference')).toContainText(bankReference);
  }
  await context.close();
});
