// The door, tried as a stranger would: guessing a password neither locks the owner out nor
// tells which emails exist; a guesser is slowed to 429; no redirect leaves the site.
// Each "client" is a browser context with its own X-Forwarded-For, as behind the reverse
// proxy a deployment has (server/http/client-ip.ts).
import { randomInt } from 'node:crypto';
import { expect, test, type Browser, type APIRequestContext } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './support/axe';
import { codeFromLatestMail, mailCount } from './support/mailbox';
import { demoAccount, newUserDetails, signUpThroughForm } from './support/users';

const newIp = () => `198.51.${randomInt(256)}.${randomInt(1, 255)}`;

async function clientAt(browser: Browser, ip = newIp()) {
  const context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    extraHTTPHeaders: { 'x-forwarded-for': ip },
  });
  return { context, page: await context.newPage() };
}

/** One sign-in POST the way next-auth's client sends it (CSRF token from /api/auth/csrf). */
async function postSignIn(request: APIRequestContext, email: string, password: string) {
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  return request.post('/api/auth/callback/credentials', {
    form: { email, password, csrfToken, callbackUrl: '/', json: 'true' },
    maxRedirects: 0,
  });
}

test('11 wrong passwords from a stranger do not stop the owner: the owner signs in with the emailed code', async ({
  browser,
}) => {
  test.slow(); // eleven password hashes and a mail round trip
  const owner = await clientAt(browser);
  const user = await signUpThroughForm(owner.page);
  await owner.page.getByTestId('sign-out').first().click();
  await expect(owner.page).toHaveURL(/\/sign-in/);

  const stranger = await clientAt(browser);
  await stranger.page.goto('/sign-in');
  for (let attempt = 1; attempt <= 11; attempt++) {
    await stranger.page.getByLabel('邮箱').fill(user.email);
    await stranger.page.getByLabel('密码').fill(`wrong-password-${attempt}`);
    await stranger.page.getByRole('button', { name: '登录' }).click();
    const expected = attempt <= 5 ? '邮箱或密码不正确' : /邮箱验证码|邮箱、密码或验证码不正确/;
    await expect(stranger.page.getByTestId('sign-in-error')).toHaveText(expected);
  }
  await stranger.context.close();

  // The owner: the password alone is not enough now, and the page says what to do.
  await owner.page.getByLabel('邮箱').fill(user.email);
  await owner.page.getByLabel('密码').fill(user.password);
  await owner.page.getByRole('button', { name: '登录' }).click();
  await expect(owner.page.getByTestId('sign-in-error')).toHaveText('为了你的账户安全，本次登录还需要邮箱验证码');
  await expectNoSeriousAxeViolations(owner.page, 'sign-in with the code step');
  const before = await mailCount(owner.page, user.email);
  await owner.page.getByRole('button', { name: '发送验证码' }).click();
  await expect(owner.page.getByRole('status')).toContainText('验证码已发出');
  const code = await codeFromLatestMail(owner.page, user.email, before);
  await owner.page.getByLabel('邮箱验证码').fill(code);
  await owner.page.getByRole('button', { name: '登录' }).click();
  await expect(owner.page).toHaveURL(/\/$/);
  await expect(owner.page.getByTestId('available-balance')).toHaveText('¥0.00');
  await owner.context.close();
});

test('a guesser gets 429 with Retry-After, and the form says to wait; other clients are not affected', async ({
  browser,
  playwright,
  baseURL,
}) => {
  test.slow(); // twenty password hashes
  const ip = newIp();
  const guesser = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { 'x-forwarded-for': ip } });
  const statuses: number[] = [];
  let limited;
  for (let i = 0; i < 40 && !limited; i++) {
    const response = await postSignIn(guesser, `guess-${i}@example.com`, 'wrong-password');
    statuses.push(response.status());
    if (response.status() === 429) limited = response;
  }
  expect(limited, `statuses: ${statuses.join(',')}`).toBeDefined();
  expect(Number(limited!.headers()['retry-after'])).toBeGreaterThan(0);
  expect(((await limited!.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
  expect(statuses.every((s) => s === 200 || s === 401 || s === 429)).toBe(true);
  await guesser.dispose();

  // The same address through the form: told to wait, in minutes.
  const page = await clientAt(browser, ip);
  await page.page.goto('/sign-in');
  await page.page.getByLabel('邮箱').fill(demoAccount('CUSTOMER').email);
  await page.page.getByLabel('密码').fill(demoAccount('CUSTOMER').password);
  await page.page.getByRole('button', { name: '登录' }).click();
  await expect(page.page.getByTestId('sign-in-error')).toHaveText(/尝试过于频繁，请 \d+ 分钟后再试/);
  await page.context.close();

  // Another client signs in as usual.
  const other = await clientAt(browser);
  await other.page.goto('/sign-in');
  await other.page.getByLabel('邮箱').fill(demoAccount('CUSTOMER').email);
  await other.page.getByLabel('密码').fill(demoAccount('CUSTOMER').password);
  await other.page.getByRole('button', { name: '登录' }).click();
  await expect(other.page).toHaveURL(/\/$/);
  await other.context.close();
});

test('a known and an unknown email get the same answer to a wrong password, in about the same time', async ({
  page,
  playwright,
  baseURL,
}) => {
  test.slow();
  const { email: known } = await signUpThroughForm(page);
  const unknown = `nobody-${randomInt(1e9)}@example.com`;
  const times: Record<'known' | 'unknown', number[]> = { known: [], unknown: [] };
  const bodies = new Set<string>();
  const statuses = new Set<number>();
  // Alternated rounds, each from a fresh address; four, so neither email reaches the code step.
  for (let round = 0; round < 4; round++) {
    for (const [kind, email] of [
      ['known', known],
      ['unknown', unknown],
    ] as const) {
      const client = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { 'x-forwarded-for': newIp() } });
      const { csrfToken } = (await (await client.get('/api/auth/csrf')).json()) as { csrfToken: string };
      const started = performance.now();
      const response = await client.post('/api/auth/callback/credentials', {
        form: { email, password: `wrong-${round}`, csrfToken, callbackUrl: '/', json: 'true' },
        maxRedirects: 0,
      });
      times[kind].push(performance.now() - started);
      statuses.add(response.status());
      bodies.add(await response.text());
      await client.dispose();
    }
  }
  expect([...statuses]).toHaveLength(1);
  expect([...bodies]).toHaveLength(1);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const [k, u] = [median(times.known), median(times.unknown)];
  console.log(`wrong password, median ms: known ${k.toFixed(1)}, unknown ${u.toFixed(1)}`);
  // Both hash the password (argon2id, a fixed hash for unknown emails): no gap the size of a hash.
  expect(Math.abs(k - u)).toBeLessThan(Math.max(25, 0.5 * Math.min(k, u)));
});

const ESCAPES = [
  '%2F%09%2Fevil.example',
  '%2F%0A%2Fevil.example',
  '%2F%0D%2Fevil.example',
  '%2F%5Cevil.example',
  '%5C%5Cevil.example',
  '%2F%2Fevil.example',
  '%2F.%2F%2Fevil.example',
  'https%3A%2F%2Fevil.example',
  '%2F%2F%2Fevil.example',
  'javascript%3Aalert(1)',
  '%252F%252Fevil.example',
  '%2F%E2%80%A8%2Fevil.example',
];

test('no callbackUrl leaves the site or gives a 500, signed in or signing in', async ({ page, baseURL }) => {
  test.slow();
  const origin = new URL(baseURL!).origin;
  // Signing in through the form with a hostile callbackUrl lands on our own home page.
  const user = newUserDetails();
  await signUpThroughForm(page, user);
  await page.getByTestId('sign-out').first().click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto(`/sign-in?callbackUrl=${ESCAPES[0]}`);
  await page.getByLabel('邮箱').fill(user.email);
  await page.getByLabel('密码').fill(user.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(`${origin}/`);

  // Signed in, /sign-in redirects at once: every variant stays on this origin.
  for (const escape of ESCAPES) {
    const response = await page.goto(`/sign-in?callbackUrl=${escape}`);
    expect(response?.status(), escape).toBeLessThan(500);
    expect(new URL(page.url()).origin, escape).toBe(origin);
  }
});
