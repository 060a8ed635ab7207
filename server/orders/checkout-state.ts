// What the checkout page can do with an order, from its status and the database clock: only
// a PENDING order before its expiry can be paid (the expiry job may not have run yet, so a
// PENDING order past expires_at already reads as expired).
import type { OrderStatus } from '../generated/prisma/enums';

export type CheckoutState = 'PAYABLE' | 'EXPIRED' | 'CLOSED' | 'PAID';

export function checkoutState(status: OrderStatus, expiresAt: Date, now: Date): CheckoutState {
  switch (status) {
    case 'PENDING':
      return expiresAt.getTime() > now.getTime() ? 'PAYABLE' : 'EXPIRED';
    case 'EXPIRED':
      return 'EXPIRED';
    case 'CLOSED':
      return 'CLOSED';
    case 'PAID':
    case 'SHIPPED':
    case 'PARTIALLY_REFUNDED':
    case 'REFUNDED':
      return 'PAID';
  }
}
