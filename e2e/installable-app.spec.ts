// Issue 17, "an installable, light app": the manifest (per language) and its icons, the
// favicon and touch icon, the service worker (app/sw.ts) registering, the offline page in both
// languages when the network is gone, and the promise that matters for a wallet: no signed-in
// page, data or answer is ever stored by the worker, so after signing out (or offline) nothing
// of the account can come back from it. Screenshots of home and the offline page at 375 and
// 1280 px, zh and en, go to e2e/.generated/screens.
import { mkdirSync } from 'node:fs';
import { expect, test, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './support/axe';
import { demoAccount, signInThroughForm } from './support/users';

const SCREENS = 'e2e/.generated/screens';

/** Width and height of a PNG, read from its IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function expectPng(request: APIRequestContext, url: string, size: number) {
  const res = await request.get(url);
  expect(res.status(), url).toBe(200);
  expect(res.headers()['content-type'], url).toBe('image/png');
  expect(pngSize(await res.body()), url).toEqual({ width: size, height: size });
}

/** Waits until the service worker controls the page (it claims open pages when it activates). */
async function waitForServiceWorker(page: Page): Promise<{ scriptURL: string; scope: string }> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
    return { scriptURL: registration.active!.scriptURL, scope: registration.scope };
  });
}

/** Every URL the service worker has stored, in every cache it made. */
async function cachedUrls(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) urls.push(new URL(request.url).pathname + new URL(request.url).search);
    }
    return urls;
  });
}

/** Only the build's static files, the app icons and the two offline pages: nothing of anyone's account. */
function expectOnlyStaticFiles(urls: string[]) {
  const stored = urls.filter(
    (u) =>
      !u.startsWith('/_next/static/') &&
      !/^\/icons\/[a-z0-9-]+\.png(\?|$)/.test(u) &&
      !/^\/offline\?lang=(zh-CN|en)(&|$)/.test(u),
  );
  expect(stored, 'stored by the service worker besides static files').toEqual([]);
}

async function screenshots(page: Page, name: string, locale: string) {
  mkdirSync(SCREENS, { recursive: true });
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      `${name} ${locale} ${width}`,
    ).toBeLessThanOrEqual(width);
    await page.screenshot({ path: `${SCREENS}/app-${name}-${locale}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function setLocale(context: BrowserContext, baseURL: string, locale: 'zh-CN' | 'en') {
  await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: baseURL }]);
}

test('the manifest is served in each language with icons that load; favicon and touch icon are linked', async ({
  page,
  request,
}) => {
  await page.goto('/sign-in');
  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(manifestHref).toBe('/app.webmanifest?lang=zh-CN');
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', '#0958d9');

  for (const [lang, name] of [
    ['zh-CN', '钱包'],
    ['en', 'Wallet'],
  ] as const) {
    const res = await request.get(`/app.webmanifest?lang=${lang}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('application/manifest+json');
    const manifest = (await res.json()) as Record<string, any>;
    expect(manifest).toMatchObject({ name, short_name: name, lang, start_url: '/', display: 'standalone' });
    // What Chromium needs to offer installing: a 192 and a 512 px icon, and a maskable one.
    for (const icon of manifest.icons as { src: string; sizes: string }[])
      await expectPng(request, icon.src, Number(icon.sizes.split('x')[0]));
    expect((manifest.icons as { purpose: string }[]).map((i) => i.purpose)).toContain('maskable');
  }
  // An unknown language gets the Chinese manifest, not an error.
  expect(((await (await request.get('/app.webmanifest?lang=xx')).json()) as { lang: string }).lang).toBe('zh-CN');

  const favicon = await request.get('/favicon.ico');
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()['content-type']).toContain('image/x-icon');
  const svgIcon = await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute('href');
  expect((await request.get(svgIcon!)).headers()['content-type']).toContain('image/svg+xml');
  const touchIcon = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
  await expectPng(request, touchIcon!, 180);

  // Chromium reads the manifest as an installable app's (no errors in its parse).
  const session = await page.context().newCDPSession(page);
  const { errors } = (await session.send('Page.getAppManifest')) as { errors: { message: string }[] };
  expect(errors).toEqual([]);
});

test('the service worker registers, and offline a page is the offline page in the person’s language', async ({
  page,
  context,
  baseURL,
}) => {
  const csp: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) csp.push(m.text());
  });
  await page.goto('/sign-in');
  const worker = await waitForServiceWorker(page);
  expect(worker.scriptURL).toBe(`${baseURL}/serwist/sw.js`);
  expect(worker.scope).toBe(`${baseURL}/`);

  await context.setOffline(true);
  const offline = await page.goto('/activity');
  expect(offline?.fromServiceWorker()).toBe(true);
  await expect(page.getByTestId('offline-page')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('网络连接不可用');
  await expect(page).toHaveTitle(/网络连接不可用/);
  await expectNoSeriousAxeViolations(page, 'offline zh');
  await screenshots(page, 'offline', 'zh-CN');

  // The retry button reloads the page asked for: still offline, still the offline page.
  await page.getByTestId('offline-retry').click();
  await expect(page.getByTestId('offline-page')).toBeVisible();
  expect(page.url()).toBe(`${baseURL}/activity`);

  await setLocale(context, baseURL!, 'en');
  await page.goto('/transfer');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("You're offline");
  await expect(page.getByTestId('offline-page')).toHaveAttribute('lang', 'en');
  await expectNoSeriousAxeViolations(page, 'offline en');
  await screenshots(page, 'offline', 'en');

  // Back online, pages come from the network again (the offline page may be reloading itself
  // meanwhile, which aborts a navigation: try again until one lands).
  await context.setOffline(false);
  await expect(async () => {
    await page.goto('/sign-in');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  expect(csp).toEqual([]);
});

test('a signed-in page is never stored by the service worker, nor shown from it after signing out', async ({
  page,
  context,
  baseURL,
}) => {
  const customer = demoAccount('CUSTOMER');
  await signInThroughForm(page, customer.email, customer.password);
  await expect(page).toHaveURL(/\/$/);
  await waitForServiceWorker(page);
  // Pages, their client-side navigations (RSC payloads) and a server action, all while controlled.
  // (The worker passes pages through to the network; Playwright still calls them fromServiceWorker.)
  await page.goto('/');
  await expect(page.getByTestId('available-balance')).toBeVisible();
  await expect(page.getByTestId('balance-chart').locator('svg')).toBeVisible();
  await page.getByRole('link', { name: '账单' }).first().click();
  await expect(page).toHaveURL(/\/activity$/);
  await page.goto('/me');
  await page.goto('/');
  expectOnlyStaticFiles(await cachedUrls(page));

  for (const locale of ['zh-CN', 'en'] as const) {
    await setLocale(context, baseURL!, locale);
    await page.goto('/');
    await expect(page.getByTestId('available-balance')).toBeVisible();
    await expectNoSeriousAxeViolations(page, `home ${locale}`);
    await screenshots(page, 'home', locale);
  }
  await setLocale(context, baseURL!, 'zh-CN');
  await page.goto('/');

  await page.getByTestId('sign-out').first().click();
  await expect(page).toHaveURL(/\/sign-in/);
  // Online: the home page is asked of the server, which sends a signed-out person to sign in.
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByText(customer.displayName)).toHaveCount(0);

  // Offline: the offline page, with nothing of the account on it.
  await context.setOffline(true);
  await page.goto('/');
  await expect(page.getByTestId('offline-page')).toBeVisible();
  await expect(page.getByTestId('available-balance')).toHaveCount(0);
  await expect(page.getByText(customer.displayName)).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText('¥');
  expectOnlyStaticFiles(await cachedUrls(page));
  // Back online, the offline page reloads by itself: the server sends a signed-out person to sign in.
  await expect(page.locator('html')).toHaveAttribute('data-reload-when-online', 'on');
  await context.setOffline(false);
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
});
