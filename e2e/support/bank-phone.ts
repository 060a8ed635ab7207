import { expect, type Page } from '@playwright/test';
import { SEED_CUSTOMER_ACCOUNTS } from '../../sandbox-bank/seed-accounts';
import { gotoAsBankOperator } from './bank-operator';

/** The serial (短信序号) a page says the bank's text carries. */
export async function textSerialOn(page: Page, testId: string): Promise<string> {
  const text = (await page.getByTestId(testId).textContent()) ?? '';
  const serial = text.match(/序号 (\d{4})/)?.[1];
  if (!serial) throw new Error(`no text serial in "${text}"`);
  return serial;
}

/**
 * Reads a code off the holder's simulated phone (手机短信（模拟）), as a person picks up their
 * phone: in a second tab of the same browser, signed in as the bank's operator, the text with
 * the serial the page named. `lastFour`: the card's last four digits (unique among the seeded).
 */
export async function readCodeFromPhone(page: Page, lastFour: string, serial: string): Promise<string> {
  const phone = await page.context().newPage();
  try {
    // The seeded card with these last four digits (the bank's pages mask the rest).
    const account = SEED_CUSTOMER_ACCOUNTS.find((a) => a.accountNumber.endsWith(lastFour));
    if (!account) throw new Error(`no seeded card ending ${lastFour}`);
    await gotoAsBankOperator(phone, `/sandbox-bank/phone/${account.accountNumber}`);
    await expect(phone.getByRole('heading', { name: '手机短信（模拟）' })).toBeVisible();
    const text = (await phone.locator(`[data-testid=sms-message][data-serial="${serial}"]`).textContent()) ?? '';
    const code = text.match(/验证码 (\d{6})/)?.[1];
    if (!code) throw new Error(`no code in the text "${text}"`);
    return code;
  } finally {
    await phone.close();
  }
}

/** On the bank's authorisation page: the code from the holder's phone, typed in. */
export async function enterCodeFromPhone(page: Page): Promise<void> {
  await expect(page).toHaveURL(/\/sandbox-bank\/authorize\//);
  const lastFour = ((await page.getByTestId('debit-account').textContent()) ?? '').trim().slice(-4);
  const code = await readCodeFromPhone(page, lastFour, await textSerialOn(page, 'code-sent'));
  await page.getByLabel('短信验证码').fill(code);
}
