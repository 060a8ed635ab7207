// Linking a card the way a bank does it (快捷支付), in Chromium: details → the bank texts a code
// to the holder's phone → the code → linked. Wrong details get one generic answer; a wrong
// code says how many tries are left; a stranger who knows the card number, name, ID number
// and phone still cannot link it without the phone.
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { seriousAxeViolations } from './support/axe';
import { linkCardOnForm, seededHolder } from './support/bank-accounts';
import { readCodeFromPhone, textSerialOn } from './support/bank-phone';
import { signUpThroughForm } from './support/users';

const SCREENS = 'e2e/.generated/screens';
/** 赵六's seeded card (the other specs link 王五's). */
const ZHAOLIU_ACCOUNT = '6222000000000055';
const WANGWU_ACCOUNT = '6222000000000044';

async function screens(page: Page, name: string) {
  mkdirSync(SCREENS, { recursive: true });
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      `${name} at ${width} px scrolls sideways`,
    ).toBeLessThanOrEqual(width);
    expect(await seriousAxeViolations(page), `${name} at ${width} px`).toEqual([]);
    await page.screenshot({ path: `${SCREENS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function fillDetails(
  page: Page,
  details: { accountNumber: string; holderName: string; idNumber: string; phone: string },
) {
  await page.getByLabel('银行卡号').fill(details.accountNumber);
  await page.getByLabel('持卡人姓名').fill(details.holderName);
  await page.getByLabel('身份证号').fill(details.idNumber);
  await page.getByLabel('银行预留手机号').fill(details.phone);
  await page.getByRole('button', { name: '获取短信验证码' }).click();
}

test('a card is linked with the code texted to its phone; wrong details and wrong codes are refused', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signUpThroughForm(page);
  await page.goto('/bank-accounts');
  const holder = seededHolder(ZHAOLIU_ACCOUNT);
  await screens(page, 'link-details');

  // A mistyped ID number is caught by the form, naming the field; nothing goes to the bank.
  await fillDetails(page, { ...holder, idNumber: '51010719950228567X' });
  await expect(page.getByTestId('idNumber-error')).toHaveText('请输入正确的 18 位身份证号');

  // Another valid ID number, or another phone: the same answer, naming no field.
  for (const wrong of [{ idNumber: '110101199003071233' }, { phone: '13800000000' }]) {
    await fillDetails(page, { ...holder, ...wrong });
    await expect(page.getByTestId('link-error')).toHaveText('银行无法核实这些信息，请检查后重试');
    await expect(page.getByTestId('idNumber-error')).toHaveCount(0);
    await expect(page.getByTestId('phone-error')).toHaveCount(0);
  }
  await screens(page, 'link-not-verified');

  // All four right: the bank texts the phone on file.
  await fillDetails(page, holder);
  await expect(page.getByTestId('link-code-sent')).toHaveText(
    /^银行已向 136\*\*\*\*0055 发送验证码（短信序号 \d{4}）$/,
  );
  const code = await readCodeFromPhone(
    page,
    holder.accountNumber.slice(-4),
    await textSerialOn(page, 'link-code-sent'),
  );
  await screens(page, 'link-code');

  await page.getByLabel('短信验证码').fill(code === '000000' ? '111111' : '000000');
  await page.getByRole('button', { name: '确认添加' }).click();
  await expect(page.getByTestId('code-error')).toHaveText('验证码错误，还可尝试 4 次');
  await expect(page.getByTestId('bank-account')).toHaveCount(0);
  await screens(page, 'link-wrong-code');

  await page.getByLabel('短信验证码').fill(code);
  await page.getByRole('button', { name: '确认添加' }).click();
  await expect(page.getByTestId('bank-account')).toContainText('沙箱银行储蓄卡(0055)');
  await expect(page.getByText('已添加银行卡')).toBeVisible();

  // The same in English.
  await page.getByTestId('language-switch').filter({ visible: true }).first().selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await screens(page, 'link-details-en');
  // 王五's card (not yet in this wallet) with a phone that is not his.
  const other = seededHolder(WANGWU_ACCOUNT);
  await page.getByLabel('Account number').fill(other.accountNumber);
  await page.getByLabel('Account holder').fill(other.holderName);
  await page.getByLabel('ID number').fill(other.idNumber);
  await page.getByLabel('Phone number on file at the bank').fill('13800000000');
  await page.getByRole('button', { name: 'Get a text code' }).click();
  await expect(page.getByTestId('link-error')).toHaveText(
    'The bank could not verify these details; check them and try again',
  );
  await screens(page, 'link-not-verified-en');
});

test('linking a card from a withdrawal or a top-up comes back to it with the new card chosen', async ({ page }) => {
  test.setTimeout(120_000);
  await signUpThroughForm(page);

  // No card yet: the withdrawal offers to add one, and comes back to the withdrawal afterwards.
  await page.getByRole('navigation', { name: '常用功能' }).getByRole('link', { name: '提现' }).click();
  await expect(page).toHaveURL(/\/withdraw$/);
  await page.getByRole('link', { name: '添加银行卡' }).click();
  await expect(page).toHaveURL(/\/bank-accounts\?next=%2Fwithdraw$/);
  await linkCardOnForm(page, WANGWU_ACCOUNT);
  await expect(page).toHaveURL(/\/withdraw\?card=[0-9a-f-]{36}$/);

  // A top-up with a card already linked: 添加银行卡 under the cards, back with the new one chosen.
  await page.goto('/top-up');
  await expect(page.getByRole('radio', { name: /0044/ })).toBeChecked();
  await screens(page, 'top-up-add-card');
  await page.getByTestId('add-bank-account').click();
  await expect(page).toHaveURL(/\/bank-accounts\?next=%2Ftop-up$/);
  // The page's back link leads to the top-up too.
  await expect(page.getByRole('link', { name: '返回' })).toHaveAttribute('href', '/top-up');
  await linkCardOnForm(page, ZHAOLIU_ACCOUNT);
  await expect(page).toHaveURL(/\/top-up\?card=[0-9a-f-]{36}$/);
  await expect(page.getByRole('radio', { name: /0055/ })).toBeChecked();
  await expect(page.getByRole('radio', { name: /0044/ })).not.toBeChecked();

  // A crafted way back to somewhere else is not followed.
  await page.goto(`/bank-accounts?next=${encodeURIComponent('https://evil.example/top-up')}`);
  await expect(page.getByRole('link', { name: '返回' })).toHaveAttribute('href', '/me');
});
