// Issue 19's proof of liabilities through the browser: the admin builds yesterday's proof
// (reconciling the day first) from the reconciliation page; anyone sees the day on /proof
// with a valid signature; 张三 downloads his proof for yesterday from 我的 → 余额证明 and the
// page verifies it in the browser; the same file with one fen changed, uploaded, is not
// verified and says why; the standalone verifier agrees on both files.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './support/axe';
import { demoAccount, signInThroughForm } from './support/users';

const run = promisify(execFile);
/** Yesterday in Shanghai, the day the admin builds. */
const yesterday = new Date(Date.now() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10);

async function verifyWithScript(file: string, keysUrl: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(process.execPath, ['verifier/verify-proof.mjs', file, '--keys-url', keysUrl]);
    return { code: 0, out: stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, out: e.stdout };
  }
}

test("proof of liabilities: admin builds yesterday, /proof shows it, 张三's proof verifies and a tampered one does not", async ({
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(120_000);
  // The admin builds yesterday's proof now (the daily job would at 00:30 after reconciling).
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  const admin = demoAccount('ADMIN');
  await signInThroughForm(adminPage, admin.email, admin.password, admin.totpSecret);
  await expect(adminPage).toHaveURL(/\/admin$/);
  await adminPage.goto('/admin/reconciliation');
  const section = adminPage.getByTestId('proof-section');
  await expect(section.getByLabel('日期')).toHaveValue(yesterday);
  await section.getByRole('button', { name: '生成证明' }).click();
  await expect(adminPage.getByTestId('build-proof-result')).toContainText(`${yesterday} 的证明`);
  await expect(section.getByTestId('proof-day').first()).toContainText(yesterday);
  await expectNoSeriousAxeViolations(adminPage, 'admin reconciliation with the proof section');
  await adminContext.close();

  // Anyone, signed out, sees the day, its totals and a valid signature.
  const publicContext = await browser.newContext();
  const publicPage = await publicContext.newPage();
  await publicPage.goto('/proof');
  await expect(publicPage.getByRole('heading', { name: '每日负债证明' })).toBeVisible();
  const day = publicPage.getByTestId('proof-day').first();
  await expect(day).toContainText(yesterday);
  await expect(day).toContainText('签名有效');
  await expect(day).toContainText('负债总额');
  await expectNoSeriousAxeViolations(publicPage, '/proof');
  await publicContext.close();

  // 张三: 我的 → 余额证明, download yesterday's proof, verify it on the page.
  const context = await browser.newContext();
  const page = await context.newPage();
  const zhangsan = demoAccount('CUSTOMER');
  await signInThroughForm(page, zhangsan.email, zhangsan.password);
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/me');
  await page.getByRole('link', { name: /余额证明/ }).click();
  await expect(page).toHaveURL(/\/me\/balance-proof$/);
  await expect(page.getByLabel('日期')).toHaveValue(yesterday);
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: '下载证明文件（JSON）' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`balance-proof-${yesterday}.json`);
  const file = testInfo.outputPath('proof.json');
  await download.saveAs(file);
  const proof = JSON.parse(readFileSync(file, 'utf8')) as { day: string; balance: string; path: unknown[] };
  expect(proof.day).toBe(yesterday);

  await page.getByRole('button', { name: '在本页验证' }).click();
  const verdict = page.getByTestId('proof-verdict').first();
  await expect(verdict).toContainText('已验证');
  await expect(verdict).toContainText(`你在 ${yesterday} 的余额`);
  await expect(verdict).toContainText('已包含在平台公布的负债总额');
  await expectNoSeriousAxeViolations(page, 'balance proof, verified');

  // The same file with one fen more, uploaded: not verified, and why.
  const tampered = testInfo.outputPath('proof-tampered.json');
  writeFileSync(tampered, JSON.stringify({ ...proof, balance: (BigInt(proof.balance) + 1n).toString() }));
  await page.getByLabel('选择证明文件（.json）').setInputFiles(tampered);
  const uploaded = page.getByTestId('proof-verdict').last();
  await expect(uploaded).toContainText('未通过验证');
  await expect(uploaded).toContainText('余额或路径被改动过');
  await expectNoSeriousAxeViolations(page, 'balance proof, tampered upload');
  // The untouched file, uploaded, verifies.
  await page.getByLabel('选择证明文件（.json）').setInputFiles(file);
  await expect(page.getByTestId('proof-verdict').last()).toContainText('已验证');

  // The standalone verifier agrees, with the keys the wallet publishes.
  const keysUrl = `${baseURL}/api/signing-keys`;
  const good = await verifyWithScript(file, keysUrl);
  expect(good.code, good.out).toBe(0);
  expect(good.out).toMatch(/^verified: /);
  const bad = await verifyWithScript(tampered, keysUrl);
  expect(bad.code, bad.out).toBe(1);
  expect(bad.out).toMatch(/^NOT verified: /);
  await context.close();
});
