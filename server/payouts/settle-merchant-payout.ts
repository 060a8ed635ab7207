// The bank's outcome for a merchant payout (inside completeOperation's transaction, the
// operation locked and PENDING): post the hold of amount + fee on the merchant balance, or
// void it; tell the merchant's server (payout.succeeded / payout.failed) and its user.
import 'server-only';
import type { Tx } from '../db';
import type { WalletOperation } from '../generated/prisma/client';
import { applyLedgerOps, okOrThrow } from '../stored-ledger';
import { addNotification } from '../notifications/add-notification';
import type { CompletionDeps } from '../wallet/operations/completion-deps';
import { markOperationFailed, markOperationSucceeded } from '../wallet/operations/mark-operation-final';
import { recordWebhookEvent } from '../webhooks/record-webhook-event';
import { toPayoutJson } from './payout-json';

export async function settleMerchantPayout(
  tx: Tx,
  deps: CompletionDeps,
  operation: WalletOperation,
  bankReference: string,
): Promise<WalletOperation> {
  if (!operation.holdId || !operation.merchantId) throw new Error(`payout ${operation.id} has no hold or merchant`);
  const [result] = await applyLedgerOps(tx, [{ type: 'postHold', holdId: operation.holdId }]);
  const ledgerEntryId = okOrThrow(result!).entryId;
  const updated = await markOperationSucceeded(tx, operation, {
    ledgerEntryId,
    bankReference,
    events: [{ type: 'SETTLED', detail: { bankReference, ledgerEntryId } }],
  });
  await tell(tx, deps, updated, operation.merchantId, 'payout.succeeded', 'PAYOUT_PAID');
  return updated;
}

export async function failMerchantPayout(
  tx: Tx,
  deps: CompletionDeps,
  operation: WalletOperation,
  outcome: { reason: string; bankReference?: string | null },
): Promise<WalletOperation> {
  if (!operation.holdId || !operation.merchantId) throw new Error(`payout ${operation.id} has no hold or merchant`);
  const [result] = await applyLedgerOps(tx, [{ type: 'voidHold', holdId: operation.holdId }]);
  okOrThrow(result!);
  const updated = await markOperationFailed(tx, operation, outcome);
  await tell(tx, deps, updated, operation.merchantId, 'payout.failed', 'PAYOUT_FAILED');
  return updated;
}

async function tell(
  tx: Tx,
  deps: CompletionDeps,
  payout: WalletOperation,
  merchantId: string,
  type: 'payout.succeeded' | 'payout.failed',
  kind: 'PAYOUT_PAID' | 'PAYOUT_FAILED',
): Promise<void> {
  await recordWebhookEvent(tx, deps.jobs, { merchantId, type, data: { object: toPayoutJson(payout) } });
  await addNotification(tx, {
    userId: payout.userId,
    kind,
    operationId: payout.id,
    // The fee too: the message shows what left the merchant balance, not only what arrived.
    params: {
      amount: payout.amount.toString(),
      fee: payout.fee.toString(),
      currency: payout.currency,
      reason: payout.failureReason ?? '',
    },
  });
}
