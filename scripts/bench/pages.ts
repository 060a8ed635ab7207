// `npm run bench:pages`: the JavaScript each page of a production build makes a browser load
// on its first visit (issue 17's budget: no customer page above 180 KB gzipped).
//
// How: the e2e server (scripts/e2e-server.ts: a fresh seeded database, `next build` unless
// --skip-build, `next start`), then Chromium through Playwright, signed in as the demo customer,
// merchant and admin in turn. Each route opens in a fresh browser context (an empty cache, as a
// first visit) with service workers blocked (the worker is not the page's JavaScript, and its
// caches would hide downloads); the bench waits for the network to go idle and counts every
// script the page fetched — its <script> tags, the chunks they load and lazy chunks loaded on
// the way — gzipped at level 6 (scripts/bench/pages/first-load-js.ts). It measures what the
// browser actually loaded, not the build manifest's guess: the manifest lists a route's chunks
// but not what the page's own code fetches after load. The flight data inlined in the HTML is
// the document's bytes, not JavaScript files, and is not counted.
//
// Options: --skip-build (reuse .next), --port N (3540, or the next free one). The last line is
// `RESULT {json}`.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { currentTotp } from '../../e2e/support/authenticator-app';
import { freePort } from '../lib/free-port';
import { firstLoadGzipBytes, formatTable, toKb, type LoadedScript, type RouteRow } from './pages/first-load-js';

const BUDGET_KB = 180;
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

const args = process.argv.slice(2);
const skipBuild = args.includes('--skip-build');
const portArg = args.indexOf('--port');
// Never a port another server listens on: the bench would measure (and sign in to) that one.
const port = await freePort(portArg >= 0 ? Number(args[portArg + 1]) : 3540);
const baseUrl = `http://localhost:${port}`;

type Area = 'public' | 'customer' | 'checkout' | 'merchant' | 'admin';
type Account = { email: string; password: string; role: string; totpSecret?: string };

const log = (message: string) => console.error(`[bench:pages] ${message}`);

async function waitUntilUp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the e2e server exited (${server.exitCode}) before answering`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(3000) })).status === 200) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

async function signIn(page: Page, account: Account): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('邮箱').fill(account.email);
  await page.getByLabel('密码').fill(account.password);
  await page.getByRole('button', { name: '登录' }).click();
  if (account.totpSecret) {
    await page.getByLabel('身份验证器动态码或恢复码').fill(currentTotp(account.totpSecret));
    await page.getByRole('button', { name: '登录' }).click();
  }
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'), { timeout: 30_000 });
}

/** A signed-in (or signed-out) browser state to open each route from. */
async function sessionState(browser: Browser, account: Account | null) {
  const context = await browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block' });
  const page = await context.newPage();
  if (account) await signIn(page, account);
  const state = await context.storageState();
  await context.close();
  return state;
}

/** The scripts one first visit to `path` loads, measured in a fresh context. */
async function measure(
  browser: Browser,
  state: Awaited<ReturnType<BrowserContext['storageState']>>,
  path: string,
): Promise<{ bytes: number; files: number; finalPath: string }> {
  const context = await browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block', storageState: state });
  const page = await context.newPage();
  const pending: Promise<LoadedScript | null>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script' || !response.ok()) return;
    pending.push(
      response.body().then(
        (body) => ({ url: response.url(), body }),
        () => null,
      ),
    );
  });
  const answer = await page.goto(`${baseUrl}${path}`, { waitUntil: 'load' });
  if (!answer || answer.status() >= 400) throw new Error(`${path} answered ${answer?.status()}`);
  await page.waitForLoadState('networkidle');
  const scripts = (await Promise.all(pending)).filter((s): s is LoadedScript => s !== null);
  const finalPath = new URL(page.url()).pathname;
  await context.close();
  return { bytes: firstLoadGzipBytes(scripts), files: new Set(scripts.map((s) => s.url)).size, finalPath };
}

/** An order of the demo store, for the checkout page (the merchant API, as the store's server calls it). */
async function createOrder(): Promise<string> {
  const { apiKey } = JSON.parse(readFileSync('e2e/.generated/demo-store.json', 'utf8')) as { apiKey: string };
  const res = await fetch(`${baseUrl}/api/v1/orders`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${apiKey}`, 'Idempotency-Key': randomUUID(), 'Content-Type': 'application/json' },
    body: JSON.stringify({
      merchant_order_no: `BENCH-${randomUUID().slice(0, 8)}`,
      amount: 1234,
      currency: 'CNY',
      subject: 'bench:pages',
      expires_in: 1800,
    }),
  });
  if (res.status !== 201) throw new Error(`create order answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

/** The first link on `path` to a page under `prefix` with an id (an activity row, a user …). */
async function firstDetailLink(
  browser: Browser,
  state: Awaited<ReturnType<BrowserContext['storageState']>>,
  path: string,
  pattern: RegExp,
): Promise<string | null> {
  const context = await browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block', storageState: state });
  const page = await context.newPage();
  await page.goto(`${baseUrl}${path}`);
  const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  await context.close();
  return hrefs.find((h) => pattern.test(h)) ?? null;
}

const server = spawn(
  process.execPath,
  ['--import', 'tsx', '--conditions=react-server', 'scripts/e2e-server.ts', String(port)],
  {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ...(skipBuild ? { E2E_SKIP_BUILD: '1' } : {}) },
  },
);
const stopServer = () =>
  new Promise<void>((resolve) => {
    if (server.exitCode !== null) return resolve();
    server.once('exit', () => resolve());
    server.kill('SIGTERM');
  });

let failed = false;
try {
  if (skipBuild && !existsSync('.next/BUILD_ID')) throw new Error('--skip-build: there is no build in .next');
  log(skipBuild ? 'starting the server on the existing build …' : 'building and starting the server …');
  await waitUntilUp(`${baseUrl}/sign-in`, 900_000);
  const accounts = JSON.parse(readFileSync('e2e/.generated/demo-accounts.json', 'utf8')) as Account[];
  const byRole = (role: string) => accounts.find((a) => a.role === role)!;

  const browser = await chromium.launch({
    executablePath: existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const states = {
      public: await sessionState(browser, null),
      customer: await sessionState(browser, byRole('CUSTOMER')),
      merchant: await sessionState(browser, byRole('MERCHANT')),
      admin: await sessionState(browser, byRole('ADMIN')),
    };
    const activityDetail = await firstDetailLink(browser, states.customer, '/activity', /^\/activity\/[0-9a-f-]{36}$/);
    const userDetail = await firstDetailLink(browser, states.admin, '/admin/users', /^\/admin\/users\/[0-9a-f-]{36}$/);
    const routes: { path: string; label?: string; area: Area; as: keyof typeof states }[] = [
      { path: '/sign-in', area: 'public', as: 'public' },
      { path: '/sign-up', area: 'public', as: 'public' },
      { path: '/forgot-password', area: 'public', as: 'public' },
      { path: '/offline?lang=zh-CN', area: 'public', as: 'public' },
      { path: '/docs/api', area: 'public', as: 'public' },
      { path: '/proof', area: 'public', as: 'public' },
      { path: '/verify', area: 'public', as: 'public' },
      { path: '/', area: 'customer', as: 'customer' },
      { path: '/activity', area: 'customer', as: 'customer' },
      ...(activityDetail
        ? [{ path: activityDetail, label: '/activity/[id]', area: 'customer' as const, as: 'customer' as const }]
        : []),
      { path: '/notifications', area: 'customer', as: 'customer' },
      { path: '/top-up', area: 'customer', as: 'customer' },
      { path: '/transfer', area: 'customer', as: 'customer' },
      { path: '/withdraw', area: 'customer', as: 'customer' },
      { path: '/bank-accounts', area: 'customer', as: 'customer' },
      { path: '/me', area: 'customer', as: 'customer' },
      { path: '/me/security', area: 'customer', as: 'customer' },
      { path: '/me/payment-pin', area: 'customer', as: 'customer' },
      { path: '/me/balance-proof', area: 'customer', as: 'customer' },
      { path: '/receive', area: 'customer', as: 'customer' },
      { path: '/receive/requests', area: 'customer', as: 'customer' },
      { path: '/scan', area: 'customer', as: 'customer' },
      { path: '/merchant/apply', area: 'customer', as: 'customer' },
      { path: `/pay/${await createOrder()}`, label: '/pay/[orderId]', area: 'checkout', as: 'customer' },
      { path: '/merchant', area: 'merchant', as: 'merchant' },
      { path: '/merchant/orders', area: 'merchant', as: 'merchant' },
      { path: '/merchant/bills', area: 'merchant', as: 'merchant' },
      { path: '/merchant/payouts', area: 'merchant', as: 'merchant' },
      { path: '/merchant/developers', area: 'merchant', as: 'merchant' },
      { path: '/admin', area: 'admin', as: 'admin' },
      { path: '/admin/revenue', area: 'admin', as: 'admin' },
      { path: '/admin/users', area: 'admin', as: 'admin' },
      ...(userDetail
        ? [{ path: userDetail, label: '/admin/users/[id]', area: 'admin' as const, as: 'admin' as const }]
        : []),
      { path: '/admin/merchants', area: 'admin', as: 'admin' },
      { path: '/admin/entries', area: 'admin', as: 'admin' },
      { path: '/admin/trial-balance', area: 'admin', as: 'admin' },
      { path: '/admin/reconciliation', area: 'admin', as: 'admin' },
      { path: '/admin/webhooks', area: 'admin', as: 'admin' },
      { path: '/admin/audit', area: 'admin', as: 'admin' },
    ];
    const rows: RouteRow[] = [];
    for (const route of routes) {
      const { bytes, files, finalPath } = await measure(browser, states[route.as], route.path);
      const wanted = route.path.split('?')[0];
      if (finalPath !== wanted) throw new Error(`${route.path} ended on ${finalPath}: not the page meant`);
      rows.push({
        route: route.label ?? route.path,
        area: route.area,
        kbGz: toKb(bytes),
        scripts: files,
        budgetKb: BUDGET_KB,
      });
      log(`${route.label ?? route.path}: ${toKb(bytes)} KB gz in ${files} files`);
    }
    console.log(formatTable(rows));
    const customerSide = rows.filter((r) => r.area === 'customer' || r.area === 'checkout' || r.area === 'public');
    const kb = (route: string) => rows.find((r) => r.route === route)?.kbGz ?? null;
    const result = {
      budget_kb_gz: BUDGET_KB,
      max_customer_first_load_kb_gz: Math.max(...customerSide.map((r) => r.kbGz)),
      max_first_load_kb_gz: Math.max(...rows.map((r) => r.kbGz)),
      home_first_load_kb_gz: kb('/'),
      checkout_first_load_kb_gz: kb('/pay/[orderId]'),
      over_budget: rows.filter((r) => r.kbGz > BUDGET_KB).map((r) => r.route),
      measured_by: 'playwright network log, fresh context per route, gzip level 6 of every script fetched',
      routes: Object.fromEntries(rows.map((r) => [r.route, { area: r.area, kb_gz: r.kbGz, files: r.scripts }])),
    };
    console.log(`RESULT ${JSON.stringify(result)}`);
  } finally {
    await browser.close();
  }
} catch (err) {
  failed = true;
  console.error(err);
} finally {
  await stopServer();
}
process.exit(failed ? 1 : 0);
