// The payment from the balance as it was written before the one-round-trip path
// (pay-order-from-balance.ts): step by step through the Prisma client in one interactive
// transaction, ~24 statements. Kept, unchanged, as the reference that
// pay-order-lean.integration.test.ts proves the lean path against (same rows, same answers).
import 'server-only';
import { buildJournalEntry, payFromBalancePostings, type Currency } from '@/ledger';
import { applyLedgerOps, okOrThrow } from '../../stored-ledger';
import { verifyPaymentPin } from '../../pin/verify-payment-pin';
import { inTransaction } from '../../core/in-transaction';
import { settlementKey } from '../../wallet/operations/settlement-key';
import type { AppDeps } from '../../core/deps';
import { beginOrderPayment } from '../begin-order-payment';
import { markOrderPaid } from '../mark-order-paid';
import { merchantFee } from '../merchant-fee';

import type { PayFromBalanceInput } from '../pay-order-from-balance';

export async function payOrderStepByStep(
  deps: AppDeps,
  input: PayFromBalanceInput,
): Promise<{ operationId: string; orderId: string }> {
  await verifyPaymentPin(deps.db, input.userId, input.pin);
  return inTransaction(deps.db, async (tx) => {
    const { order, merchant, ...begun } = await beginOrderPayment(tx, { ...input, method: 'BALANCE' });
    if (begun.replayed) return { operationId: begun.operation.id, orderId: order.id };

    const fee = merchantFee(order.amount, merchant);
    const entry = buildJournalEntry({
      kind: 'PAYMENT',
      postings: payFromBalancePostings({
        userId: input.userId,
        merchantId: merchant.id,
        amount: order.amount,
        merchantFee: fee,
        currency: order.currency as Currency,
      }),
      idempotencyKey: settlementKey(begun.operation),
      metadata: { operationId: begun.operation.id, orderId: order.id },
    });
    const [result] = await applyLedgerOps(tx, [{ type: 'transfer', entry, idempotencyScope: 'wallet' }]);
    const ledgerEntryId = okOrThrow(result!).entryId; // InsufficientFundsError rolls everything back
    await tx.walletOperation.update({
      where: { id: begun.operation.id },
      data: {
        status: 'SUCCEEDED',
        ledgerEntryId,
        completedAt: new Date(),
        events: { create: { type: 'SETTLED', detail: { ledgerEntryId } } },
      },
    });
    await markOrderPaid(tx, deps, order, merchant, {
      userId: input.userId,
      method: 'BALANCE',
      operationId: begun.operation.id,
      ledgerEntryId,
      fee,
    });
    return { operationId: begun.operation.id, orderId: order.id };
  });
}
