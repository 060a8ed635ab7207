// The wallet's notification body (merchant API contract): {id, type, created_at, data}.
// Parsed only after its signature has been verified.
import { z } from 'zod';
import { walletOrderSchema } from '../wallet-api/wallet-order';

export const walletEventSchema = z.object({
  id: z.string().min(1).max(255),
  type: z.string().min(1).max(64),
  created_at: z.string(),
  data: z.object({ object: z.unknown() }).passthrough(),
});

export const orderEventDataSchema = z.object({ object: walletOrderSchema });

export const ORDER_EVENT_TYPES = ['order.paid', 'order.closed', 'order.refunded'] as const;
export type OrderEventType = (typeof ORDER_EVENT_TYPES)[number];

export function isOrderEventType(type: string): type is OrderEventType {
  return (ORDER_EVENT_TYPES as readonly string[]).includes(type);
}
