// Example objects for the API docs page, built with the same functions the API answers with
// (toOrderJson / toRefundJson); docs-examples.test.ts checks them against the response schemas.
import 'server-only';
import type { Order, Refund } from '../generated/prisma/client';
import { toOrderJson, toRefundJson } from '../orders/order-json';

const ORDER_ID = '0193a4c2-7d1e-7c3a-9f1b-2b6c8e4d5a10';
const created = new Date('2026-11-26T06:30:00.000Z');

const pendingOrder: Order = {
  id: ORDER_ID,
  merchantId: '0193a4c0-0000-7000-8000-000000000001',
  merchantOrderNo: 'DS-20261126-0001',
  amount: 8888n,
  currency: 'CNY',
  subject: '咖啡豆 ×2',
  notifyUrl: 'https://shop.example/notify',
  returnUrl: 'https://shop.example/return',
  status: 'PENDING',
  expiresAt: new Date(created.getTime() + 1800_000),
  payerUserId: null,
  paymentMethod: null,
  paymentOperationId: null,
  merchantFee: 0n,
  refundedAmount: 0n,
  paidAt: null,
  closedAt: null,
  shippedAt: null,
  carrier: null,
  trackingNumber: null,
  createdAt: created,
  updatedAt: created,
};

const paidAt = new Date(created.getTime() + 95_000);
const paidOrder: Order = {
  ...pendingOrder,
  status: 'PAID',
  payerUserId: '0193a4c0-0000-7000-8000-0000000000aa',
  paymentMethod: 'BALANCE',
  paymentOperationId: '0193a4c3-0000-7000-8000-0000000000bb',
  merchantFee: 54n,
  paidAt,
};

const refund: Refund = {
  id: '0193a4d0-1111-7000-8000-0000000000cc',
  orderId: ORDER_ID,
  merchantId: pendingOrder.merchantId,
  amount: 4444n,
  reason: '部分缺货',
  ledgerEntryId: '0193a4d0-2222-7000-8000-0000000000dd',
  operationId: '0193a4d0-3333-7000-8000-0000000000ee',
  idempotencyKey: 'refund-DS-20261126-0001-1',
  requestHash: '',
  createdAt: new Date(created.getTime() + 3 * 3600_000),
};

export function docsExamples(appUrl: string) {
  const shipped = new Date(created.getTime() + 5 * 3600_000);
  return {
    orderId: ORDER_ID,
    pendingOrder: toOrderJson(pendingOrder, appUrl),
    paidOrder: toOrderJson(paidOrder, appUrl),
    shippedOrder: toOrderJson(
      { ...paidOrder, status: 'SHIPPED', carrier: '顺丰速运', trackingNumber: 'SF1234567890', shippedAt: shipped },
      appUrl,
    ),
    closedOrder: toOrderJson(
      { ...pendingOrder, status: 'CLOSED', closedAt: new Date(created.getTime() + 600_000) },
      appUrl,
    ),
    refund: toRefundJson(refund),
    orderList: { object: 'list', data: [toOrderJson(paidOrder, appUrl)], has_more: true, next_cursor: ORDER_ID },
    balance: { object: 'balance', currency: 'CNY', available: 1_250_000, pending: 50_000, posted: 1_300_000 },
    balanceTransactions: {
      object: 'list',
      data: [
        {
          id: 'bt_42',
          entry_id: '0193a4d0-2222-7000-8000-0000000000dd',
          kind: 'REFUND',
          amount: -4444,
          balance_after: 1_300_000,
          created_at: refund.createdAt.toISOString(),
          description: `退款 Refund · order ${ORDER_ID}`,
        },
        {
          id: 'bt_41',
          entry_id: '0193a4c3-4444-7000-8000-0000000000ff',
          kind: 'PAYMENT',
          amount: 8834,
          balance_after: 1_304_444,
          created_at: paidAt.toISOString(),
          description: `收款（余额支付）Payment from balance · order ${ORDER_ID}`,
        },
      ],
      has_more: true,
      next_cursor: 'czE6NDE',
    },
    error: {
      error: {
        code: 'INVALID_INPUT',
        message:
          'amount must be a JSON integer of minor units (fen), from 1 to 1000000000000000 — not a string, a float or an exponent form',
        field: 'amount',
      },
    },
    webhook: {
      id: '0193a4c3-9999-7000-8000-000000000123',
      type: 'order.paid',
      created_at: paidAt.toISOString(),
      data: { object: toOrderJson(paidOrder, appUrl) },
    },
  };
}
