import { expect, type Page } from '@playwright/test';
import { enterCodeFromPhone } from './bank-phone';

/**
 * Tops up through the app's real flow (the top-up form, then the sandbox bank's page with the
 * code texted to the holder's phone) as the signed-in customer, and returns the operation id of the result page
 * it lands on. The operation may still be 处理中 there: the bank's notice settles it.
 */
export async function topUpThroughBank(page: Page, yuan: string): Promise<string> {
  await page.goto('/top-up');
  await page.getByLabel('充值金额（元）').fill(yuan);
  await confirmTopUpAtBank(page);
  await expect(page).toHaveURL(/\/activity\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname.split('/').at(-1)!;
}

/** On the filled top-up form: on to the sandbox bank's page, and confirm there with the code from the phone. */
export async function confirmTopUpAtBank(page: Page): Promise<void> {
  await page.getByRole('button', { name: '下一步：去银行确认' }).click();
  await enterCodeFromPhone(page);
  await page.getByRole('button', { name: /^确认付款/ }).click();
}
