// Every error code the wallet answers with, and its HTTP status: the one list. `ErrorCode` is
// derived from it, so an error class, an action result or a status lookup with a code that is
// not here does not compile. The words for each code, in both languages, are in
// messages/errors/{zh-CN,en}.json; components/errors/use-error-code-text.ts fails the type
// check when one of them lacks a code. The pure core (ledger/) owns its codes, not their statuses.
import type { LedgerErrorCode } from '@/ledger';

/** The statuses an error answer may have. */
export type ErrorHttpStatus = 400 | 401 | 403 | 404 | 405 | 409 | 410 | 413 | 422 | 423 | 429 | 500 | 503;

type ErrorSpec = { readonly status: ErrorHttpStatus };

/**
 * The ledger's codes. 422: the caller's input is unacceptable; 409: state conflict; 404: not
 * found. 500: an invariant broke (a code or configuration bug, not the caller's input): the
 * entry, account-code and fee-schedule errors only arise after the boundary validated input.
 */
const LEDGER_ERRORS = {
  INVALID_AMOUNT: { status: 422 },
  UNSUPPORTED_CURRENCY: { status: 422 },
  CURRENCY_MISMATCH: { status: 422 },
  SELF_TRANSFER: { status: 422 },
  INSUFFICIENT_FUNDS: { status: 422 },
  IDEMPOTENCY_CONFLICT: { status: 422 },
  IDEMPOTENCY_IN_PROGRESS: { status: 409 },
  HOLD_NOT_PENDING: { status: 409 },
  ACCOUNT_NOT_FOUND: { status: 404 },
  UNBALANCED_ENTRY: { status: 500 },
  INVALID_ENTRY: { status: 500 },
  INVALID_ACCOUNT_CODE: { status: 500 },
  INVALID_FEE_SCHEDULE: { status: 500 },
} as const satisfies Record<LedgerErrorCode, ErrorSpec>;

const APP_ERRORS = {
  // The wallet's use cases (server/core/domain-errors.ts).
  NOT_FOUND: { status: 404 },
  LIMIT_EXCEEDED: { status: 422 },
  IDEMPOTENCY_KEY_REUSED: { status: 422 },
  BANK_ACCOUNT_NOT_VERIFIED: { status: 422 },
  BANK_CODE_WRONG: { status: 422 },
  BANK_CODE_UNUSABLE: { status: 422 },
  BANK_ACCOUNT_ALREADY_LINKED: { status: 409 },
  BANK_UNAVAILABLE: { status: 503 },
  WRONG_PASSWORD: { status: 422 },
  INVALID_INPUT: { status: 422 },
  RECIPIENT_NOT_FOUND: { status: 422 },
  FEE_CHANGED: { status: 409 },
  ACCOUNT_FROZEN: { status: 403 },
  // Payment PIN (server/pin/pin-errors.ts).
  PIN_REQUIRED: { status: 422 },
  WRONG_PIN: { status: 422 },
  PIN_LOCKED: { status: 423 },
  PIN_NOT_SET: { status: 409 },
  PIN_NOT_ALLOWED: { status: 422 },
  PIN_MISMATCH: { status: 422 },
  PIN_ALREADY_SET: { status: 409 },
  PIN_RESET_CODE_WRONG: { status: 422 },
  PIN_RESET_CODE_EXPIRED: { status: 422 },
  // Admin console and two-step verification (server/admin/admin-errors.ts, server/auth/two-factor).
  FORBIDDEN: { status: 403 },
  TWO_FACTOR_REQUIRED: { status: 403 },
  WRONG_TWO_FACTOR_CODE: { status: 422 },
  // A withdrawal or payout by a user with an authenticator, sent without its code: a missing
  // field, as PIN_REQUIRED is (server/auth/two-factor/money-out-second-factor.ts).
  TWO_FACTOR_CODE_REQUIRED: { status: 422 },
  TWO_FACTOR_STATE: { status: 409 },
  USER_ALREADY_FROZEN: { status: 409 },
  USER_NOT_FROZEN: { status: 409 },
  CANNOT_FREEZE_ADMIN: { status: 422 },
  MERCHANT_ALREADY_DECIDED: { status: 409 },
  // Orders and merchants (server/orders/order-errors.ts, server/merchants/merchant-errors.ts).
  DUPLICATE_MERCHANT_ORDER_NO: { status: 409 },
  ORDER_NOT_PENDING: { status: 409 },
  ORDER_NOT_PAYABLE: { status: 409 },
  ORDER_NOT_PAID: { status: 409 },
  REFUND_EXCEEDS_PAID: { status: 422 },
  CANNOT_PAY_OWN_ORDER: { status: 422 },
  MERCHANT_NOT_ACTIVE: { status: 403 },
  MERCHANT_FROZEN: { status: 403 },
  MERCHANT_APPLICATION_EXISTS: { status: 409 },
  SETTLEMENT_ACCOUNT_MISSING: { status: 409 },
  // The merchant API's HTTP boundary (server/merchant-api).
  UNAUTHENTICATED: { status: 401 },
  IDEMPOTENCY_KEY_REQUIRED: { status: 400 },
  INVALID_JSON: { status: 400 },
  BODY_TOO_LARGE: { status: 413 },
  INVALID_CURSOR: { status: 400 },
  // Refused before any route runs (proxy.ts, server/http).
  METHOD_NOT_ALLOWED: { status: 405 },
  CROSS_SITE_REQUEST: { status: 403 },
  // Receive codes and payment requests (server/receive/receive-errors.ts).
  RECEIVE_CODE_NOT_FOUND: { status: 404 },
  RECEIVE_CODE_REVOKED: { status: 410 },
  PAYMENT_REQUEST_NOT_PAYABLE: { status: 409 },
  PAYMENT_REQUEST_NOT_CANCELLABLE: { status: 409 },
  // Reconciliation (server/reconciliation).
  RECONCILIATION_ALREADY_RUNNING: { status: 409 },
  INVALID_BUSINESS_DATE: { status: 422 },
  RESOLUTION_NOT_APPLICABLE: { status: 409 },
  BANK_OUTCOME_NOT_FINAL: { status: 409 },
  // Daily proof of liabilities (server/liability-proof).
  PROOF_NOT_PUBLISHED: { status: 404 },
  PROOF_NO_ACCOUNT: { status: 404 },
  PROOF_NEEDS_RECONCILIATION: { status: 409 },
  // Rate limits (server/rate-limit).
  RATE_LIMITED: { status: 429 },
  // Sign-up, password reset and change (server/auth/account-errors.ts).
  LINK_INVALID: { status: 410 },
  ACCOUNT_EXISTS: { status: 409 },
  INVALID_PASSWORD: { status: 422 },
  // What an unexpected failure becomes (no internals): a bug, or a database that cannot take the request.
  INTERNAL: { status: 500 },
  SERVICE_UNAVAILABLE: { status: 503 },
} as const satisfies Record<string, ErrorSpec>;

export const ERROR_REGISTRY = { ...LEDGER_ERRORS, ...APP_ERRORS } as const;

export type ErrorCode = keyof typeof ERROR_REGISTRY;

export function isErrorCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERROR_REGISTRY, code);
}

export function httpStatusOfCode(code: ErrorCode): ErrorHttpStatus {
  return ERROR_REGISTRY[code].status;
}
