// A domain error found while rendering a page (a link's bad parameter), in the same shape a
// server action answers, so the page says it with the forms' own sentences.
import { DomainError } from '@/ledger';
import { isErrorCode, type ErrorCode } from '../core/error-registry';

export type PageError = { code: ErrorCode; field?: string; details?: Record<string, unknown> };

/** The error as a form would show it, or null when it is not one the person can act on. */
export function toPageError(error: unknown): PageError | null {
  if (!(error instanceof DomainError) || !isErrorCode(error.code)) return null;
  return {
    code: error.code,
    ...(error.field ? { field: error.field } : {}),
    ...(error.details ? { details: { ...error.details } } : {}),
  };
}
