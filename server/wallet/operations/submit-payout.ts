// Sends (or re-sends: idempotent at the bank per reference) a withdrawal's payout and records
// the bank's acceptance on the timeline.
import 'server-only';
import type { BankAccount, WalletOperation } from '../../generated/prisma/client';
import type { PayoutAnswer } from '../../bank/bank-gateway';
import type { Currency } from '@/ledger';
import type { AppDeps } from '../../core/deps';
import { completeOperation } from './complete-operation';

export async function submitPayout(
  deps: AppDeps,
  operation: WalletOperation,
  account: BankAccount,
): Promise<PayoutAnswer> {
  const answer = await deps.bank.createPayout({
    reference: operation.id,
    accountNumber: account.accountNumber,
    holderName: account.holderName,
    amount: operation.amount,
    currency: operation.currency as Currency,
    description: `${operation.kind === 'PAYOUT' ? 'Merchant payout' : 'Withdrawal'} ${operation.id}`,
    notifyUrl: `${deps.appUrl}/api/bank/notices`,
  });
  if (answer.status === 'PROCESSING' && !operation.bankReference) {
    await deps.db.walletOperation.update({
      where: { id: operation.id },
      data: {
        bankReference: answer.bankReference,
        events: { create: { type: 'AUTHORISED', detail: { bankReference: answer.bankReference } } },
      },
    });
  }
  return answer;
}

/** Applies a final payout answer (SUCCEEDED / FAILED); true when it was final, false for PROCESSING. */
export async function completeFromPayoutAnswer(
  deps: AppDeps,
  operation: WalletOperation,
  answer: PayoutAnswer,
): Promise<boolean> {
  if (answer.status === 'PROCESSING') return false;
  await completeOperation(
    deps,
    operation.id,
    answer.status === 'SUCCEEDED'
      ? {
          status: 'SUCCEEDED',
          amount: operation.amount,
          currency: operation.currency,
          bankReference: answer.bankReference,
        }
      : { status: 'FAILED', reason: answer.failureReason ?? 'DECLINED', bankReference: answer.bankReference },
  );
  return true;
}
