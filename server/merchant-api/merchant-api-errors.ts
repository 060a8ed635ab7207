// Errors of the merchant API's HTTP boundary (codes registered in server/core/error-registry.ts).
import { AppError } from '../core/app-error';

/** Missing, malformed, unknown or revoked API key, or a merchant that is not approved. */
export class UnauthenticatedError extends AppError {
  readonly code = 'UNAUTHENTICATED' as const;
  constructor() {
    super('A valid secret API key is required: Authorization: Bearer sk_...');
  }
}

export class IdempotencyKeyRequiredError extends AppError {
  readonly code = 'IDEMPOTENCY_KEY_REQUIRED' as const;
  constructor(message = 'Every POST needs an Idempotency-Key header (1 to 255 printable ASCII characters)') {
    super(message, { field: 'Idempotency-Key' });
  }
}

export class InvalidJsonError extends AppError {
  readonly code = 'INVALID_JSON' as const;
  constructor() {
    super('The request body is not valid JSON');
  }
}

export class BodyTooLargeError extends AppError {
  readonly code = 'BODY_TOO_LARGE' as const;
  constructor(maxBytes: number) {
    super(`The request body is larger than ${maxBytes / 1024} KB`);
  }
}

/** The same Idempotency-Key was used before for another request (method, path or body). */
export class ApiIdempotencyKeyReusedError extends AppError {
  readonly code = 'IDEMPOTENCY_KEY_REUSED' as const;
  constructor() {
    super('This Idempotency-Key was already used for a different request', { field: 'Idempotency-Key' });
  }
}
