import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

/** The bank operator's password of this run (scripts/e2e-server.ts writes it). */
export function bankOperatorSecret(): string {
  return (JSON.parse(readFileSync('e2e/.generated/sandbox-bank.json', 'utf8')) as { operatorSecret: string })
    .operatorSecret;
}

/** Opens an operator page of the bank, signing in first when the bank asks for it. */
export async function gotoAsBankOperator(page: Page, path: string): Promise<void> {
  await page.goto(path);
  if (new URL(page.url()).pathname === '/sandbox-bank/operator') {
    await page.getByLabel('操作员口令').fill(bankOperatorSecret());
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page).toHaveURL(path);
  }
}
