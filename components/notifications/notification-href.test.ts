import { describe, expect, it } from 'vitest';
import { notificationHref } from './notification-href';

const ORDER = '01a215c2-ba9d-716a-a4e6-ec4af7a95745';
const OP = '01a215c2-ba9d-716a-a4e6-ec4af7a95746';

describe('notificationHref', () => {
  it.each([
    ['a shipment goes to its order', 'ORDER_SHIPPED', { orderId: ORDER }, OP, `/pay/${ORDER}`],
    [
      'a shipment without a valid order id falls back to the operation',
      'ORDER_SHIPPED',
      { orderId: '../admin' },
      OP,
      `/activity/${OP}`,
    ],
    ['a payment goes to its operation', 'PAYMENT_SUCCEEDED', { orderId: ORDER }, OP, `/activity/${OP}`],
    ['nothing to open', 'TRANSFER_RECEIVED', {}, null, null],
  ])('%s', (_name, kind, params, operationId, expected) => {
    expect(notificationHref(kind, params, operationId)).toBe(expected);
  });
});
