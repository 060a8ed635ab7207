// The status query (docs/security.md: unknown outcomes are settled, not guessed): asks the bank
// how a pending top-up or withdrawal ended and applies it. A payout the bank never received
// is sent again under the same reference (the bank deduplicates), never voided blindly.
import { BankOutcomeUnknownError, BankRequestFailedError } from '../../bank/bank-gateway';
import type { AppDeps } from '../../core/deps';
import { completeOperation } from './complete-operation';
import { completeFromPayoutAnswer, submitPayout } from './submit-payout';

export type SettleResult = 'SETTLED' | 'STILL_PENDING' | 'NOT_PENDING';

/** A top-up the bank never heard of after this long can no longer be authorised: fail it. */
const UNKNOWN_TOP_UP_GRACE_MS = 2 * 60_000;

export async function settlePendingOperation(deps: AppDeps, operationId: string): Promise<SettleResult> {
  const operation = await deps.db.walletOperation.findUnique({
    where: { id: operationId },
    include: { bankAccount: true },
  });
  if (!operation || operation.status !== 'PENDING' || operation.kind === 'TRANSFER' || operation.kind === 'REFUND')
    return 'NOT_PENDING';

  const state = await deps.bank.queryRequest(operation.id);
  if (state === null) {
    if (operation.kind === 'TOP_UP' || operation.kind === 'PAYMENT') {
      if (Date.now() - operation.createdAt.getTime() < UNKNOWN_TOP_UP_GRACE_MS) return 'STILL_PENDING';
      await completeOperation(deps, operation.id, { status: 'FAILED', reason: 'BANK_UNAVAILABLE' });
      return 'SETTLED';
    }
    if (!operation.bankAccount) throw new Error(`payout ${operation.id} has no bank account`);
    try {
      const final = await completeFromPayoutAnswer(
        deps,
        operation,
        await submitPayout(deps, operation, operation.bankAccount),
      );
      return final ? 'SETTLED' : 'STILL_PENDING';
    } catch (error) {
      if (error instanceof BankOutcomeUnknownError || error instanceof BankRequestFailedError) return 'STILL_PENDING';
      throw error;
    }
  }
  if (state.status !== 'SUCCEEDED' && state.status !== 'FAILED') return 'STILL_PENDING';
  const completion = await completeOperation(
    deps,
    operation.id,
    state.status === 'SUCCEEDED'
      ? { status: 'SUCCEEDED', amount: state.amount, currency: state.currency, bankReference: state.bankReference }
      : { status: 'FAILED', reason: state.failureReason ?? 'DECLINED', bankReference: state.bankReference },
  );
  // A mismatch stays pending for a person to look at (reconciliation shows it).
  return completion.result === 'MISMATCH' ? 'STILL_PENDING' : 'SETTLED';
}
