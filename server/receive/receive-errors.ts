// Domain errors of receive codes and payment requests (issue 17), registered in
// server/core/error-registry.ts with their words in messages/errors.
import { AppError } from '../core/app-error';

/** No receive code has this value (mistyped or made up): said the same as a revoked one would not be. */
export class ReceiveCodeNotFoundError extends AppError {
  readonly code = 'RECEIVE_CODE_NOT_FOUND' as const;
  constructor() {
    super('This receive code does not exist', { field: 'code' });
  }
}

/** The owner reset their receive code (重置收款码): the old QR pays nobody. */
export class ReceiveCodeRevokedError extends AppError {
  readonly code = 'RECEIVE_CODE_REVOKED' as const;
  constructor() {
    super('This receive code was reset by its owner and no longer works', { field: 'code' });
  }
}

export type ClosedRequestState = 'PAID' | 'EXPIRED' | 'CANCELLED';

/** Paying a request that is paid, expired or cancelled: nothing moves. */
export class PaymentRequestNotPayableError extends AppError {
  readonly code = 'PAYMENT_REQUEST_NOT_PAYABLE' as const;
  constructor(readonly state: ClosedRequestState) {
    super(`This payment request is ${state.toLowerCase()}`, { details: { state } });
  }
}

/** Cancelling a request that is no longer open (paid, expired or already cancelled). */
export class PaymentRequestNotCancellableError extends AppError {
  readonly code = 'PAYMENT_REQUEST_NOT_CANCELLABLE' as const;
  constructor(readonly state: ClosedRequestState) {
    super(`This payment request is ${state.toLowerCase()} and cannot be cancelled`, { details: { state } });
  }
}
