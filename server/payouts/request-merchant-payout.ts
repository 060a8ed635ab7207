// A merchant pays out (part of) its available balance to its settlement bank account, step by
// step as a customer's withdrawal (request-withdrawal.ts): payment PIN checked (and the
// authenticator code of a merchant user who turned it on); in one
// transaction the PAYOUT operation (userId = the merchant's user, merchantId), the hold of
// amount + fee on merchant:<id>:balance and the status-query job; then the bank payout. The
// bank's answer (now, by notice or by the status query) settles it through completeOperation
// (settleMerchantPayout / failMerchantPayout); an unknown outcome keeps the hold.
import { buildJournalEntry, DEFAULT_CURRENCY, payoutPostings } from '@/ledger';
import { requireMoneyOutCode } from '../auth/two-factor/money-out-second-factor';
import { verifyPaymentPin } from '../pin/verify-payment-pin';
import { findBankAccountOrThrow } from '../wallet/bank-accounts/find-bank-account-or-throw';
import { inTransaction } from '../core/in-transaction';
import { beginOperation } from '../wallet/operations/begin-operation';
import { holdPayoutFunds, sendHeldPayout } from '../wallet/operations/held-payout';
import type { AppDeps } from '../core/deps';
import { FeeChangedError, NotFoundError } from '../core/domain-errors';
import { MerchantNotActiveError } from '../orders/order-errors';
import { SettlementAccountMissingError } from '../merchants/merchant-errors';
import { quoteMerchantPayout } from './merchant-payout-quote';

export type RequestMerchantPayoutInput = {
  merchantId: string;
  /** The signed-in user: must be the merchant's own user. */
  userId: string;
  amount: bigint;
  /** The merchant user's payment PIN. */
  pin: string;
  /** The merchant user's authenticator code (or a recovery code), when it turned one on. */
  twoFactorCode?: string | null;
  idempotencyKey: string;
  /** The fee the merchant saw; refused if the fee is now different. */
  expectedFee?: bigint;
};

export async function requestMerchantPayout(
  deps: AppDeps,
  input: RequestMerchantPayoutInput,
): Promise<{ operationId: string }> {
  const merchant = await deps.db.merchant.findUnique({ where: { id: input.merchantId } });
  if (!merchant || merchant.userId !== input.userId) throw new NotFoundError('Merchant');
  if (merchant.status !== 'APPROVED') throw new MerchantNotActiveError();
  const code = await requireMoneyOutCode(deps.db, input.userId, input.twoFactorCode);
  await verifyPaymentPin(deps.db, input.userId, input.pin);
  if (!merchant.settlementBankAccountId) throw new SettlementAccountMissingError();
  const account = await findBankAccountOrThrow(deps.db, merchant.userId, merchant.settlementBankAccountId).catch(
    (error: unknown) => {
      if (error instanceof NotFoundError) throw new SettlementAccountMissingError();
      throw error;
    },
  );
  await code?.startCheck();

  const { operation, replayed } = await inTransaction(deps.db, async (tx) => {
    await code?.spend(tx);
    const quote = quoteMerchantPayout(input.amount);
    if (input.expectedFee !== undefined && input.expectedFee !== quote.fee) throw new FeeChangedError(quote.fee);
    const begun = await beginOperation(tx, {
      userId: merchant.userId,
      kind: 'PAYOUT',
      amount: input.amount,
      fee: quote.fee,
      currency: DEFAULT_CURRENCY,
      idempotencyKey: input.idempotencyKey,
      bankAccountId: account.id,
      merchantId: merchant.id,
    });
    if (begun.replayed) return begun;
    const entry = buildJournalEntry({
      kind: 'PAYOUT',
      postings: payoutPostings({
        merchantId: merchant.id,
        amount: input.amount,
        fee: quote.fee,
        currency: DEFAULT_CURRENCY,
      }),
      idempotencyKey: `operation:${begun.operation.id}:hold`,
      metadata: { operationId: begun.operation.id, merchantId: merchant.id },
    });
    const operation = await holdPayoutFunds(tx, deps, begun.operation, entry);
    return { operation, replayed: false };
  });
  await code?.accepted();
  if (replayed) return { operationId: operation.id };

  await sendHeldPayout(deps, operation, account);
  return { operationId: operation.id };
}
