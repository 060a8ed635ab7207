// The store's notification receiver on real PostgreSQL: only a verified notice changes an
// order, an event is applied once however often (and however concurrently) it arrives, and
// an order is marked paid only when the wallet's amount is the store's.
import { describe, expect, it } from 'vitest';
import { signWalletBody, TEST_WEBHOOK_SECRET, setUpStoreTestContext, walletEvent } from '../testing/store-test-context';
import { receiveWalletNotification } from './receive-notification';

const ctx = setUpStoreTestContext();

function deliver(body: string, signature: string | null, eventId: string | null = null) {
  return receiveWalletNotification(ctx.pool, TEST_WEBHOOK_SECRET, {
    rawBody: body,
    signatureHeader: signature,
    eventIdHeader: eventId,
  });
}

async function verifiedRows(eventId: string) {
  const { rows } = await ctx.pool.query(
    'SELECT outcome FROM demo_store.notifications WHERE event_id = $1 AND verified',
    [eventId],
  );
  return rows.map((r) => r.outcome as string);
}

describe('receiveWalletNotification', () => {
  it('marks the order paid on a verified order.paid, once, even when the event is sent twice', async () => {
    const order = await ctx.newOrder();
    const event = walletEvent('order.paid', order);

    const first = await deliver(event.body, signWalletBody(event.body), event.id);
    expect(first).toEqual({ status: 200, body: { received: true, duplicate: false, outcome: 'APPLIED' } });
    const paid = await ctx.reload(order);
    expect(paid.status).toBe('PAID');
    expect(paid.walletOrderId).toBe(`wo-${order.orderNo}`);
    expect(paid.paidAt).not.toBeNull();

    // The resend (new signature time, same event): acknowledged, nothing applied again.
    const again = await deliver(event.body, signWalletBody(event.body), event.id);
    expect(again).toEqual({ status: 200, body: { received: true, duplicate: true } });
    expect(await verifiedRows(event.id)).toEqual(['APPLIED']);
    expect((await ctx.reload(order)).paidAt).toEqual(paid.paidAt);
  });

  it('applies an event delivered several times at once exactly once', async () => {
    const order = await ctx.newOrder([{ productId: 'ceramic-mug', quantity: 1 }]);
    const event = walletEvent('order.paid', order);
    const results = await Promise.all(Array.from({ length: 6 }, () => deliver(event.body, signWalletBody(event.body))));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(results.filter((r) => r.status === 200 && !r.body.duplicate)).toHaveLength(1);
    expect(await verifiedRows(event.id)).toEqual(['APPLIED']);
    expect((await ctx.reload(order)).status).toBe('PAID');
  });

  it('a second, different order.paid event for a paid order changes nothing', async () => {
    const order = await ctx.newOrder();
    const first = walletEvent('order.paid', order);
    await deliver(first.body, signWalletBody(first.body));
    const paidAt = (await ctx.reload(order)).paidAt;
    const second = walletEvent('order.paid', order);
    expect(await deliver(second.body, signWalletBody(second.body))).toMatchObject({
      status: 200,
      body: { outcome: 'IGNORED' },
    });
    expect((await ctx.reload(order)).paidAt).toEqual(paidAt);
  });

  it.each([
    [
      'one changed byte in the body',
      (body: string) => ({ body: body.replace('"PAID"', '"PAIE"'), signature: signWalletBody(body) }),
    ],
    [
      'another secret',
      (body: string) => ({ body, signature: signWalletBody(body, 'whsec_someone_else_0123456789abcdef') }),
    ],
    [
      'a stale timestamp (6 minutes old)',
      (body: string) => ({
        body,
        signature: signWalletBody(body, TEST_WEBHOOK_SECRET, Math.floor(Date.now() / 1000) - 360),
      }),
    ],
    ['no header', (body: string) => ({ body, signature: null })],
    ['a malformed header', (body: string) => ({ body, signature: 'v1=abc' })],
  ])('refuses %s with 400 and changes no order', async (_name, tamper) => {
    const order = await ctx.newOrder();
    const event = walletEvent('order.paid', order);
    const { body, signature } = tamper(event.body);
    const result = await deliver(body, signature, event.id);
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ error: { code: 'BAD_SIGNATURE' } });
    expect((await ctx.reload(order)).status).toBe('CREATED');
    expect(await verifiedRows(event.id)).toEqual([]);
    // Refused notices are logged for the owner, unverified; they cannot block the real event.
    const { rows } = await ctx.pool.query(
      `SELECT verified, outcome FROM demo_store.notifications WHERE event_id = $1`,
      [event.id],
    );
    expect(rows).toEqual([{ verified: false, outcome: 'REFUSED' }]);
    const genuine = await deliver(event.body, signWalletBody(event.body), event.id);
    expect(genuine).toMatchObject({ status: 200, body: { duplicate: false, outcome: 'APPLIED' } });
  });

  it('does not mark an order paid when the amount differs (a verified notice, still refused)', async () => {
    const order = await ctx.newOrder(); // ¥136.00
    const event = walletEvent('order.paid', order, { amount: Number(order.amount) - 1 });
    expect(await deliver(event.body, signWalletBody(event.body))).toMatchObject({
      status: 200,
      body: { outcome: 'MISMATCH' },
    });
    expect((await ctx.reload(order)).status).toBe('CREATED');
  });

  it('does not mark an order paid for another wallet order once one is linked', async () => {
    const order = await ctx.newOrder();
    await ctx.pool.query('UPDATE demo_store.orders SET wallet_order_id = $2 WHERE id = $1', [order.id, 'wo-linked']);
    const event = walletEvent('order.paid', order, { walletOrderId: 'wo-other' });
    expect(await deliver(event.body, signWalletBody(event.body))).toMatchObject({
      status: 200,
      body: { outcome: 'MISMATCH' },
    });
    expect((await ctx.reload(order)).status).toBe('CREATED');
  });

  it('answers UNKNOWN_ORDER for a merchant_order_no the store never made', async () => {
    const event = walletEvent('order.paid', { orderNo: 'DS-19990101-999999', amount: 100n });
    expect(await deliver(event.body, signWalletBody(event.body))).toMatchObject({
      status: 200,
      body: { outcome: 'UNKNOWN_ORDER' },
    });
  });

  it('closes an unpaid order on order.closed, and never a paid one', async () => {
    const unpaid = await ctx.newOrder();
    const closed = walletEvent('order.closed', unpaid);
    expect(await deliver(closed.body, signWalletBody(closed.body))).toMatchObject({
      status: 200,
      body: { outcome: 'APPLIED' },
    });
    expect((await ctx.reload(unpaid)).status).toBe('CLOSED');

    const paid = await ctx.newOrder();
    const paidEvent = walletEvent('order.paid', paid);
    await deliver(paidEvent.body, signWalletBody(paidEvent.body));
    const late = walletEvent('order.closed', paid);
    expect(await deliver(late.body, signWalletBody(late.body))).toMatchObject({
      status: 200,
      body: { outcome: 'IGNORED' },
    });
    expect((await ctx.reload(paid)).status).toBe('PAID');
  });

  it('records the cumulative refunded amount, ignoring an older figure that arrives late', async () => {
    const order = await ctx.newOrder(); // 13,600 fen
    const paid = walletEvent('order.paid', order);
    await deliver(paid.body, signWalletBody(paid.body));
    const half = walletEvent('order.refunded', order, { amountRefunded: 6_800 });
    const all = walletEvent('order.refunded', order, { amountRefunded: 13_600, status: 'REFUNDED' });
    expect(await deliver(all.body, signWalletBody(all.body))).toMatchObject({ body: { outcome: 'APPLIED' } });
    expect(await deliver(half.body, signWalletBody(half.body))).toMatchObject({ body: { outcome: 'IGNORED' } });
    expect((await ctx.reload(order)).refundedAmount).toBe(13_600n);
    const tooMuch = walletEvent('order.refunded', order, { amountRefunded: 13_601 });
    expect(await deliver(tooMuch.body, signWalletBody(tooMuch.body))).toMatchObject({ body: { outcome: 'MISMATCH' } });
    expect((await ctx.reload(order)).refundedAmount).toBe(13_600n);
  });

  it('acknowledges event types the store does not use', async () => {
    const event = walletEvent('payout.succeeded', { orderNo: 'x', amount: 1n });
    expect(await deliver(event.body, signWalletBody(event.body))).toMatchObject({
      status: 200,
      body: { outcome: 'UNSUPPORTED' },
    });
  });

  it('refuses a verified body that is not an event, recording nothing', async () => {
    const body = JSON.stringify({ hello: 'world' });
    expect(await deliver(body, signWalletBody(body))).toMatchObject({
      status: 400,
      body: { error: { code: 'INVALID_EVENT' } },
    });
  });

  it('answers 503 (retry later) when the store has no webhook secret', async () => {
    const order = await ctx.newOrder();
    const event = walletEvent('order.paid', order);
    const result = await receiveWalletNotification(ctx.pool, undefined, {
      rawBody: event.body,
      signatureHeader: signWalletBody(event.body),
      eventIdHeader: null,
    });
    expect(result.status).toBe(503);
    expect((await ctx.reload(order)).status).toBe('CREATED');
  });
});
