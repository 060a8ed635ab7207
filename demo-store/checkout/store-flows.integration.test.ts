// Checkout, the active query and shipment, with the store's real HTTP client against a fake
// wallet: what the store sends (key, Idempotency-Key, body) and what it does with answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WalletApiError, WalletUnreachableError } from '../errors';
import { refreshStoreOrder } from '../orders/refresh-store-order';
import { findStoreOrderOrThrow, listStoreOrders } from '../orders/store-order';
import { shipStoreOrder } from '../shipping/ship-store-order';
import type { StoreDeps } from '../store-deps';
import { startFakeWallet, walletOrderJson, type FakeWallet } from '../testing/fake-wallet';
import { setUpStoreTestContext } from '../testing/store-test-context';
import { createWalletClient } from '../wallet-api/wallet-client';
import { checkOutCart, EmptyCartError } from './check-out-cart';

const ctx = setUpStoreTestContext();
const API_KEY = 'sk_TESTtestTEST_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
let wallet: FakeWallet;
let deps: StoreDeps;

beforeAll(async () => {
  wallet = await startFakeWallet();
  deps = {
    pool: ctx.pool,
    wallet: createWalletClient({ baseUrl: wallet.baseUrl, apiKey: API_KEY, timeoutMs: 2_000 }),
    storeOrigin: 'http://shop.test',
  };
});
afterAll(async () => {
  await wallet?.close();
});

/** Answers POST /orders by echoing the request as a PENDING order. */
function walletCreatesOrders() {
  wallet.answer = (req) => {
    const body = JSON.parse(req.body);
    return {
      status: 201,
      body: walletOrderJson({
        id: `wo-${body.merchant_order_no}`,
        merchant_order_no: body.merchant_order_no,
        amount: body.amount,
      }),
    };
  };
}

describe('checkOutCart', () => {
  it('creates the store order and the wallet order with the store order id as Idempotency-Key', async () => {
    walletCreatesOrders();
    wallet.requests.length = 0;
    const { order, checkoutUrl } = await checkOutCart(deps, [
      { productId: 'coffee-beans', quantity: 1 },
      { productId: 'pour-over-dripper', quantity: 2 },
    ]);
    expect(order.amount).toBe(6_800n + 2n * 4_550n);
    expect(order.orderNo).toMatch(/^DS-\d{8}-\d{6}$/);
    expect(checkoutUrl).toBe(`http://wallet.test/pay/wo-${order.orderNo}`);

    expect(wallet.requests).toHaveLength(1);
    const req = wallet.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/api/v1/orders');
    expect(req.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(req.headers['idempotency-key']).toBe(order.id);
    expect(JSON.parse(req.body)).toEqual({
      merchant_order_no: order.orderNo,
      amount: 15_900,
      currency: 'CNY',
      subject: '云南小粒咖啡豆 ×1 等 3 件商品',
      notify_url: 'http://shop.test/api/demo-store/notify',
      return_url: `http://shop.test/demo-store/orders/${order.id}`,
    });
    const stored = await findStoreOrderOrThrow(ctx.pool, order.id);
    expect(stored).toMatchObject({ status: 'CREATED', walletOrderId: `wo-${order.orderNo}`, checkoutUrl });
  });

  it('refuses an empty cart without writing anything', async () => {
    const before = (await listStoreOrders(ctx.pool, 1000)).length;
    await expect(checkOutCart(deps, [])).rejects.toBeInstanceOf(EmptyCartError);
    expect((await listStoreOrders(ctx.pool, 1000)).length).toBe(before);
  });

  it("surfaces the wallet's error and leaves the store order unlinked", async () => {
    wallet.answer = () => ({
      status: 422,
      body: { error: { code: 'INVALID_INPUT', message: 'amount is too large', field: 'amount' } },
    });
    const err = await checkOutCart(deps, [{ productId: 'ceramic-mug', quantity: 1 }]).catch((e) => e);
    expect(err).toBeInstanceOf(WalletApiError);
    expect(err).toMatchObject({ status: 422, walletCode: 'INVALID_INPUT', field: 'amount' });
    const [latest] = await listStoreOrders(ctx.pool, 1);
    expect(latest).toMatchObject({ status: 'CREATED', walletOrderId: null });
  });

  it('refuses an answer that is not the order it asked for', async () => {
    wallet.answer = (req) => {
      const body = JSON.parse(req.body);
      return {
        status: 201,
        body: walletOrderJson({ id: 'wo-x', merchant_order_no: body.merchant_order_no, amount: body.amount + 1 }),
      };
    };
    await expect(checkOutCart(deps, [{ productId: 'ceramic-mug', quantity: 1 }])).rejects.toBeInstanceOf(
      WalletUnreachableError,
    );
  });
});

describe('refreshStoreOrder (the active query when the notice is late)', () => {
  async function createdOrder() {
    walletCreatesOrders();
    return (await checkOutCart(deps, [{ productId: 'coffee-beans', quantity: 1 }])).order;
  }

  it('marks the order paid when the wallet says PAID with the same amount', async () => {
    const order = await createdOrder();
    wallet.requests.length = 0;
    wallet.answer = () => ({
      status: 200,
      body: walletOrderJson({
        id: order.walletOrderId!,
        merchant_order_no: order.orderNo,
        amount: 6_800,
        status: 'PAID',
      }),
    });
    const { order: refreshed, outcome } = await refreshStoreOrder(deps, order.id);
    expect(outcome).toBe('APPLIED');
    expect(refreshed.status).toBe('PAID');
    expect(wallet.requests[0]).toMatchObject({
      method: 'GET',
      path: `/api/v1/orders?merchant_order_no=${order.orderNo}`,
    });
    // Paid now: no more questions to the wallet.
    wallet.requests.length = 0;
    await refreshStoreOrder(deps, order.id);
    expect(wallet.requests).toHaveLength(0);
  });

  it.each([
    ['PENDING', 6_800, 'CREATED'],
    ['PAID', 6_799, 'CREATED'],
    ['REFUNDED', 6_800, 'PAID'],
    ['EXPIRED', 6_800, 'CLOSED'],
  ])('wallet says %s with amount %s → store order %s', async (status, amount, expected) => {
    const order = await createdOrder();
    wallet.answer = () => ({
      status: 200,
      body: walletOrderJson({ id: order.walletOrderId!, merchant_order_no: order.orderNo, amount, status }),
    });
    expect((await refreshStoreOrder(deps, order.id)).order.status).toBe(expected);
  });

  it('changes nothing when the wallet has no such order (404)', async () => {
    const order = await createdOrder();
    wallet.answer = () => ({ status: 404, body: { error: { code: 'NOT_FOUND', message: 'no such order' } } });
    expect(await refreshStoreOrder(deps, order.id)).toMatchObject({
      outcome: 'UNCHANGED',
      order: { status: 'CREATED' },
    });
  });

  it('reports an unreachable wallet instead of guessing', async () => {
    const order = await createdOrder();
    const unreachable: StoreDeps = {
      ...deps,
      wallet: createWalletClient({ baseUrl: 'http://127.0.0.1:9/api/v1', apiKey: API_KEY, timeoutMs: 1_000 }),
    };
    await expect(refreshStoreOrder(unreachable, order.id)).rejects.toBeInstanceOf(WalletUnreachableError);
    expect((await findStoreOrderOrThrow(ctx.pool, order.id)).status).toBe('CREATED');
  });
});

describe('shipStoreOrder', () => {
  it('tells the wallet first, then marks the order shipped; the same details use the same Idempotency-Key', async () => {
    walletCreatesOrders();
    const { order } = await checkOutCart(deps, [{ productId: 'ceramic-mug', quantity: 2 }]);
    await expect(
      shipStoreOrder(deps, { storeOrderId: order.id, carrier: '顺丰速运', trackingNo: 'SF1' }),
    ).rejects.toMatchObject({ code: 'STORE_ORDER_NOT_PAID' });

    wallet.answer = () => ({
      status: 200,
      body: walletOrderJson({
        id: order.walletOrderId!,
        merchant_order_no: order.orderNo,
        amount: 5_980,
        status: 'PAID',
      }),
    });
    await refreshStoreOrder(deps, order.id);

    // The first try times out at the wallet's side (500): the order stays PAID.
    wallet.answer = () => ({ status: 500, body: { error: { code: 'INTERNAL', message: 'boom' } } });
    wallet.requests.length = 0;
    await expect(
      shipStoreOrder(deps, { storeOrderId: order.id, carrier: '顺丰速运', trackingNo: 'SF1234567890' }),
    ).rejects.toBeInstanceOf(WalletApiError);
    expect((await findStoreOrderOrThrow(ctx.pool, order.id)).status).toBe('PAID');

    const shippedAt = '2026-11-26T02:00:00.000Z';
    wallet.answer = () => ({
      status: 200,
      body: walletOrderJson({
        id: order.walletOrderId!,
        merchant_order_no: order.orderNo,
        amount: 5_980,
        status: 'SHIPPED',
        shipment: { carrier: '顺丰速运', tracking_number: 'SF1234567890', shipped_at: shippedAt },
      }),
    });
    const shipped = await shipStoreOrder(deps, {
      storeOrderId: order.id,
      carrier: '顺丰速运',
      trackingNo: 'SF1234567890',
    });
    expect(shipped).toMatchObject({
      status: 'SHIPPED',
      carrier: '顺丰速运',
      trackingNo: 'SF1234567890',
      shippedAt: new Date(shippedAt),
    });
    expect(wallet.requests.map((r) => r.path)).toEqual([
      `/api/v1/orders/${order.walletOrderId}/shipment`,
      `/api/v1/orders/${order.walletOrderId}/shipment`,
    ]);
    const [k1, k2] = wallet.requests.map((r) => r.headers['idempotency-key']);
    expect(k1).toBe(k2);
    expect(JSON.parse(wallet.requests[1]!.body)).toEqual({ carrier: '顺丰速运', tracking_number: 'SF1234567890' });

    // Shipped: a second submit does not call the wallet again.
    wallet.requests.length = 0;
    await shipStoreOrder(deps, { storeOrderId: order.id, carrier: '顺丰速运', trackingNo: 'SF1234567890' });
    expect(wallet.requests).toHaveLength(0);
  });
});
