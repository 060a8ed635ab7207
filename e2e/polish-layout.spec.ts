// Layout polish a person notices: date fields that read the same in every browser and fit a
// phone, detail labels on their values' line, the admin's sections in one row at 375 px, and
// English activity rows that never cut the time. Screenshots of each page at 375 and 1280.
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './support/axe';
import { topUpThroughBank } from './support/top-up-flow';
import { demoAccount, signInThroughForm } from './support/users';

const SCREENS = 'e2e/.generated/screens';

async function screens(page: Page, name: string) {
  const size = page.viewportSize()!;
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} ${width}`).toBeLessThanOrEqual(
      width,
    );
    await page.screenshot({ path: `${SCREENS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize(size);
}

async function switchLanguage(page: Page, lang: 'en' | 'zh-CN') {
  await page.getByTestId('language-switch').filter({ visible: true }).first().selectOption(lang);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

test.use({ viewport: { width: 375, height: 812 } });

test("the merchant's date filter reads 年-月-日 / yyyy-mm-dd, fits a phone and filters by what is typed", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const merchant = demoAccount('MERCHANT');
  await signInThroughForm(page, merchant.email, merchant.password);
  await expect(page).toHaveURL(/\/merchant$/);
  await page.goto('/merchant/orders');
  const filters = page.getByTestId('order-filters');
  const from = filters.getByLabel('开始日期');
  const to = filters.getByLabel('结束日期');
  await expect(from).toHaveAttribute('placeholder', '年-月-日');
  await from.fill('2026-01-01');
  await to.fill('2026-12-31');
  // Not clipped: each field shows its whole date and stays inside the form.
  const form = (await filters.boundingBox())!;
  for (const field of [from, to]) {
    expect(await field.evaluate((el: HTMLInputElement) => el.scrollWidth <= el.clientWidth)).toBe(true);
    const box = (await field.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(form.x + form.width + 0.5);
    expect(box.width).toBeGreaterThan(120);
  }
  await expect(filters.getByRole('button', { name: '打开日历' })).toHaveCount(2);
  await expectNoSeriousAxeViolations(page, 'merchant orders, zh');
  await screens(page, 'merchant-orders-filter-zh');
  await filters.getByRole('button', { name: '查询' }).click();
  await expect(page).toHaveURL(/from=2026-01-01&to=2026-12-31/);
  await expect(from).toHaveValue('2026-01-01');

  // What is not a date is named on its field, by the server, in the page's language.
  await from.fill('2026-13-45');
  await filters.getByRole('button', { name: '查询' }).click();
  await expect(page.locator('#order-from-error')).toHaveText('请选择正确的日期');
  await expect(from).toHaveAttribute('aria-invalid', 'true');

  await switchLanguage(page, 'en');
  await expect(filters.getByLabel('From')).toHaveAttribute('placeholder', 'yyyy-mm-dd');
  await expectNoSeriousAxeViolations(page, 'merchant orders, en');
  await screens(page, 'merchant-orders-filter-en');
});

test('English activity rows show the whole time at 375 px; detail labels sit on their values’ line', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const lisi = demoAccount('CUSTOMER', 1);
  await signInThroughForm(page, lisi.email, lisi.password);
  await expect(page).toHaveURL(/\/$/);
  const id = await topUpThroughBank(page, '1.00');

  // The detail: each label sits on its value's line (same size text: the same box, to the pixel).
  for (const key of ['type', 'amount', 'createdAt']) {
    const row = page.getByTestId(`detail-${key}`);
    const label = (await row.locator('dt').boundingBox())!;
    const value = (await row.locator('dd > span').first().boundingBox())!;
    expect(Math.abs(label.y - value.y), `${key}: label top vs value top`).toBeLessThanOrEqual(1);
    expect(Math.abs(label.y + label.height - (value.y + value.height)), `${key}: bottoms`).toBeLessThanOrEqual(1);
  }
  await screens(page, 'activity-detail-zh');

  await switchLanguage(page, 'en');
  await page.goto('/activity');
  const row = page.locator(`a[data-testid=activity-row][href="/activity/${id}"]`);
  const time = row.locator('time');
  await expect(time).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  // Nothing on the line is cut: the time is whole and inside the row.
  const line = time.locator('xpath=..');
  expect(await line.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  expect(await time.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  const [timeBox, rowBox] = [(await time.boundingBox())!, (await row.boundingBox())!];
  expect(timeBox.x + timeBox.width).toBeLessThanOrEqual(rowBox.x + rowBox.width);
  await expectNoSeriousAxeViolations(page, 'activity, en');
  await screens(page, 'activity-list-en');
  await page.goto(`/activity/${id}`);
  await screens(page, 'activity-detail-en');
});

test("the admin's nine sections are one row at 375 px that scrolls sideways, the current one in view", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const admin = demoAccount('ADMIN');
  await signInThroughForm(page, admin.email, admin.password, admin.totpSecret);
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto('/admin/audit');
  const nav = page.getByTestId('admin-section-nav');
  const tops = await nav.locator('li').evaluateAll((items) => items.map((li) => li.getBoundingClientRect().top));
  expect(tops.length).toBe(9);
  expect(new Set(tops).size, 'one row').toBe(1);
  const list = nav.locator('ul');
  expect(await list.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  // The page itself does not scroll sideways; the current section is scrolled into view.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  const current = nav.locator('[aria-current=page]');
  await expect(current).toBeInViewport({ ratio: 1 });
  await expectNoSeriousAxeViolations(page, 'admin audit at 375');
  await screens(page, 'admin-audit-zh');
  // The audit filter's dates are the same localised field.
  await expect(page.getByLabel('开始日期')).toHaveAttribute('placeholder', '年-月-日');
  await switchLanguage(page, 'en');
  await expect(nav.locator('li').first()).toBeVisible();
  await screens(page, 'admin-audit-en');
});
