// For use cases: count one try and refuse past the limit with RATE_LIMITED (HTTP 429), the
// wait in its details, so a form can say when to try again.
import { AppError } from '../core/app-error';
import type { RateLimitName } from './rate-limits';
import { consumeRateLimit, type RateLimitState } from './rate-limiter';

export class RateLimitedError extends AppError {
  readonly code = 'RATE_LIMITED' as const;
  /** `field`: the form field the limit is about, when it is one (the authenticator code's). */
  constructor(
    readonly retryAfterSeconds: number,
    field?: string,
  ) {
    super('Too many attempts; try again later', { details: { retryAfterSeconds }, ...(field ? { field } : {}) });
  }
}

export async function enforceRateLimit(name: RateLimitName, subject: string, field?: string): Promise<RateLimitState> {
  const state = await consumeRateLimit(name, subject);
  if (!state.allowed) throw new RateLimitedError(state.resetSeconds, field);
  return state;
}
