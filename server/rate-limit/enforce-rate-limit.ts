// For use cases: count one try and refuse past the limit with RATE_LIMITED (HTTP 429), the
// wait in its details, so a form can say when to try again.
import { AppError } from '../core/app-error';
import type { RateLimitName } from './rate-limits';
import { consumeRateLimit, type RateLimitState } from './rate-limiter';

export class RateLimitedError extends AppError {
  readonly code = 'RATE_LIMITED' as const;
  constructor(readonly retryAfterSeconds: number) {
    super('Too many attempts; try again later', { details: { retryAfterSeconds } });
  }
}

export async function enforceRateLimit(name: RateLimitName, subject: string): Promise<RateLimitState> {
  const state = await consumeRateLimit(name, subject);
  if (!state.allowed) throw new RateLimitedError(state.resetSeconds);
  return state;
}
