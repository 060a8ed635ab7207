// Domain errors of orders (issue 5), registered in server/core/error-registry.ts.
import { AppError } from '../core/app-error';

export class DuplicateMerchantOrderNoError extends AppError {
  readonly code = 'DUPLICATE_MERCHANT_ORDER_NO' as const;
  constructor() {
    super('An order with this merchant_order_no already exists', { field: 'merchant_order_no' });
  }
}

/** Close, or start a payment, on an order that is no longer waiting for payment. */
export class OrderNotPendingError extends AppError {
  readonly code = 'ORDER_NOT_PENDING' as const;
  constructor(readonly status: string) {
    super(`The order is ${status}, not PENDING`, { details: { status } });
  }
}

/** Paying an order that expired, was closed or is already paid: no money moves. */
export class OrderNotPayableError extends AppError {
  readonly code = 'ORDER_NOT_PAYABLE' as const;
  constructor(readonly status: string) {
    super(`This order cannot be paid: it is ${status}`, { details: { status } });
  }
}

/** Refund or shipment of an order that was never paid (or is fully refunded). */
export class OrderNotPaidError extends AppError {
  readonly code = 'ORDER_NOT_PAID' as const;
  constructor(readonly status: string) {
    super(`The order is ${status}: it has not been paid`, { details: { status } });
  }
}

export class RefundExceedsPaidError extends AppError {
  readonly code = 'REFUND_EXCEEDS_PAID' as const;
  constructor(readonly refundable: bigint) {
    super(`The refund is more than what is left to refund (${refundable} minor units)`, {
      field: 'amount',
      details: { refundable: refundable.toString() },
    });
  }
}

/** A merchant cannot pay its own order with its own wallet. */
export class OwnOrderError extends AppError {
  readonly code = 'CANNOT_PAY_OWN_ORDER' as const;
  constructor() {
    super('A merchant cannot pay its own order');
  }
}

export class MerchantNotActiveError extends AppError {
  readonly code = 'MERCHANT_NOT_ACTIVE' as const;
  constructor() {
    super('This merchant is not approved');
  }
}
