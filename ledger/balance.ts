// Balances derived from postings, under the sign convention of chart-of-accounts
// (posting amount: positive = credit, negative = debit).
import { type AccountKind, accountType, mayGoNegative, normalSide } from './chart-of-accounts';
import { InsufficientFundsError } from './errors';
import type { Currency } from './money';

/**
 * Balance of an account from the sum of its posting amounts:
 * credit-normal (liability, revenue) = Σ; debit-normal (asset) = −Σ.
 */
export function balanceFromPostingSum(kind: AccountKind, postingSum: bigint): bigint {
  return normalSide(accountType(kind)) === 'CREDIT' ? postingSum : -postingSum;
}

/** How one posting amount changes the account's balance (same rule as above). */
export function balanceChange(kind: AccountKind, postingAmount: bigint): bigint {
  return balanceFromPostingSum(kind, postingAmount);
}

/** What an owner can spend: posted balance minus pending holds (docs/design.md, "Chart of accounts"). */
export function availableBalance(posted: bigint, pendingHolds: bigint): bigint {
  return posted - pendingHolds;
}

/**
 * Applies a posting to a balance and refuses a debit that takes an owner's account
 * below zero. Pass the *available* balance when holds exist. Returns the new balance.
 */
export function applyPostingToBalance(
  kind: AccountKind,
  balance: bigint,
  postingAmount: bigint,
  currency: Currency,
  account?: string,
): bigint {
  const change = balanceChange(kind, postingAmount);
  const next = balance + change;
  // Only a decrease is refused: a credit to an (abnormally) negative account must still land.
  if (change < 0n && next < 0n && !mayGoNegative(kind)) {
    throw new InsufficientFundsError({
      currency,
      available: balance,
      required: -change,
      ...(account === undefined ? {} : { account }),
    });
  }
  return next;
}
