import { expect, type Page } from '@playwright/test';
import { WANGWU_ACCOUNT } from './bank-faults';

/** Links a seeded sandbox account on /bank-accounts as the signed-in customer, as a person would. */
export async function linkBankAccountThroughForm(page: Page, accountNumber = WANGWU_ACCOUNT, holderName = '王五') {
  await page.goto('/bank-accounts');
  await page.getByLabel('银行卡号').fill(accountNumber);
  await page.getByLabel('持卡人姓名').fill(holderName);
  await page.getByRole('button', { name: '验证并添加' }).click();
  await expect(page.getByTestId('bank-account')).toContainText(`(${accountNumber.slice(-4)})`);
}
