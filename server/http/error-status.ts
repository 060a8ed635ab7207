// Domain error codes → HTTP status, in one place (docs/house-rules.md rule 5). A database that cannot
// take the request is 503; other unknown errors are 500. Neither sends its message.
import { DomainError, httpStatusForCode, isLedgerErrorCode } from '@/ledger';
import { classifyFailure, sqlStateOf } from '../stored-ledger/retry';

const WALLET_ERROR_HTTP_STATUS: Record<string, number> = {
  NOT_FOUND: 404,
  LIMIT_EXCEEDED: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  BANK_ACCOUNT_NOT_VERIFIED: 422,
  BANK_CODE_WRONG: 422,
  BANK_CODE_UNUSABLE: 422,
  BANK_ACCOUNT_ALREADY_LINKED: 409,
  BANK_UNAVAILABLE: 503,
  WRONG_PASSWORD: 422,
  INVALID_INPUT: 422,
  RECIPIENT_NOT_FOUND: 422,
  FEE_CHANGED: 409,
  ACCOUNT_FROZEN: 403,
  // Payment PIN (server/pin/pin-errors.ts).
  PIN_REQUIRED: 422,
  WRONG_PIN: 422,
  PIN_LOCKED: 423,
  PIN_NOT_SET: 409,
  PIN_NOT_ALLOWED: 422,
  PIN_MISMATCH: 422,
  PIN_ALREADY_SET: 409,
  PIN_RESET_CODE_WRONG: 422,
  PIN_RESET_CODE_EXPIRED: 422,
  // Admin console (server/admin/admin-errors.ts).
  FORBIDDEN: 403,
  TWO_FACTOR_REQUIRED: 403,
  WRONG_TWO_FACTOR_CODE: 422,
  // A withdrawal or payout by a user with an authenticator, sent without its code: a missing
  // field, as PIN_REQUIRED is (server/auth/two-factor/money-out-second-factor.ts).
  TWO_FACTOR_CODE_REQUIRED: 422,
  TWO_FACTOR_STATE: 409,
  USER_ALREADY_FROZEN: 409,
  USER_NOT_FROZEN: 409,
  CANNOT_FREEZE_ADMIN: 422,
  MERCHANT_ALREADY_DECIDED: 409,
  DUPLICATE_MERCHANT_ORDER_NO: 409,
  ORDER_NOT_PENDING: 409,
  ORDER_NOT_PAYABLE: 409,
  ORDER_NOT_PAID: 409,
  REFUND_EXCEEDS_PAID: 422,
  CANNOT_PAY_OWN_ORDER: 422,
  MERCHANT_NOT_ACTIVE: 403,
  MERCHANT_FROZEN: 403,
  MERCHANT_APPLICATION_EXISTS: 409,
  SETTLEMENT_ACCOUNT_MISSING: 409,
  // Merchant API boundary (server/merchant-api).
  UNAUTHENTICATED: 401,
  IDEMPOTENCY_KEY_REQUIRED: 400,
  INVALID_JSON: 400,
  BODY_TOO_LARGE: 413,
  INVALID_CURSOR: 400,
  // Reconciliation (server/reconciliation).
  RECONCILIATION_ALREADY_RUNNING: 409,
  INVALID_BUSINESS_DATE: 422,
  RESOLUTION_NOT_APPLICABLE: 409,
  BANK_OUTCOME_NOT_FINAL: 409,
  SERVICE_UNAVAILABLE: 503,
  // Rate limits (server/rate-limit).
  RATE_LIMITED: 429,
  // Sign-up, password reset and change (server/auth/account-errors.ts).
  LINK_INVALID: 410,
  ACCOUNT_EXISTS: 409,
  INVALID_PASSWORD: 422,
};

/**
 * The database could not take the request: unreachable, restarting, out of connections,
 * refusing writes (25006), or a conflict still there after its retries. Its transaction
 * rolled back; where the connection broke mid-request, a retry with the same idempotency
 * key settles whether it committed. Either way: 503, try again.
 */
export function isServiceUnavailable(error: unknown): boolean {
  if (error instanceof DomainError) return false;
  if (classifyFailure(error) !== 'fatal') return true;
  const state = sqlStateOf(error);
  return state === '25006' || (state !== undefined && state.startsWith('53'));
}

export function httpStatusForError(error: unknown): number {
  if (!(error instanceof DomainError)) return isServiceUnavailable(error) ? 503 : 500;
  if (isLedgerErrorCode(error.code)) return httpStatusForCode(error.code);
  return WALLET_ERROR_HTTP_STATUS[error.code] ?? 500;
}

export type ErrorBody = { error: { code: string; message: string; field?: string } };

/** The JSON error body for an error; 500s and the database's 503s say nothing about internals. */
export function errorBody(error: unknown): ErrorBody {
  const status = httpStatusForError(error);
  if (status === 503 && !(error instanceof DomainError)) {
    return { error: { code: 'SERVICE_UNAVAILABLE', message: 'The service is briefly unavailable; try again' } };
  }
  if (status === 500 || !(error instanceof DomainError)) {
    return { error: { code: 'INTERNAL', message: 'Something went wrong on our side' } };
  }
  return { error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) } };
}
