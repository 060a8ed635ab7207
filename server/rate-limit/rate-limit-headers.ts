// The IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers, the form most APIs
// send: separate Limit / Remaining / Reset fields and a Policy), and Retry-After when refused.
import { RATE_LIMITS, type RateLimitName } from './rate-limits';
import type { RateLimitState } from './rate-limiter';

export function rateLimitHeaders(name: RateLimitName, state: RateLimitState): Record<string, string> {
  const rule = RATE_LIMITS[name];
  return {
    'ratelimit-policy': `${rule.points};w=${rule.durationSeconds}`,
    'ratelimit-limit': String(state.limit),
    'ratelimit-remaining': String(state.remaining),
    'ratelimit-reset': String(state.resetSeconds),
    ...(state.allowed ? {} : { 'retry-after': String(state.resetSeconds) }),
  };
}
