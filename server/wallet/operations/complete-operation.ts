// Settles a pending top-up or withdrawal with the bank's outcome, exactly once: the
// operation row is locked and must still be PENDING; its ledger entry, status, timeline and
// notification commit together. Called by the bank notice handler and by the status-query job.
import 'server-only';
import { DEFAULT_CURRENCY, buildJournalEntry, topUpPostings, type Currency } from '@/ledger';
import type { Tx } from '../../db';
import type { WalletOperation } from '../../generated/prisma/client';
import { applyLedgerOps, okOrThrow } from '../../stored-ledger';
import { inTransaction } from '../../core/in-transaction';
import { markOperationFailed, markOperationSucceeded } from './mark-operation-final';
import { settlementKey } from './settlement-key';
import { addNotification } from '../../notifications/add-notification';
import type { CompletionDeps } from './completion-deps';
import { failOrderPayment, settleOrderPayment } from '../../orders/settle-order-payment';
import { failMerchantPayout, settleMerchantPayout } from '../../payouts/settle-merchant-payout';

export type BankOutcome =
  | { status: 'SUCCEEDED'; amount: bigint; currency: string; bankReference: string }
  | { status: 'FAILED'; reason: string; bankReference?: string | null };

export type CompletionResult =
  /** The outcome was applied now. */
  | { result: 'APPLIED'; operation: WalletOperation }
  /** Already final: nothing changed (a duplicate or late outcome). `conflicts` if it said otherwise. */
  | { result: 'ALREADY_FINAL'; operation: WalletOperation; conflicts: boolean }
  /** The outcome's amount or currency is not what was asked: refused, nothing changed. */
  | { result: 'MISMATCH'; operation: WalletOperation };

/** What completing needs: the database, and the job queue and origin for merchant notifications. */

export async function completeOperation(
  deps: CompletionDeps,
  operationId: string,
  outcome: BankOutcome,
): Promise<CompletionResult> {
  return inTransaction(deps.db, async (tx) => {
    const [locked] = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM wallet_operations WHERE id = ${operationId}::uuid FOR UPDATE`;
    if (!locked) throw new Error(`operation ${operationId} does not exist`);
    const operation = await tx.walletOperation.findUniqueOrThrow({ where: { id: operationId } });
    if (operation.status !== 'PENDING') {
      return { result: 'ALREADY_FINAL', operation, conflicts: operation.status !== outcome.status } as const;
    }
    if (
      outcome.status === 'SUCCEEDED' &&
      (outcome.amount !== operation.amount || outcome.currency !== operation.currency)
    ) {
      return { result: 'MISMATCH', operation } as const;
    }
    const updated = await applyOutcome(tx, deps, operation, outcome);
    return { result: 'APPLIED', operation: updated } as const;
  });
}

async function applyOutcome(
  tx: Tx,
  deps: CompletionDeps,
  operation: WalletOperation,
  outcome: BankOutcome,
): Promise<WalletOperation> {
  const succeeded = outcome.status === 'SUCCEEDED';
  switch (operation.kind) {
    case 'PAYMENT':
      return succeeded
        ? settleOrderPayment(tx, deps, operation, outcome.bankReference)
        : failOrderPayment(tx, operation, outcome);
    case 'PAYOUT':
      return succeeded
        ? settleMerchantPayout(tx, deps, operation, outcome.bankReference)
        : failMerchantPayout(tx, deps, operation, outcome);
    default:
      return succeeded ? succeed(tx, operation, outcome.bankReference) : fail(tx, operation, outcome);
  }
}

async function succeed(tx: Tx, operation: WalletOperation, bankReference: string): Promise<WalletOperation> {
  const currency = operation.currency as Currency;
  let ledgerEntryId: string;
  if (operation.kind === 'TOP_UP') {
    const entry = buildJournalEntry({
      kind: 'TOP_UP',
      postings: topUpPostings({ userId: operation.userId, amount: operation.amount, currency }),
      idempotencyKey: settlementKey(operation),
      metadata: { operationId: operation.id, bankReference },
    });
    const [result] = await applyLedgerOps(tx, [{ type: 'transfer', entry, idempotencyScope: 'wallet' }]);
    ledgerEntryId = okOrThrow(result!).entryId;
  } else if (operation.kind === 'WITHDRAWAL' && operation.holdId) {
    const [result] = await applyLedgerOps(tx, [{ type: 'postHold', holdId: operation.holdId }]);
    ledgerEntryId = okOrThrow(result!).entryId;
  } else {
    throw new Error(`operation ${operation.id} (${operation.kind}) is not settled by the bank`);
  }
  const updated = await markOperationSucceeded(tx, operation, {
    ledgerEntryId,
    bankReference,
    events: [
      ...(operation.kind === 'TOP_UP' ? [{ type: 'AUTHORISED', detail: { bankReference } }] : []),
      { type: 'SETTLED', detail: { bankReference, ledgerEntryId } },
    ],
  });
  await addNotification(tx, {
    userId: operation.userId,
    kind: operation.kind === 'TOP_UP' ? 'TOP_UP_CREDITED' : 'WITHDRAWAL_PAID',
    operationId: operation.id,
    // A withdrawal's fee too: the message shows what left the balance, not only what arrived.
    params: {
      amount: operation.amount.toString(),
      fee: operation.fee.toString(),
      currency: operation.currency ?? DEFAULT_CURRENCY,
    },
  });
  return updated;
}

async function fail(
  tx: Tx,
  operation: WalletOperation,
  outcome: Extract<BankOutcome, { status: 'FAILED' }>,
): Promise<WalletOperation> {
  if (operation.kind === 'WITHDRAWAL' && operation.holdId) {
    const [result] = await applyLedgerOps(tx, [{ type: 'voidHold', holdId: operation.holdId }]);
    okOrThrow(result!);
  }
  const updated = await markOperationFailed(tx, operation, outcome);
  await addNotification(tx, {
    userId: operation.userId,
    kind: operation.kind === 'TOP_UP' ? 'TOP_UP_FAILED' : 'WITHDRAWAL_FAILED',
    operationId: operation.id,
    params: {
      amount: operation.amount.toString(),
      fee: operation.fee.toString(),
      currency: operation.currency,
      reason: outcome.reason,
    },
  });
  return updated;
}
