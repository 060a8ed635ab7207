import { expect, type Page } from '@playwright/test';
import { gotoAsBankOperator } from './bank-operator';

/** The seeded sandbox account in the name of 王五 that customers of the e2e specs link. */
export const WANGWU_ACCOUNT = '6222000000000044';

/** Sets a one-shot fault on a sandbox account through the bank's own fault page (the operator's). */
export async function setBankFault(page: Page, mode: string, account = WANGWU_ACCOUNT) {
  await gotoAsBankOperator(page, '/sandbox-bank/faults');
  await page.getByLabel('范围').selectOption(account);
  await page.getByLabel('故障类型').selectOption(mode);
  await page.getByLabel('生效次数').fill('1');
  await page.getByRole('button', { name: '设置故障' }).click();
  await expect(page.locator(`[data-testid=fault-row][data-scope="${account}"]`)).toBeVisible();
}
