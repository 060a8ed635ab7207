// POST /orders, GET /orders/{id}, GET /orders?merchant_order_no= | ?limit=&starting_after=.
import { parseMinorUnits } from '@/ledger';
import { createOrder } from '../../orders/create-order';
import { findMerchantOrderOrThrow, findOrderByMerchantOrderNoOrThrow } from '../../orders/find-order-or-throw';
import { toOrderJson } from '../../orders/order-json';
import { listMerchantOrders } from '../../merchants/list-merchant-orders';
import { InvalidCursorError } from '../../stored-ledger';
import { InvalidInputError } from '../../core/domain-errors';
import { jsonAnswer } from '../api-answer';
import type { ApiAnswer } from '../idempotency';
import type { GetContext, PostContext } from '../merchant-api-route';
import { parseInputOrThrow } from '../parse-input-or-throw';
import { CreateOrderRequest, LIST_DEFAULT_LIMIT, ListQuery } from '../schemas';

export async function createOrderHandler({ deps, merchant, body }: PostContext): Promise<ApiAnswer> {
  const input = parseInputOrThrow(CreateOrderRequest, body);
  const order = await createOrder(deps.db, {
    merchantId: merchant.id,
    merchantOrderNo: input.merchant_order_no,
    amount: parseMinorUnits(input.amount),
    currency: input.currency,
    subject: input.subject,
    notifyUrl: input.notify_url ?? null,
    returnUrl: input.return_url ?? null,
    expiresInSeconds: input.expires_in,
  });
  return jsonAnswer(201, toOrderJson(order, deps.appUrl));
}

export async function getOrderHandler({ deps, merchant }: GetContext, orderId: string): Promise<ApiAnswer> {
  const order = await findMerchantOrderOrThrow(deps.db, merchant.id, orderId);
  return jsonAnswer(200, toOrderJson(order, deps.appUrl));
}

export async function listOrdersHandler({ deps, merchant, url }: GetContext): Promise<ApiAnswer> {
  const merchantOrderNo = url.searchParams.get('merchant_order_no');
  if (merchantOrderNo !== null) {
    const order = await findOrderByMerchantOrderNoOrThrow(deps.db, merchant.id, merchantOrderNo);
    return jsonAnswer(200, toOrderJson(order, deps.appUrl));
  }
  const query = parseInputOrThrow(ListQuery, Object.fromEntries(url.searchParams));
  const page = await listMerchantOrders(
    deps.db,
    merchant.id,
    {},
    { limit: query.limit ?? LIST_DEFAULT_LIMIT, cursor: query.starting_after },
  ).catch((error: unknown) => {
    // The same answer as a foreign cursor of balance_transactions: 400 INVALID_CURSOR.
    if (error instanceof InvalidInputError && error.field === 'cursor') throw new InvalidCursorError();
    throw error;
  });
  return jsonAnswer(200, {
    object: 'list',
    data: page.orders.map((order) => toOrderJson(order, deps.appUrl)),
    has_more: page.nextCursor !== null,
    next_cursor: page.nextCursor,
  });
}
