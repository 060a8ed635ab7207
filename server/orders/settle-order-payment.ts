// The bank's outcome for an online-banking payment (inside completeOperation's transaction,
// the operation row already locked and PENDING). Succeeded: if the order still waits for
// payment it becomes PAID (D reserve, C merchant amount − fee, C fees); if it was closed,
// expired or paid another way meanwhile, the money the bank moved goes to the customer's
// balance (D reserve, C wallet) — never lost, never booked twice. Failed: the order stays
// PENDING so the customer can try again.
import 'server-only';
import { buildJournalEntry, onlineBankingPostings, topUpPostings, type Currency } from '@/ledger';
import type { Tx } from '../db';
import type { WalletOperation } from '../generated/prisma/client';
import { applyLedgerOps, okOrThrow } from '../stored-ledger';
import { addNotification } from '../notifications/add-notification';
import type { CompletionDeps } from '../wallet/operations/completion-deps';
import { markOperationFailed, markOperationSucceeded } from '../wallet/operations/mark-operation-final';
import { settlementKey } from '../wallet/operations/settlement-key';
import { lockOrderOrThrow } from './lock-order';
import { markOrderPaid } from './mark-order-paid';
import { merchantFee } from './merchant-fee';

export async function settleOrderPayment(
  tx: Tx,
  deps: CompletionDeps,
  operation: WalletOperation,
  bankReference: string,
): Promise<WalletOperation> {
  if (!operation.orderId) throw new Error(`payment ${operation.id} has no order`);
  const currency = operation.currency as Currency;
  // A bank-confirmed payment pays a PENDING order even if its expiry passed while the
  // customer was on the bank's page: the customer started paying in time.
  const { order } = await lockOrderOrThrow(tx, operation.orderId);
  const merchant = await tx.merchant.findUniqueOrThrow({ where: { id: order.merchantId } });
  const payable = order.status === 'PENDING';
  const fee = payable ? merchantFee(order.amount, merchant) : 0n;
  const entry = buildJournalEntry(
    payable
      ? {
          kind: 'ONLINE_BANKING_PAYMENT',
          postings: onlineBankingPostings({
            merchantId: merchant.id,
            amount: operation.amount,
            merchantFee: fee,
            currency,
          }),
          idempotencyKey: settlementKey(operation),
          metadata: { operationId: operation.id, orderId: order.id, bankReference },
        }
      : {
          kind: 'TOP_UP',
          postings: topUpPostings({ userId: operation.userId, amount: operation.amount, currency }),
          idempotencyKey: settlementKey(operation),
          metadata: { operationId: operation.id, orderId: order.id, bankReference, reason: 'ORDER_NOT_PAYABLE' },
        },
  );
  const [result] = await applyLedgerOps(tx, [{ type: 'transfer', entry, idempotencyScope: 'wallet' }]);
  const ledgerEntryId = okOrThrow(result!).entryId;
  const updated = await markOperationSucceeded(tx, operation, {
    ledgerEntryId,
    bankReference,
    events: [
      { type: 'AUTHORISED', detail: { bankReference } },
      payable
        ? { type: 'SETTLED', detail: { bankReference, ledgerEntryId } }
        : { type: 'CREDITED_TO_BALANCE', detail: { bankReference, ledgerEntryId, orderStatus: order.status } },
    ],
  });
  if (payable) {
    await markOrderPaid(tx, deps, order, merchant, {
      userId: operation.userId,
      method: 'BANK',
      operationId: operation.id,
      ledgerEntryId,
      fee,
    });
  } else {
    await addNotification(tx, {
      userId: operation.userId,
      kind: 'PAYMENT_CREDITED_TO_BALANCE',
      operationId: operation.id,
      params: {
        amount: operation.amount.toString(),
        currency,
        shop: merchant.shopName,
        subject: order.subject,
        orderId: order.id,
      },
    });
  }
  return updated;
}

export async function failOrderPayment(
  tx: Tx,
  operation: WalletOperation,
  outcome: { reason: string; bankReference?: string | null },
): Promise<WalletOperation> {
  const updated = await markOperationFailed(tx, operation, outcome);
  if (operation.orderId) {
    await tx.orderEvent.create({
      data: {
        orderId: operation.orderId,
        type: 'PAYMENT_FAILED',
        detail: { operationId: operation.id, reason: outcome.reason },
      },
    });
  }
  await addNotification(tx, {
    userId: operation.userId,
    kind: 'PAYMENT_FAILED',
    operationId: operation.id,
    params: {
      amount: operation.amount.toString(),
      currency: operation.currency,
      reason: outcome.reason,
      orderId: operation.orderId ?? '',
    },
  });
  return updated;
}
