// What the wallet says about an order, applied to the store's order. One set of rules for
// both ways the store learns it (a verified notification, or its own query when the notice
// is late): the order is found by merchant_order_no, locked, and changed only when the
// wallet's amount (and wallet order id, once known) match the store's.
import 'server-only';
import type { Queryable } from '../db/pool';
import { lockStoreOrderByNo, type StoreOrder } from './store-order';

export type ApplyOutcome = 'APPLIED' | 'IGNORED' | 'MISMATCH' | 'UNKNOWN_ORDER';

export type WalletOrderFacts = {
  merchantOrderNo: string;
  walletOrderId: string;
  amount: bigint;
  currency: string;
};

type Checked = { order: StoreOrder } | { outcome: ApplyOutcome };

async function lockMatching(q: Queryable, facts: WalletOrderFacts): Promise<Checked> {
  const order = await lockStoreOrderByNo(q, facts.merchantOrderNo);
  if (!order) return { outcome: 'UNKNOWN_ORDER' };
  const sameOrder = order.walletOrderId === null || order.walletOrderId === facts.walletOrderId;
  if (!sameOrder || order.amount !== facts.amount || facts.currency !== 'CNY') return { outcome: 'MISMATCH' };
  return { order };
}

/** CREATED → PAID. Already paid, shipped or closed: nothing changes. */
export async function applyWalletPayment(
  q: Queryable,
  facts: WalletOrderFacts & { paidAt: Date | null },
): Promise<ApplyOutcome> {
  const checked = await lockMatching(q, facts);
  if ('outcome' in checked) return checked.outcome;
  if (checked.order.status !== 'CREATED') return 'IGNORED';
  await q.query(
    `UPDATE demo_store.orders SET status = 'PAID', paid_at = coalesce($2, now()), wallet_order_id = $3 WHERE id = $1`,
    [checked.order.id, facts.paidAt, facts.walletOrderId],
  );
  return 'APPLIED';
}

/** CREATED → CLOSED (closed or expired at the wallet, never paid). */
export async function applyWalletClosure(
  q: Queryable,
  facts: WalletOrderFacts & { closedAt: Date | null },
): Promise<ApplyOutcome> {
  const checked = await lockMatching(q, facts);
  if ('outcome' in checked) return checked.outcome;
  if (checked.order.status !== 'CREATED') return 'IGNORED';
  await q.query(
    `UPDATE demo_store.orders SET status = 'CLOSED', closed_at = coalesce($2, now()), wallet_order_id = $3 WHERE id = $1`,
    [checked.order.id, facts.closedAt, facts.walletOrderId],
  );
  return 'APPLIED';
}

/** Records the cumulative refunded amount; an older (smaller) figure arriving late changes nothing. */
export async function applyWalletRefund(
  q: Queryable,
  facts: WalletOrderFacts & { amountRefunded: bigint },
): Promise<ApplyOutcome> {
  const checked = await lockMatching(q, facts);
  if ('outcome' in checked) return checked.outcome;
  if (facts.amountRefunded > checked.order.amount) return 'MISMATCH';
  if (facts.amountRefunded <= checked.order.refundedAmount) return 'IGNORED';
  await q.query('UPDATE demo_store.orders SET refunded_amount = $2 WHERE id = $1', [
    checked.order.id,
    facts.amountRefunded.toString(),
  ]);
  return 'APPLIED';
}

/** A PENDING wallet order the store has not linked yet (the answer to create was lost). */
export async function linkWalletOrder(
  q: Queryable,
  storeOrderId: string,
  walletOrderId: string,
  checkoutUrl: string | null,
): Promise<void> {
  await q.query(
    `UPDATE demo_store.orders SET wallet_order_id = coalesce(wallet_order_id, $2), checkout_url = coalesce(checkout_url, $3) WHERE id = $1`,
    [storeOrderId, walletOrderId, checkoutUrl],
  );
}
