// Answers of the merchant API: JSON bodies, and the one error mapping (codes → HTTP in
// server/http/error-status.ts). Unknown errors are logged here and answered 500 with nothing
// of their internals.
import { errorBody, httpStatusForError, isServiceUnavailable } from '../http/error-status';
import { MerchantFrozenError } from '../merchants/merchant-errors';
import type { ApiAnswer, IdempotentAnswer } from './idempotency';

const JSON_TYPE = 'application/json; charset=utf-8';

export function jsonAnswer(status: number, value: unknown): ApiAnswer {
  return { status, body: JSON.stringify(value), contentType: JSON_TYPE };
}

export function errorAnswer(error: unknown): ApiAnswer {
  const status = httpStatusForError(error);
  if (isServiceUnavailable(error)) console.error('[merchant-api] the database could not take the request', error);
  else if (status >= 500) console.error('[merchant-api] unexpected error', error);
  const answer = jsonAnswer(status, errorBody(error));
  // A frozen merchant's request ran nothing: its key stays free for the retry after the unfreeze.
  return error instanceof MerchantFrozenError ? { ...answer, releaseKey: true } : answer;
}

export function toResponse(answer: ApiAnswer | IdempotentAnswer): Response {
  const headers = new Headers({ 'content-type': answer.contentType, 'cache-control': 'no-store' });
  if ('replayed' in answer && answer.replayed) headers.set('idempotent-replayed', 'true');
  if (answer.status === 401) headers.set('www-authenticate', 'Bearer realm="wallet-api"');
  if (answer.status === 503) headers.set('retry-after', '1');
  if (answer.filename) headers.set('content-disposition', `attachment; filename="${answer.filename}"`);
  return new Response(answer.body, { status: answer.status, headers });
}
