// An order's statuses in the order the merchant's filter lists them. The database enum is the
// source; server/merchants/list-merchant-orders.ts checks at compile time that these match it.
export const ORDER_STATUSES = [
  'PENDING',
  'PAID',
  'SHIPPED',
  'PARTIALLY_REFUNDED',
  'REFUNDED',
  'CLOSED',
  'EXPIRED',
] as const;
