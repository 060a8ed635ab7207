import { expect, type Page } from '@playwright/test';
import { SEED_CUSTOMER_ACCOUNTS } from '../../sandbox-bank/seed-accounts';
import { WANGWU_ACCOUNT } from './bank-faults';
import { readCodeFromPhone, textSerialOn } from './bank-phone';

/** What the holder of a seeded sandbox account types: name, ID number, phone on file. */
export function seededHolder(accountNumber: string) {
  const holder = SEED_CUSTOMER_ACCOUNTS.find((a) => a.accountNumber === accountNumber);
  if (!holder) throw new Error(`no seeded sandbox account ${accountNumber}`);
  return holder;
}

/**
 * On the open link form: the card's details, then the code the bank texted to the holder's
 * phone (read off the simulated phone), confirmed.
 */
export async function linkCardOnForm(page: Page, accountNumber = WANGWU_ACCOUNT) {
  const holder = seededHolder(accountNumber);
  await page.getByLabel('银行卡号').fill(accountNumber);
  await page.getByLabel('持卡人姓名').fill(holder.holderName);
  await page.getByLabel('身份证号').fill(holder.idNumber);
  await page.getByLabel('银行预留手机号').fill(holder.phone);
  await page.getByRole('button', { name: '获取短信验证码' }).click();
  await expect(page.getByTestId('link-code-sent')).toContainText(
    `${holder.phone.slice(0, 3)}****${holder.phone.slice(-4)}`,
  );
  const code = await readCodeFromPhone(page, accountNumber.slice(-4), await textSerialOn(page, 'link-code-sent'));
  await page.getByLabel('短信验证码').fill(code);
  await page.getByRole('button', { name: '确认添加' }).click();
}

/** Links a seeded sandbox account on /bank-accounts as the signed-in customer, as a person would. */
export async function linkBankAccountThroughForm(page: Page, accountNumber = WANGWU_ACCOUNT) {
  await page.goto('/bank-accounts');
  await linkCardOnForm(page, accountNumber);
  await expect(page.getByTestId('bank-account')).toContainText(`(${accountNumber.slice(-4)})`);
}
