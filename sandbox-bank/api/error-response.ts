// The one place errors become HTTP: { error: { code, message, field? } } with the status of
// the error's class; anything unexpected is a 500 with nothing of the internals.
import { z } from 'zod';
import { InvalidFieldError, MethodNotAllowedError, SandboxBankError } from '../errors';

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });
}

/** The first zod issue as an INVALID_FIELD error naming the field (dotted path). */
export function invalidFieldFromZod(error: z.ZodError): InvalidFieldError {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join('.') || 'body';
  return new InvalidFieldError(field, issue?.message ?? 'invalid');
}

export function errorResponse(err: unknown): Response {
  if (err instanceof SandboxBankError) {
    const headers: Record<string, string> =
      err instanceof MethodNotAllowedError ? { Allow: err.allowedMethods.join(', ') } : {};
    return jsonResponse(
      err.httpStatus,
      { error: { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}) } },
      headers,
    );
  }
  console.error('[sandbox-bank] unexpected error:', err);
  return jsonResponse(500, { error: { code: 'INTERNAL_ERROR', message: 'the bank could not process the request' } });
}
