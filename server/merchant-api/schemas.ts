// The merchant API's shapes, as zod schemas: the same schemas parse requests (handlers) and
// describe responses, and openapi-document.ts turns both into the OpenAPI document. Unknown
// body fields are ignored (zod strips them), never applied.
import { z } from 'zod';
import { MAX_AMOUNT } from '@/ledger';
import { DEFAULT_EXPIRES_IN_SECONDS } from '../orders/create-order';
import { safeTextCheck } from '../text/safe-text';
import { privateHostRefusal } from '../webhooks/webhook-url';

/** Request schemas (converted with io "input": defaults make fields optional). */
export const requestSchemas = z.registry<{ id: string; description?: string }>();
/** Response schemas (converted with io "output"). */
export const responseSchemas = z.registry<{ id: string; description?: string }>();

const AMOUNT_MESSAGE = `amount must be a JSON integer of minor units (fen), from 1 to ${MAX_AMOUNT} — not a string, a float or an exponent form`;

/** Minor units as a JSON integer; strings, floats, exponent forms, 0, negatives and unsafe integers are refused. */
export const Amount = z
  .int({ error: AMOUNT_MESSAGE })
  .min(1, { error: AMOUNT_MESSAGE })
  .max(Number(MAX_AMOUNT), { error: AMOUNT_MESSAGE })
  .meta({ description: 'Integer amount in minor units (fen): 8888 = ¥88.88', examples: [8888] });

/** Free text: no control, invisible or text direction characters (server/text/find-unsafe-character.ts). */
const text = (min: number, max: number) => z.string().trim().min(min).max(max).check(safeTextCheck());
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http or https URL' }).max(2048);

export const CreateOrderRequest = z.object({
  merchant_order_no: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'merchant_order_no must be 1 to 64 characters A-Z a-z 0-9 _ -' })
    .meta({ description: 'Your own order number, unique among your orders', examples: ['DS-20261126-0001'] }),
  amount: Amount,
  currency: z.enum(['CNY']).default('CNY'),
  subject: text(1, 128).meta({ description: 'What the customer sees at checkout', examples: ['咖啡豆 ×2'] }),
  notify_url: httpUrl
    .refine((url) => privateHostRefusal(url) === null, {
      error: 'must be on a public address (not localhost or a private network)',
    })
    .nullish()
    .meta({ description: 'Where order.* notifications of this order go (else your webhook URL); a public address' }),
  return_url: httpUrl.nullish().meta({ description: 'Where the customer goes back after paying' }),
  expires_in: z
    .int({ error: 'expires_in must be an integer number of seconds' })
    .min(60)
    .max(86_400)
    .default(DEFAULT_EXPIRES_IN_SECONDS)
    .meta({ description: 'Seconds until the order expires (60 to 86400, default 1800)' }),
});
requestSchemas.add(CreateOrderRequest, { id: 'CreateOrderRequest' });

export const RefundRequest = z.object({
  amount: Amount,
  reason: text(0, 200).nullish().meta({ description: 'Shown to the customer (at most 200 characters)' }),
});
requestSchemas.add(RefundRequest, { id: 'RefundRequest' });

export const ShipmentRequest = z.object({
  carrier: text(1, 64).meta({ examples: ['顺丰速运'] }),
  tracking_number: text(1, 64).meta({ examples: ['SF1234567890'] }),
});
requestSchemas.add(ShipmentRequest, { id: 'ShipmentRequest' });

/** Page size of lists: 1 to 100, larger values are capped, default 20. */
export const LIST_MAX_LIMIT = 100;
export const LIST_DEFAULT_LIMIT = 20;
export const ListQuery = z.object({
  limit: z
    .string()
    .regex(/^[0-9]{1,9}$/, { error: 'limit must be a positive integer' })
    .transform((v) => Math.min(LIST_MAX_LIMIT, Math.max(1, Number(v))))
    .optional(),
  starting_after: z.string().min(1).max(128).optional(),
});

export const BillDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'date must be YYYY-MM-DD' });

// --- responses -------------------------------------------------------------------------

const isoTime = z.iso.datetime();

export const OrderObject = z.object({
  id: z.uuid(),
  object: z.literal('order'),
  merchant_order_no: z.string(),
  amount: z.int(),
  currency: z.string(),
  subject: z.string(),
  status: z.enum(['PENDING', 'PAID', 'SHIPPED', 'PARTIALLY_REFUNDED', 'REFUNDED', 'CLOSED', 'EXPIRED']),
  amount_refunded: z.int(),
  fee: z.int().meta({ description: 'Merchant fee taken when the order was paid (minor units)' }),
  payment_method: z.enum(['balance', 'online_banking']).nullable(),
  checkout_url: z.url().meta({ description: 'Send the customer here to pay' }),
  notify_url: z.string().nullable(),
  return_url: z.string().nullable(),
  shipment: z.object({ carrier: z.string(), tracking_number: z.string(), shipped_at: isoTime }).nullable(),
  expires_at: isoTime,
  paid_at: isoTime.nullable(),
  closed_at: isoTime.nullable(),
  created_at: isoTime,
});
responseSchemas.add(OrderObject, { id: 'Order' });

export const RefundObject = z.object({
  id: z.uuid(),
  object: z.literal('refund'),
  order_id: z.uuid(),
  amount: z.int(),
  reason: z.string().nullable(),
  created_at: isoTime,
});
responseSchemas.add(RefundObject, { id: 'Refund' });

export const OrderList = z.object({
  object: z.literal('list'),
  data: z.array(OrderObject),
  has_more: z.boolean(),
  next_cursor: z.string().nullable().meta({ description: 'Pass as starting_after to get the next page' }),
});
responseSchemas.add(OrderList, { id: 'OrderList' });

export const BalanceObject = z.object({
  object: z.literal('balance'),
  currency: z.string(),
  available: z.int().meta({ description: 'What you can refund or pay out now: posted − pending' }),
  pending: z.int().meta({ description: 'Held for payouts on their way to your bank account' }),
  posted: z.int().meta({ description: 'Booked balance' }),
});
responseSchemas.add(BalanceObject, { id: 'Balance' });

export const BalanceTransactionObject = z.object({
  id: z.string(),
  entry_id: z.uuid().meta({ description: 'The ledger entry' }),
  kind: z.string().meta({ examples: ['PAYMENT', 'ONLINE_BANKING_PAYMENT', 'REFUND', 'PAYOUT'] }),
  amount: z.int().meta({ description: 'Signed: + credits your balance, − debits it' }),
  balance_after: z.int(),
  created_at: isoTime,
  description: z.string(),
});
responseSchemas.add(BalanceTransactionObject, { id: 'BalanceTransaction' });

export const BalanceTransactionList = z.object({
  object: z.literal('list'),
  data: z.array(BalanceTransactionObject),
  has_more: z.boolean(),
  next_cursor: z.string().nullable(),
});
responseSchemas.add(BalanceTransactionList, { id: 'BalanceTransactionList' });

export const ErrorObject = z.object({
  error: z.object({
    code: z.string().meta({ examples: ['INVALID_INPUT'] }),
    message: z.string(),
    field: z.string().optional().meta({ description: 'The request field at fault' }),
  }),
});
responseSchemas.add(ErrorObject, { id: 'Error' });
