// What a money action answers the form: the data, or an error the form can translate by
// code (and attach to a field). Next's own redirect / notFound signals pass through; an
// unexpected error, or a domain error whose code means a broken invariant (status 500 in
// server/core/error-registry.ts), is logged and reported without internals.
import { unstable_rethrow } from 'next/navigation';
import { DomainError } from '@/ledger';
import { httpStatusOfCode, isErrorCode, type ErrorCode } from '@/server/core/error-registry';

export type ActionError = { code: ErrorCode; field?: string; details?: Record<string, unknown> };
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

export async function runAction<T>(fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof DomainError && isErrorCode(error.code) && httpStatusOfCode(error.code) !== 500) {
      return {
        ok: false,
        error: {
          code: error.code,
          ...(error.field ? { field: error.field } : {}),
          ...(error.details ? { details: { ...error.details } } : {}),
        },
      };
    }
    console.error('[action] unexpected error', error);
    return { ok: false, error: { code: 'INTERNAL' } };
  }
}
