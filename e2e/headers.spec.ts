// The door's headers and odd requests (docs/security.md, "Headers and odd requests"): every kind of answer — a page
// signed out and in, API answers, a 404, the proxy's 403 and 413, redirects, a 405, the
// sandbox bank's and the demo store's pages — carries a CSP with a fresh nonce (the one on
// the page's scripts), Permissions-Policy, COOP, the old X-Frame-Options & co, and HSTS only
// over https. Methods a path does not serve, TRACE included, are 405 JSON with Allow; a body
// over 1 MB is 413 with or without Content-Length (a chunked one to a server action was 500).
// Pages people use, clicked through in Chromium, raise no CSP violation.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type APIResponse, type Page, type Request } from '@playwright/test';
import { confirmTopUpAtBank } from './support/top-up-flow';
import { linkBankAccountThroughForm } from './support/bank-accounts';
import { demoAccount, signInThroughForm, signUpThroughForm } from './support/users';

const NONCE = /script-src 'self' 'nonce-([A-Za-z0-9+/]{22}==)' 'strict-dynamic'(;|$)/;
const MB_AND_A_HALF = 1.5 * 1024 * 1024;

type Answer = { status: number; headers: Record<string, string>; headerNames: string[]; body: string };

function fromApiResponse(response: APIResponse, body: string): Answer {
  return {
    status: response.status(),
    headers: response.headers(),
    headerNames: response.headersArray().map((h) => h.name.toLowerCase()),
    body,
  };
}

/** The nonce of an answer's CSP, after checking every security header once. */
function expectSecurityHeaders(answer: Answer, label: string, https: boolean): string {
  const { headers } = answer;
  for (const name of [
    'content-security-policy',
    'permissions-policy',
    'cross-origin-opener-policy',
    'x-frame-options',
  ]) {
    expect(
      answer.headerNames.filter((n) => n === name),
      `${label}: one ${name} header`,
    ).toHaveLength(1);
  }
  const csp = headers['content-security-policy'] ?? '';
  const nonce = NONCE.exec(csp)?.[1];
  expect(nonce, `${label}: CSP ${csp}`).toBeDefined();
  for (const directive of [
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "default-src 'self'",
  ]) {
    expect(csp, label).toContain(directive);
  }
  expect(csp, `${label}: no eval outside development`).not.toContain('unsafe-eval');
  expect(headers['permissions-policy'], label).toContain('camera=(self)');
  for (const denied of ['geolocation=()', 'microphone=()', 'payment=()'])
    expect(headers['permissions-policy'], label).toContain(denied);
  expect(headers['cross-origin-opener-policy'], label).toBe('same-origin');
  expect(headers['x-frame-options'], label).toBe('DENY');
  expect(headers['x-content-type-options'], label).toBe('nosniff');
  expect(headers['referrer-policy'], label).toBe('strict-origin-when-cross-origin');
  if (https) {
    expect(headers['strict-transport-security'], label).toBe('max-age=63072000; includeSubDomains');
    expect(csp, label).toContain('upgrade-insecure-requests');
  } else {
    expect(headers['strict-transport-security'], `${label}: no HSTS over plain http`).toBeUndefined();
    expect(csp, label).not.toContain('upgrade-insecure-requests');
  }
  return nonce!;
}

/** A request over a plain Node socket: bodies sent in chunks without Content-Length, and TRACE. */
function rawRequest(
  url: string,
  method: string,
  headers: Record<string, string>,
  chunks: Buffer[] = [],
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers }, (response) => {
      const parts: Buffer[] = [];
      response.on('data', (part: Buffer) => parts.push(part));
      response.on('end', () => {
        const flat: Record<string, string> = {};
        for (const [name, value] of Object.entries(response.headers))
          flat[name] = Array.isArray(value) ? value.join(', ') : (value ?? '');
        const headerNames: string[] = [];
        for (let i = 0; i < response.rawHeaders.length; i += 2) headerNames.push(response.rawHeaders[i]!.toLowerCase());
        resolve({
          status: response.statusCode ?? 0,
          headers: flat,
          headerNames,
          body: Buffer.concat(parts).toString('utf8'),
        });
      });
    });
    request.on('error', reject);
    for (const chunk of chunks) request.write(chunk);
    request.end();
  });
}

function apiKey(): string {
  return (JSON.parse(readFileSync('e2e/.generated/demo-store.json', 'utf8')) as { apiKey: string }).apiKey;
}

/** Collects CSP violations (events in the page, and Chromium's console reports) from now on. */
function watchCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Permissions-Policy/i.test(message.text()))
      violations.push(`console: ${message.text()}`);
  });
  void page.exposeFunction('__reportCspViolation', (text: string) => violations.push(text));
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation(
        `${location.pathname}: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sample})`,
      );
    });
  });
  return violations;
}

/** Every script element of the page carries the nonce of the CSP its page was answered with. */
async function expectScriptsCarryNonce(page: Page, nonce: string, label: string) {
  const scripts = await page.evaluate(() =>
    [...document.querySelectorAll('script')].map((s) => ({ src: s.src, nonce: s.nonce })),
  );
  expect(scripts.length, label).toBeGreaterThan(0);
  for (const script of scripts) expect(script.nonce, `${label}: ${script.src || 'inline script'}`).toBe(nonce);
}

test('every kind of answer carries the security headers, HSTS only over https', async ({ playwright, baseURL }) => {
  const origin = 'https://evil.example';
  const kinds: [string, (r: APIRequestContext) => Promise<APIResponse>, number][] = [
    ['a page, signed out', (r) => r.get('/sign-in'), 200],
    ['a redirect (signed out, from the home page)', (r) => r.get('/', { maxRedirects: 0 }), 307],
    ['a redirect (trailing slash)', (r) => r.get('/sign-in/', { maxRedirects: 0 }), 308],
    ['a 404 page', (r) => r.get('/no-such-page'), 404],
    ['an API answer (401)', (r) => r.get('/api/v1/balance'), 401],
    ['an API answer (200, public)', (r) => r.get('/api/v1/openapi.json'), 200],
    [
      'an API answer with a key',
      (r) => r.get('/api/v1/balance', { headers: { Authorization: `Bearer ${apiKey()}` } }),
      200,
    ],
    ['an API 404', (r) => r.get('/api/v1/no-such-endpoint'), 404],
    [
      'the proxy 403',
      (r) =>
        r.post('/transfer', { headers: { origin, 'sec-fetch-site': 'cross-site' }, form: { a: '1' }, maxRedirects: 0 }),
      403,
    ],
    ['the proxy 413', (r) => r.post('/transfer', { data: Buffer.alloc(MB_AND_A_HALF, 'a'), maxRedirects: 0 }), 413],
    ['a 405', (r) => r.put('/api/v1/orders', { data: {} }), 405],
    ['the sandbox bank', (r) => r.get('/sandbox-bank'), 200],
    ["the sandbox bank API's own 405", (r) => r.get('/sandbox-bank/api/debits'), 405],
    ['the demo store', (r) => r.get('/demo-store'), 200],
    ['a route handler, signed out', (r) => r.get('/activity/export'), 401],
  ];
  for (const https of [false, true]) {
    // X-Forwarded-Proto as a TLS-terminating proxy in front of the app sends it.
    const context = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: https ? { 'x-forwarded-proto': 'https' } : {},
    });
    for (const [kind, send, status] of kinds) {
      const label = `${kind}${https ? ' (https)' : ''}`;
      const response = await send(context);
      const answer = fromApiResponse(response, await response.text());
      expect(answer.status, `${label}: ${answer.body.slice(0, 200)}`).toBe(status);
      expectSecurityHeaders(answer, label, https);
    }
    await context.dispose();
  }
});

async function pageAnswer(response: Awaited<ReturnType<Page['goto']>>): Promise<Answer & { html: string }> {
  expect(response).not.toBeNull();
  const headers = await response!.allHeaders();
  const headerNames = (await response!.headersArray()).map((h) => h.name.toLowerCase());
  const html = await response!.text();
  return { status: response!.status(), headers, headerNames, body: html, html };
}

/** Every <script> the server wrote into the page carries this answer's nonce. */
function expectHtmlScriptsCarryNonce(html: string, nonce: string, label: string) {
  const tags = html.match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length, label).toBeGreaterThan(0);
  for (const tag of tags) expect(tag, label).toContain(`nonce="${nonce}"`);
}

test('a page’s nonce is new for every request and is the one on its scripts, signed out and in; scripts run', async ({
  page,
}) => {
  const violations = watchCspViolations(page);
  const first = await pageAnswer(await page.goto('/sign-in'));
  const firstNonce = expectSecurityHeaders(first, 'sign-in', false);
  expectHtmlScriptsCarryNonce(first.html, firstNonce, 'sign-in');
  await expectScriptsCarryNonce(page, firstNonce, 'sign-in');

  const second = await pageAnswer(await page.reload());
  const secondNonce = expectSecurityHeaders(second, 'sign-in again', false);
  expect(secondNonce).not.toBe(firstNonce);
  expectHtmlScriptsCarryNonce(second.html, secondNonce, 'sign-in again');

  // The scripts run: the language switch (a client component and a server action) works.
  await page.getByTestId('language-switch').selectOption('en');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await page.getByTestId('language-switch').selectOption('zh-CN');
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();

  const customer = demoAccount('CUSTOMER');
  await signInThroughForm(page, customer.email, customer.password);
  await expect(page).toHaveURL(/\/$/);
  const home = await pageAnswer(await page.reload());
  const homeNonce = expectSecurityHeaders(home, 'home, signed in', false);
  expect([firstNonce, secondNonce]).not.toContain(homeNonce);
  expectHtmlScriptsCarryNonce(home.html, homeNonce, 'home, signed in');
  await expectScriptsCarryNonce(page, homeNonce, 'home, signed in');
  await expect(page.getByTestId('balance-chart')).toBeVisible();
  // A client-side navigation (scripts loaded through 'strict-dynamic') still works.
  await page.getByRole('link', { name: '转账' }).first().click();
  await expect(page).toHaveURL(/\/transfer$/);
  expect(violations).toEqual([]);
});

test('the pages people use raise no CSP violation: bank authorisation, charts, demo store checkout, docs, admin', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const violations = watchCspViolations(page);
  await signUpThroughForm(page);
  await linkBankAccountThroughForm(page);
  // The bank's authorisation page (its code input adds a <style> with the nonce) and back.
  await page.goto('/top-up');
  await page.getByLabel('充值金额（元）').fill('200.00');
  await confirmTopUpAtBank(page);
  await expect(page).toHaveURL(/\/activity\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('operation-status')).toHaveAttribute('data-status', 'SUCCEEDED');

  // The home chart (inline SVG), the activity list, the docs.
  await page.goto('/');
  await expect(page.getByTestId('balance-chart').locator('svg').first()).toBeVisible();
  await page.goto('/activity');
  await page.goto('/docs/api');
  await expect(page.locator('h1')).toBeVisible();

  // The demo store's checkout (a server action redirecting to the wallet) and the wallet's
  // checkout page, paid from the balance.
  await page.goto('/demo-store');
  await page.getByTestId('add-to-cart').first().click();
  await page.goto('/demo-store/cart');
  await page.getByTestId('checkout').click();
  await expect(page).toHaveURL(/\/pay\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('order-amount').or(page.locator('main')).first()).toBeVisible();
  await page.goto('/sandbox-bank');
  await page.goto('/sandbox-bank/statements');
  expect(violations, 'customer pages').toEqual([]);

  // The admin's revenue chart and console pages.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  const adminViolations = watchCspViolations(admin);
  const who = demoAccount('ADMIN');
  await signInThroughForm(admin, who.email, who.password, who.totpSecret);
  await expect(admin).toHaveURL(/\/admin$/);
  for (const path of ['/admin', '/admin/revenue', '/admin/users', '/admin/entries', '/admin/reconciliation']) {
    const response = await admin.goto(path);
    expect(response?.status(), path).toBe(200);
  }
  await admin.goto('/admin/revenue');
  await expect(admin.getByTestId('revenue-chart').locator('svg')).toBeVisible();
  expect(adminViolations, 'admin pages').toEqual([]);
  await adminContext.close();
});

test('a method a path does not serve is 405 JSON with Allow; TRACE too; OPTIONS and HEAD are answered', async ({
  request,
  baseURL,
}) => {
  const cases: [string, string, string][] = [
    ['PUT', '/api/v1/orders', 'GET, HEAD, POST, OPTIONS'],
    ['PATCH', '/api/v1/orders/ord_x', 'GET, HEAD, OPTIONS'],
    ['DELETE', '/api/v1/orders/ord_x/refunds', 'POST, OPTIONS'],
    ['PUT', '/api/bank/notices', 'POST, OPTIONS'],
    ['DELETE', '/api/auth/session', 'GET, HEAD, POST, OPTIONS'],
    ['PUT', '/transfer', 'GET, HEAD, POST, OPTIONS'],
    ['DELETE', '/', 'GET, HEAD, POST, OPTIONS'],
    ['PATCH', '/no-such-page', 'GET, HEAD, POST, OPTIONS'],
    ['PUT', '/merchant/bills/2026-12-01', 'GET, HEAD, OPTIONS'],
  ];
  for (const [method, path, allow] of cases) {
    const response = await request.fetch(path, {
      method,
      data: method === 'DELETE' ? undefined : '{}',
      maxRedirects: 0,
    });
    const label = `${method} ${path}`;
    expect(response.status(), label).toBe(405);
    expect(response.headers()['allow'], label).toBe(allow);
    expect(response.headers()['content-type'], label).toContain('application/json');
    expect(await response.json(), label).toEqual({
      error: { code: 'METHOD_NOT_ALLOWED', message: `${method} is not allowed here; use ${allow}` },
    });
    expectSecurityHeaders(fromApiResponse(response, ''), label, false);
  }

  // TRACE cannot be a fetch Request at all; Node's server answers it before Next (was 500).
  for (const path of [
    '/',
    '/sign-in',
    '/api/v1/orders',
    '/sandbox-bank/api/debits',
    '/no-such-page',
    '/api/v1/orders/x/y',
  ]) {
    const answer = await rawRequest(`${baseURL}${path}`, 'TRACE', { 'x-forwarded-proto': 'https' });
    expect(answer.status, `TRACE ${path}`).toBe(405);
    expect(JSON.parse(answer.body).error.code, `TRACE ${path}`).toBe('METHOD_NOT_ALLOWED');
    expect(answer.headers['allow'], `TRACE ${path}`).toMatch(/^GET|^POST/);
    expectSecurityHeaders(answer, `TRACE ${path}`, true);
  }
  // TRACK is not even parsed by Node (400 from its HTTP parser, before any code of ours).
  const track = await rawRequest(`${baseURL}/`, 'TRACK', {});
  expect(track.status).toBe(400);

  const options = await request.fetch('/transfer', { method: 'OPTIONS' });
  expect(options.status()).toBe(204);
  expect(options.headers()['allow']).toBe('GET, HEAD, POST, OPTIONS');
  const apiOptions = await request.fetch('/api/v1/orders', { method: 'OPTIONS' });
  expect(apiOptions.status()).toBe(204);
  expect(apiOptions.headers()['allow']).toContain('POST');
  expect((await request.head('/sign-in')).status()).toBe(200);
  expect((await request.head('/api/v1/openapi.json')).status()).toBe(200);
});

/** A server action request as the browser sent it (the language switch on the sign-in page). */
async function captureServerAction(page: Page): Promise<Request> {
  await page.goto('/sign-in');
  const sent = page.waitForRequest((r) => r.method() === 'POST' && r.headers()['next-action'] !== undefined);
  await page.getByTestId('language-switch').selectOption('en');
  const action = await sent;
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  return action;
}

function chunksOf(text: string, size: number): Buffer[] {
  const bytes = Buffer.from(text);
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return chunks;
}

test('a body over 1 MB is 413, chunked or with Content-Length; a chunked body under it still reaches the action and the API', async ({
  page,
  baseURL,
}) => {
  const action = await captureServerAction(page);
  const headers = Object.fromEntries(Object.entries(action.headers()).filter(([name]) => name !== 'content-length'));
  headers['origin'] = new URL(baseURL!).origin;
  expect(action.postData()).toBe('["en"]');

  // The control: the same action, its body sent in chunks without Content-Length, runs.
  const small = await rawRequest(action.url(), 'POST', headers, chunksOf('["en"]', 2));
  expect(small.status, small.body.slice(0, 300)).toBe(200);
  expect(small.headers['set-cookie']).toContain('NEXT_LOCALE=en');

  // 1.5 MB in 64 KB chunks, no Content-Length: Next alone answered 500.
  const hugeJson = `["${'a'.repeat(MB_AND_A_HALF)}"]`;
  const chunked = await rawRequest(action.url(), 'POST', headers, chunksOf(hugeJson, 64 * 1024));
  expect(chunked.status, chunked.body.slice(0, 300)).toBe(413);
  expect(JSON.parse(chunked.body).error.code).toBe('BODY_TOO_LARGE');
  expect(chunked.headers['set-cookie']).toBeUndefined();
  expectSecurityHeaders(chunked, 'chunked 413', false);

  // The same 1.5 MB with Content-Length.
  const declared = await page.request.fetch(action.url(), { method: 'POST', headers, data: hugeJson, maxRedirects: 0 });
  expect(declared.status()).toBe(413);
  expect((await declared.json()).error.code).toBe('BODY_TOO_LARGE');

  // The merchant API reads its own bodies up to 64 KB, chunked too; under that it works.
  const apiHeaders = {
    authorization: `Bearer ${apiKey()}`,
    'content-type': 'application/json',
  };
  const order = (extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      merchant_order_no: `HDR-${randomUUID().slice(0, 8)}`,
      amount: 100,
      currency: 'CNY',
      subject: '分块上传',
      ...extra,
    });
  const created = await rawRequest(
    `${baseURL}/api/v1/orders`,
    'POST',
    { ...apiHeaders, 'idempotency-key': randomUUID() },
    chunksOf(order(), 16),
  );
  expect(created.status, created.body).toBe(201);
  expect(JSON.parse(created.body).status).toBe('PENDING');
  const overApiLimit = await rawRequest(
    `${baseURL}/api/v1/orders`,
    'POST',
    { ...apiHeaders, 'idempotency-key': randomUUID() },
    chunksOf(order({ padding: 'x'.repeat(100 * 1024) }), 16 * 1024),
  );
  expect(overApiLimit.status, overApiLimit.body).toBe(413);
  expect(JSON.parse(overApiLimit.body).error.code).toBe('BODY_TOO_LARGE');
  const overProxyLimit = await rawRequest(
    `${baseURL}/api/v1/orders`,
    'POST',
    { ...apiHeaders, 'idempotency-key': randomUUID() },
    chunksOf(order({ padding: 'x'.repeat(MB_AND_A_HALF) }), 64 * 1024),
  );
  expect(overProxyLimit.status, overProxyLimit.body).toBe(413);
});
