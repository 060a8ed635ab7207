// Issue 6's books through the browser: the admin sees a balanced trial balance; the sandbox
// bank loses the notice of a customer's top-up; the admin reconciles today and finds exactly
// that top-up as "missing in the ledger" with its bank reference, books it with one click,
// runs again and has no break; the customer's balance shows the money.
//
// Timing: the status-query job would find the lost top-up by itself, but not before 10 s
// after the operation was created (FIRST_STATUS_QUERY_SECONDS, then pg-boss polling). The
// admin is signed in and waiting on the reconciliation page before the customer starts, and
// runs the reconciliation the moment the customer is back from the bank (a few seconds), so
// the break exists when the run reads the books. The spec measures that gap and says so if a
// slow machine ever lets the job win.
import { expect, test } from '@playwright/test';
import { setBankFault } from './support/bank-faults';
import { topUpThroughBank } from './support/top-up-flow';
import { demoAccount, newUserDetails, signInThroughForm, signUpThroughForm } from './support/users';
import { linkBankAccountThroughForm } from './support/bank-accounts';

const ZHAOLIU_ACCOUNT = '6222000000000055';

test('admin: balanced trial balance; a lost top-up notice found by reconciliation, booked with one click, re-run clean', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const adminContext = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const adminPage = await adminContext.newPage();
  const admin = demoAccount('ADMIN');
  await signInThroughForm(adminPage, admin.email, admin.password, admin.totpSecret);
  await expect(adminPage).toHaveURL(/\/admin$/);

  // The trial balance is balanced and every invariant holds.
  await adminPage.goto('/admin/trial-balance');
  const cny = adminPage.locator('[data-testid=trial-balance][data-currency=CNY]');
  await expect(cny).toHaveAttribute('data-balanced', 'true');
  await expect(cny.getByTestId('trial-balance-status')).toHaveText('借贷平衡');
  const debit = await cny.getByTestId('total-debit').getAttribute('data-amount');
  expect(await cny.getByTestId('total-credit').getAttribute('data-amount')).toBe(debit);
  await expect(adminPage.getByTestId('invariant-checks')).toHaveAttribute('data-ok', 'true');
  await expect(adminPage.locator('[data-testid=invariant-rule][data-ok=false]')).toHaveCount(0);

  // A new customer with 赵六's bank account.
  const customerContext = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const customer = await customerContext.newPage();
  await signUpThroughForm(customer, { ...newUserDetails(), displayName: '赵六' });
  await linkBankAccountThroughForm(customer, ZHAOLIU_ACCOUNT);

  // The bank will lose the notice of the next top-up; the admin waits on the reconciliation page.
  await setBankFault(customer, 'LOSE_NOTICE', ZHAOLIU_ACCOUNT);
  await adminPage.goto('/admin/reconciliation');
  await expect(adminPage.getByRole('button', { name: '开始对账' })).toBeVisible();

  const started = Date.now();
  const operationId = await topUpThroughBank(customer, '88.88');
  await expect(customer.getByTestId('operation-status')).toHaveAttribute('data-status', 'PENDING');

  // Reconcile today right away (the date field defaults to today).
  await adminPage.getByRole('button', { name: '开始对账' }).click();
  await expect(adminPage).toHaveURL(/\/admin\/reconciliation\/[0-9a-f-]{36}$/);
  const gapSeconds = (Date.now() - started) / 1000;
  const lost = adminPage.locator(`[data-testid=break][data-reference="${operationId}"]`);
  await expect(
    lost,
    `the lost top-up should be a break (run ${gapSeconds.toFixed(1)} s after the top-up; the job queries after 10 s)`,
  ).toHaveCount(1);
  await expect(lost).toHaveAttribute('data-category', 'MISSING_IN_LEDGER');
  await expect(lost.getByTestId('break-category')).toHaveText('账本缺失');
  await expect(lost.getByTestId('break-bank-reference')).toHaveText(/^SB\d{8}[0-9A-Z]{12}$/);
  await expect(
    adminPage.locator('[data-testid=break][data-category=MISSING_IN_LEDGER][data-resolved=false]'),
  ).toHaveCount(1);

  // One click books it; the break shows who resolved it and how.
  await lost.getByTestId('book-from-bank').click();
  await expect(lost).toHaveAttribute('data-resolved', 'true');
  await expect(lost.getByTestId('break-resolution')).toContainText('已按银行结果入账');
  await expect(lost.getByTestId('break-resolution')).toContainText(admin.displayName);

  // Run again: no break at all, and the reserve agrees with the bank.
  const firstRun = adminPage.url();
  await adminPage.getByRole('button', { name: '重新对账' }).click();
  await expect(adminPage).not.toHaveURL(firstRun);
  await expect(adminPage.getByTestId('run-open-breaks')).toHaveText('无差异');
  await expect(adminPage.getByTestId('break')).toHaveCount(0);
  await expect(adminPage.getByTestId('closing-difference').locator('[data-difference]')).toHaveAttribute(
    'data-difference',
    '0',
  );

  // The customer's balance shows the top-up.
  await customer.goto('/');
  await expect(customer.getByTestId('available-balance')).toHaveText('¥88.88');

  // The admin home no longer raises the alert for today.
  await adminPage.goto('/admin');
  await expect(adminPage.getByTestId('books-links')).toBeVisible();
  await expect(adminPage.getByTestId('reconciliation-alert')).toHaveCount(0);

  // The audit log lists the booking, with who did it.
  await adminPage.goto('/admin/audit');
  const booked = adminPage.locator('[data-testid=audit-row][data-action="reconciliation.book_from_bank"]');
  await expect(booked.first()).toBeVisible();
  await expect(booked.first()).toContainText(admin.email);

  await customerContext.close();
  await adminContext.close();
});
