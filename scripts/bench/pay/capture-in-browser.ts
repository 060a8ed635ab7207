// In set-up, not timed: a real browser pays one order and makes one transfer by clicking, as a
// person would, and the requests it sends (a server action, or the checkout's payment route) are kept as the templates the load
// replays (captured-action.ts). So the bench sends what the page sends, whatever the page
// and Next make of it, and no action id is read from build files.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page, type Request } from '@playwright/test';
import { BENCH_PIN, SESSION_COOKIE } from './seed';
import { actionSucceeded, captureFromRequest, withPathParameter, type CapturedAction } from './captured-action';

const SYSTEM_CHROMIUM = '/usr/bin/chromium'; // as playwright.config.ts: Debian's where present

export type CapturedFlows = { pay: CapturedAction; transfer: CapturedAction };

export async function captureFlows(
  baseUrl: string,
  cookie: string,
  orderId: string,
  recipientEmail: string,
): Promise<CapturedFlows> {
  const browser = await chromium.launch({
    executablePath: existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic'],
  });
  try {
    const pay = await withPage(browser, baseUrl, cookie, async (page, actions) => {
      await page.goto(`${baseUrl}/pay/${orderId}`);
      await page.getByTestId('pin-input').fill(BENCH_PIN);
      await page.getByTestId('balance-pay-form').locator('button[type="submit"]').click();
      await page.waitForURL(/\/pay\/[^/]+\/result/, { timeout: 30_000 });
      return lastAction(actions, 'the checkout');
    });
    const transfer = await withPage(browser, baseUrl, cookie, async (page, actions) => {
      await page.goto(`${baseUrl}/transfer`);
      await page.getByLabel('对方邮箱').fill(recipientEmail);
      await page.getByRole('button', { name: '下一步' }).click();
      await page.getByLabel('转账金额（元）').fill('1.00');
      await page.getByRole('button', { name: '下一步' }).click();
      await page.getByTestId('transfer-confirm').getByTestId('pin-input').fill(BENCH_PIN);
      await page.getByTestId('transfer-confirm').locator('button[type="submit"]').click();
      await page.waitForURL(/\/activity\/[^/?]+/, { timeout: 30_000 });
      return lastAction(actions, 'the transfer page');
    });
    // The checkout posts to a path that names the order; the load pays other orders.
    return { pay: withPathParameter(pay, orderId, 'orderId'), transfer };
  } finally {
    await browser.close();
  }
}

type SeenAction = { request: Request; answer: { status: number; body: string } };

async function withPage<T>(
  browser: Browser,
  baseUrl: string,
  cookie: string,
  fn: (page: Page, actions: SeenAction[]) => Promise<T>,
): Promise<T> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const [name, ...value] = cookie.split('=');
  if (name !== SESSION_COOKIE) throw new Error(`[bench] unexpected cookie ${name}`);
  await context.addCookies([{ name, value: value.join('='), url: baseUrl }]);
  const page = await context.newPage();
  const actions: SeenAction[] = [];
  // The page's POSTs (server actions, and the checkout's payment route) pass through here on
  // their way out, so their answers are read before the page navigates away (the browser
  // drops a body it navigated away from).
  await page.route('**/*', async (route) => {
    const request = route.request();
    if (request.method() !== 'POST') return route.continue();
    const response = await route.fetch();
    const body = await response.text();
    actions.push({ request, answer: { status: response.status(), body } });
    await route.fulfill({ response, body });
  });
  try {
    return await fn(page, actions);
  } finally {
    await context.close();
  }
}

/** The action that carried the payment PIN (the transfer page sends a recipient look-up first). */
async function lastAction(actions: SeenAction[], where: string): Promise<CapturedAction> {
  const withPin = () => actions.filter((a) => /name="(_?\d+_)?pin"/.test(a.request.postData() ?? '')).at(-1);
  for (let i = 0; i < 50 && !withPin(); i++) await new Promise((r) => setTimeout(r, 100));
  const last = withPin();
  if (!last) {
    const seen = actions.map((a) => `${a.request.url()} ${JSON.stringify(a.request.postData())?.slice(0, 300)}`);
    throw new Error(`[bench] ${where} sent no request with the PIN (saw: ${seen.join(' | ') || 'none'})`);
  }
  const answer = last.answer;
  if (!actionSucceeded(answer.status, answer.body)) {
    throw new Error(`[bench] ${where}'s request did not answer ok: ${answer.status} ${answer.body.slice(0, 300)}`);
  }
  const headers = await last.request.allHeaders();
  return captureFromRequest(last.request.url(), headers, last.request.postData() ?? '', headers['content-type'] ?? '');
}
