// Withdrawal: after the payment PIN (and, for a user with an authenticator, its code: see
// server/auth/two-factor/money-out-second-factor.ts for the order) is checked, hold amount + fee on the wallet in the
// same transaction as the PENDING operation and its status-query job, then ask the bank to
// pay out. The bank's answer (now, by notice, or found by the status query) posts the hold
// or voids it. An unknown outcome (timeout) keeps the hold: it is never voided blindly.
import { buildJournalEntry, DEFAULT_CURRENCY, withdrawalPostings } from '@/ledger';
import { requireMoneyOutCode } from '../../auth/two-factor/money-out-second-factor';
import { verifyPaymentPin } from '../../pin/verify-payment-pin';
import { findBankAccountOrThrow } from '../bank-accounts/find-bank-account-or-throw';
import { inTransaction } from '../../core/in-transaction';
import type { AppDeps } from '../../core/deps';
import { FeeChangedError } from '../../core/domain-errors';
import { beginOperation } from './begin-operation';
import { holdPayoutFunds, sendHeldPayout } from './held-payout';
import { quoteWithdrawal } from './withdrawal-quote';

export type RequestWithdrawalInput = {
  userId: string;
  amount: bigint;
  bankAccountId: string;
  /** The payment PIN (server/pin). */
  pin: string;
  /** The authenticator code (or a recovery code); asked only of users who turned it on. */
  twoFactorCode?: string | null;
  idempotencyKey: string;
  /** The fee the customer saw; refused if the fee is now different. */
  expectedFee?: bigint;
};

export async function requestWithdrawal(
  deps: AppDeps,
  input: RequestWithdrawalInput,
): Promise<{ operationId: string }> {
  const code = await requireMoneyOutCode(deps.db, input.userId, input.twoFactorCode);
  await verifyPaymentPin(deps.db, input.userId, input.pin);
  const account = await findBankAccountOrThrow(deps.db, input.userId, input.bankAccountId);
  await code?.startCheck();

  const { operation, replayed } = await inTransaction(deps.db, async (tx) => {
    await code?.spend(tx);
    const quote = await quoteWithdrawal(tx, input.userId, input.amount);
    if (input.expectedFee !== undefined && input.expectedFee !== quote.fee) {
      throw new FeeChangedError(quote.fee);
    }
    const begun = await beginOperation(tx, {
      userId: input.userId,
      kind: 'WITHDRAWAL',
      amount: input.amount,
      fee: quote.fee,
      currency: DEFAULT_CURRENCY,
      idempotencyKey: input.idempotencyKey,
      bankAccountId: account.id,
    });
    if (begun.replayed) return begun;
    const entry = buildJournalEntry({
      kind: 'WITHDRAWAL',
      postings: withdrawalPostings({
        userId: input.userId,
        amount: input.amount,
        fee: quote.fee,
        currency: DEFAULT_CURRENCY,
      }),
      idempotencyKey: `operation:${begun.operation.id}:hold`,
      metadata: { operationId: begun.operation.id },
    });
    // No expiry: a withdrawal's hold ends only with the bank's answer.
    const operation = await holdPayoutFunds(tx, deps, begun.operation, entry);
    return { operation, replayed: false };
  });
  await code?.accepted();
  if (replayed) return { operationId: operation.id };

  await sendHeldPayout(deps, operation, account);
  return { operationId: operation.id };
}
