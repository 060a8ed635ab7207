// Shared set-up of the store's integration tests: its schema migrated on this run's fresh
// database, a pool, and signing as the wallet does it (HMAC-SHA256 over "<t>.<body>").
import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { testDatabaseUrl } from '../../scripts/test/test-database-url';
import { priceCart, type CartLine } from '../cart';
import { applyDemoStoreMigrations } from '../db/migrate';
import { createDemoStorePool, type StorePool } from '../db/pool';
import { createStoreOrder } from '../orders/create-store-order';
import { findStoreOrderOrThrow, type StoreOrder } from '../orders/store-order';

export const TEST_WEBHOOK_SECRET = `whsec_test_${'x'.repeat(40)}`;

export type StoreTestContext = {
  pool: StorePool;
  newOrder(cart?: CartLine[]): Promise<StoreOrder>;
  reload(order: StoreOrder): Promise<StoreOrder>;
};

export function setUpStoreTestContext(): StoreTestContext {
  const ctx = {} as StoreTestContext;
  beforeAll(async () => {
    await applyDemoStoreMigrations(testDatabaseUrl());
    ctx.pool = createDemoStorePool(testDatabaseUrl(), 5);
    ctx.newOrder = (cart = [{ productId: 'coffee-beans', quantity: 2 }]) =>
      createStoreOrder(ctx.pool, priceCart(cart).lines);
    ctx.reload = (order) => findStoreOrderOrThrow(ctx.pool, order.id);
  });
  afterAll(async () => {
    await ctx.pool?.end();
  });
  return ctx;
}

export function signWalletBody(body: string, secret = TEST_WEBHOOK_SECRET, at = Math.floor(Date.now() / 1000)): string {
  return `t=${at},v1=${createHmac('sha256', secret).update(`${at}.${body}`, 'utf8').digest('hex')}`;
}

/** A wallet event about `order`, as the contract shapes it (amounts as integers). */
export function walletEvent(
  type: 'order.paid' | 'order.closed' | 'order.refunded' | 'payout.succeeded',
  order: { orderNo: string; amount: bigint },
  overrides: {
    walletOrderId?: string;
    amount?: number;
    amountRefunded?: number;
    status?: string;
    eventId?: string;
  } = {},
): { id: string; body: string } {
  const id = overrides.eventId ?? `evt_${randomUUID()}`;
  const status =
    overrides.status ??
    {
      'order.paid': 'PAID',
      'order.closed': 'CLOSED',
      'order.refunded': 'PARTIALLY_REFUNDED',
      'payout.succeeded': 'PAID',
    }[type];
  const now = new Date().toISOString();
  const object =
    type === 'payout.succeeded'
      ? {
          id: randomUUID(),
          object: 'payout',
          amount: 1000,
          fee: 0,
          currency: 'CNY',
          status: 'SUCCEEDED',
          failure_reason: null,
          created_at: now,
        }
      : {
          id: overrides.walletOrderId ?? `wo-${order.orderNo}`,
          object: 'order',
          merchant_order_no: order.orderNo,
          amount: overrides.amount ?? Number(order.amount),
          currency: 'CNY',
          subject: '测试',
          status,
          amount_refunded: overrides.amountRefunded ?? 0,
          fee: 0,
          payment_method: 'balance',
          checkout_url: 'http://localhost:3000/pay/x',
          notify_url: null,
          return_url: null,
          shipment: null,
          expires_at: now,
          paid_at: type === 'order.closed' ? null : now,
          closed_at: type === 'order.closed' ? now : null,
          created_at: now,
        };
  return { id, body: JSON.stringify({ id, type, created_at: now, data: { object } }) };
}
