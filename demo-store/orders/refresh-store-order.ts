// The active query a merchant makes when the notice is late: an order still CREATED asks the
// wallet (GET /orders?merchant_order_no=…) and is marked paid only when the wallet reports
// it paid with the same amount, by the same rules as a verified notification.
import { inStoreTransaction } from '../db/transaction';
import type { StoreDeps } from '../store-deps';
import { PAID_STATUSES } from '../wallet-api/wallet-order';
import { applyWalletClosure, applyWalletPayment, linkWalletOrder, type ApplyOutcome } from './apply-wallet-order';
import { findStoreOrderOrThrow, type StoreOrder } from './store-order';

export async function refreshStoreOrder(
  deps: StoreDeps,
  id: string,
): Promise<{ order: StoreOrder; outcome: ApplyOutcome | 'UNCHANGED' }> {
  const order = await findStoreOrderOrThrow(deps.pool, id);
  if (order.status !== 'CREATED') return { order, outcome: 'UNCHANGED' };
  const walletOrder = await deps.wallet.findOrderByMerchantOrderNo(order.orderNo);
  if (!walletOrder) return { order, outcome: 'UNCHANGED' };
  const facts = {
    merchantOrderNo: order.orderNo,
    walletOrderId: walletOrder.id,
    amount: walletOrder.amount,
    currency: walletOrder.currency,
  };
  let outcome: ApplyOutcome | 'UNCHANGED' = 'UNCHANGED';
  if (PAID_STATUSES.includes(walletOrder.status)) {
    const paidAt = walletOrder.paid_at ? new Date(walletOrder.paid_at) : null;
    outcome = await inStoreTransaction(deps.pool, (client) => applyWalletPayment(client, { ...facts, paidAt }));
  } else if (walletOrder.status === 'CLOSED' || walletOrder.status === 'EXPIRED') {
    const closedAt = walletOrder.closed_at ? new Date(walletOrder.closed_at) : null;
    outcome = await inStoreTransaction(deps.pool, (client) => applyWalletClosure(client, { ...facts, closedAt }));
  } else if (order.walletOrderId === null && walletOrder.amount === order.amount) {
    await linkWalletOrder(deps.pool, order.id, walletOrder.id, walletOrder.checkout_url ?? null);
  }
  return { order: await findStoreOrderOrThrow(deps.pool, id), outcome };
}
