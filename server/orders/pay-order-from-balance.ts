// Pay an order from the wallet balance (checkout): after the password is confirmed again,
// one transaction locks the order, checks that it is still payable on the database clock,
// writes the customer's PAYMENT operation and the ledger entry (D customer wallet, C merchant
// amount − fee, C fees) and marks the order PAID. Paid twice at once → money moves once.
import { buildJournalEntry, payFromBalancePostings, type Currency } from '@/ledger';
import { verifyUserPassword } from '../auth/verify-user-password';
import { applyLedgerOps, okOrThrow } from '../ledger';
import { inTransaction } from '../wallet/in-transaction';
import { settlementKey } from '../wallet/operations/settlement-key';
import { beginOperation } from '../wallet/operations/begin-operation';
import { WrongPasswordError } from '../wallet/wallet-errors';
import type { OrderDeps } from './order-deps';
import { lockOrderOrThrow } from './lock-order';
import { markOrderPaid } from './mark-order-paid';
import { merchantFee } from './merchant-fee';
import { OrderNotPayableError, OwnOrderError } from './order-errors';

export type PayFromBalanceInput = { userId: string; orderId: string; password: string; idempotencyKey: string };

export async function payOrderFromBalance(deps: OrderDeps, input: PayFromBalanceInput): Promise<{ operationId: string; orderId: string }> {
  if (!(await verifyUserPassword(deps.db, input.userId, input.password))) throw new WrongPasswordError();
  return inTransaction(deps.db, async (tx) => {
    // Lock order: order first, then the customer (beginOperation), as refunds do.
    const { order, openForPayment } = await lockOrderOrThrow(tx, input.orderId);
    const merchant = await tx.merchant.findUniqueOrThrow({ where: { id: order.merchantId } });
    if (merchant.userId === input.userId) throw new OwnOrderError();
    const begun = await beginOperation(tx, {
      userId: input.userId,
      kind: 'PAYMENT',
      amount: order.amount,
      currency: order.currency as Currency,
      idempotencyKey: input.idempotencyKey,
      orderId: order.id,
      merchantId: merchant.id,
      paymentMethod: 'BALANCE',
      memo: order.subject,
    });
    if (begun.replayed) return { operationId: begun.operation.id, orderId: order.id };
    if (!openForPayment) throw new OrderNotPayableError(order.status === 'PENDING' ? 'EXPIRED' : order.status);

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
    await markOrderPaid(tx, deps, order, merchant, { userId: input.userId, method: 'BALANCE', operationId: begun.operation.id, ledgerEntryId, fee });
    return { operationId: begun.operation.id, orderId: order.id };
  });
}
