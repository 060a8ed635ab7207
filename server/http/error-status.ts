// Errors → HTTP status and JSON body, in one place (docs/house-rules.md rule 5). A domain error's
// status is its code's in server/core/error-registry.ts. A database that cannot take the request
// is 503; other unknown errors are 500 and logged. Neither sends its message.
import { DomainError } from '@/ledger';
import { httpStatusOfCode, isErrorCode, type ErrorCode, type ErrorHttpStatus } from '../core/error-registry';
import { classifyFailure, sqlStateOf } from '../stored-ledger/retry';

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

export function httpStatusForError(error: unknown): ErrorHttpStatus {
  if (!(error instanceof DomainError)) return isServiceUnavailable(error) ? 503 : 500;
  // Only a class that bypassed AppError can carry an unregistered code: a bug, so 500.
  return isErrorCode(error.code) ? httpStatusOfCode(error.code) : 500;
}

export type ErrorBody = { error: { code: ErrorCode; message: string; field?: string } };

/** The JSON error body for an error; 500s and the database's 503s say nothing about internals. */
export function errorBody(error: unknown): ErrorBody {
  if (error instanceof DomainError && isErrorCode(error.code) && httpStatusOfCode(error.code) !== 500) {
    return { error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) } };
  }
  if (httpStatusForError(error) === 503) {
    return { error: { code: 'SERVICE_UNAVAILABLE', message: 'The service is briefly unavailable; try again' } };
  }
  return { error: { code: 'INTERNAL', message: 'Something went wrong on our side' } };
}
