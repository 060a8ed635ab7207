// The steps a withdrawal and a merchant payout share (both move money out to a bank account
// from a balance): inside the request's transaction, hold amount + fee and enqueue the status
// query with it; after the commit, send the payout and apply a final answer. An unknown
// outcome keeps the hold: only the bank's answer (now, by notice or by the status query)
// posts or voids it.
import 'server-only';
import type { JournalEntry } from '@/ledger';
import { BankOutcomeUnknownError, BankRequestFailedError } from '../../bank/bank-gateway';
import type { Tx } from '../../db';
import type { BankAccount, WalletOperation } from '../../generated/prisma/client';
import { QUEUES } from '../../jobs/job-queue';
import { applyLedgerOps, okOrThrow } from '../../stored-ledger';
import type { AppDeps } from '../../core/deps';
import { completeOperation } from './complete-operation';
import { completeFromPayoutAnswer, submitPayout } from './submit-payout';

/** First status query after this many seconds (the bank usually answers at once). */
export const PAYOUT_STATUS_QUERY_SECONDS = 30;

/**
 * Holds the entry's amount + fee (no expiry: it ends only with the bank's answer), records the
 * hold on the operation and enqueues its status query, all in the caller's transaction.
 * InsufficientFundsError rolls the whole request back.
 */
export async function holdPayoutFunds(
  tx: Tx,
  deps: Pick<AppDeps, 'jobs'>,
  operation: WalletOperation,
  entry: JournalEntry,
): Promise<WalletOperation> {
  const [held] = await applyLedgerOps(tx, [{ type: 'hold', entry, idempotencyScope: 'wallet' }]);
  const holdId = okOrThrow(held!).entryId;
  const updated = await tx.walletOperation.update({ where: { id: operation.id }, data: { holdId } });
  await deps.jobs.enqueue(
    tx,
    QUEUES.settleOperation,
    { operationId: updated.id },
    { startAfterSeconds: PAYOUT_STATUS_QUERY_SECONDS },
  );
  return updated;
}

/** Sends the held payout to the bank and applies its answer when it is final. */
export async function sendHeldPayout(deps: AppDeps, operation: WalletOperation, account: BankAccount): Promise<void> {
  try {
    await completeFromPayoutAnswer(deps, operation, await submitPayout(deps, operation, account));
  } catch (error) {
    if (error instanceof BankRequestFailedError && error.status !== null && error.status < 500) {
      // The bank refused the request itself: it did nothing, release the funds.
      await completeOperation(deps, operation.id, { status: 'FAILED', reason: error.bankCode ?? 'BANK_REJECTED' });
    } else if (!(error instanceof BankOutcomeUnknownError || error instanceof BankRequestFailedError)) {
      throw error;
    }
    // Unknown or unreachable: the hold stays; the status-query job settles it.
  }
}
