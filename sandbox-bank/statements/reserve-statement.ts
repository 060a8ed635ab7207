// The reserve account's statement for one Shanghai calendar day: opening balance (before
// 00:00), every movement of the day with its balance after, closing balance (before the
// next 00:00). What the wallet reconciles its reserve against.
import 'server-only';
import { type AccountMovement, accountMovements, balanceBefore } from '../accounts/read-accounts';
import { maskAccountNumber } from '../accounts/mask-account-number';
import type { Queryable } from '../db/pool';
import { toJsonNumber } from '../requests/request-row';
import { RESERVE_ACCOUNT_NUMBER, SANDBOX_BANK_CURRENCY } from '../seed-accounts';

export type StatementLine = {
  bankReference: string;
  reference: string | null;
  kind: 'DEPOSIT' | 'DEBIT' | 'PAYOUT';
  /** + into the account, − out of it. */
  amount: bigint;
  balanceAfter: bigint;
  /** Masked number of the other account; null for a deposit. */
  counterparty: string | null;
  bookedAt: Date;
};

export type Statement = {
  accountNumber: string;
  date: string;
  currency: string;
  openingBalance: bigint;
  closingBalance: bigint;
  lines: StatementLine[];
  /** The same movements with counterparty names, for the bank's own page. */
  movements: AccountMovement[];
};

/** [00:00, next 00:00) of a YYYY-MM-DD in Asia/Shanghai (UTC+8 all year). */
export function shanghaiDayBounds(date: string): { start: Date; end: Date } {
  const start = new Date(`${date}T00:00:00+08:00`);
  if (Number.isNaN(start.getTime())) throw new Error(`not a date: ${date}`);
  return { start, end: new Date(start.getTime() + 24 * 60 * 60 * 1000) };
}

export async function accountStatement(db: Queryable, accountNumber: string, date: string): Promise<Statement> {
  const { start, end } = shanghaiDayBounds(date);
  const openingBalance = await balanceBefore(db, accountNumber, start);
  const movements = await accountMovements(db, accountNumber, { from: start, to: end });
  const lines = movements.map((m) => ({
    bankReference: m.bankReference,
    reference: m.reference,
    kind: m.kind,
    amount: m.amount,
    balanceAfter: m.balanceAfter,
    counterparty: m.counterpartyAccount ? maskAccountNumber(m.counterpartyAccount) : null,
    bookedAt: m.bookedAt,
  }));
  return {
    accountNumber,
    date,
    currency: SANDBOX_BANK_CURRENCY,
    openingBalance,
    closingBalance: lines.at(-1)?.balanceAfter ?? openingBalance,
    lines,
    movements,
  };
}

export function reserveStatement(db: Queryable, date: string): Promise<Statement> {
  return accountStatement(db, RESERVE_ACCOUNT_NUMBER, date);
}

/** The JSON of API.md. */
export function statementJson(s: Statement): Record<string, unknown> {
  return {
    account_number: s.accountNumber,
    date: s.date,
    currency: s.currency,
    opening_balance: toJsonNumber(s.openingBalance),
    closing_balance: toJsonNumber(s.closingBalance),
    lines: s.lines.map((l) => ({
      bank_reference: l.bankReference,
      reference: l.reference,
      kind: l.kind,
      amount: toJsonNumber(l.amount),
      balance_after: toJsonNumber(l.balanceAfter),
      counterparty: l.counterparty,
      booked_at: l.bookedAt.toISOString(),
    })),
  };
}
