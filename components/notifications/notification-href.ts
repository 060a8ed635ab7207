// Where a notification leads: a shipment to the order (its page shows the payer carrier and
// tracking number), anything else about an operation to that operation's detail.
import { isUuid } from '@/lib/ids/is-uuid';

export function notificationHref(kind: string, params: unknown, operationId: string | null): string | null {
  const orderId = typeof params === 'object' && params !== null ? (params as { orderId?: unknown }).orderId : undefined;
  if (kind === 'ORDER_SHIPPED' && typeof orderId === 'string' && isUuid(orderId)) return `/pay/${orderId}`;
  return operationId ? `/activity/${operationId}` : null;
}
