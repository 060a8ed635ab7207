// The wallet's order object (merchant API contract) as the store reads it: amounts become
// bigint at this boundary. Unknown fields are ignored; missing required ones are refused.
import { z } from 'zod';

const minorUnits = z
  .number()
  .int()
  .nonnegative()
  .transform((n) => BigInt(n));

export const walletOrderSchema = z.object({
  id: z.string().min(1),
  merchant_order_no: z.string().min(1),
  amount: minorUnits,
  currency: z.string(),
  subject: z.string(),
  status: z.enum(['PENDING', 'PAID', 'SHIPPED', 'PARTIALLY_REFUNDED', 'REFUNDED', 'CLOSED', 'EXPIRED']),
  amount_refunded: minorUnits.default(0n),
  checkout_url: z.string().nullable().optional(),
  paid_at: z.string().nullable().optional(),
  closed_at: z.string().nullable().optional(),
  shipment: z
    .object({ carrier: z.string(), tracking_number: z.string(), shipped_at: z.string() })
    .nullable()
    .optional(),
});

export type WalletOrder = z.infer<typeof walletOrderSchema>;
export type WalletOrderStatus = WalletOrder['status'];

/** The statuses that mean the customer's money reached the merchant. */
export const PAID_STATUSES: readonly WalletOrderStatus[] = ['PAID', 'SHIPPED', 'PARTIALLY_REFUNDED', 'REFUNDED'];
