// Whether a rejection of rate-limiter-flexible's consume() means "past the limit" (it rejects
// with a RateLimiterRes) rather than a failing store (an Error).
import { RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Not `instanceof` alone: the limiters are cached on globalThis (rate-limiter.ts), and Next
 * bundles this package more than once (route handlers, server actions, across dev reloads),
 * each copy with its own RateLimiterRes class. A limiter built by one copy rejects with an
 * object another copy's `instanceof` does not know, which made a reached limit a thrown error
 * (a wrong emailed sign-in code read "sign-in failed, try later").
 */
export function isLimitReached(rejection: unknown): rejection is RateLimiterRes {
  if (rejection instanceof RateLimiterRes) return true;
  if (typeof rejection !== 'object' || rejection === null || rejection instanceof Error) return false;
  const res = rejection as Partial<Record<keyof RateLimiterRes, unknown>>;
  return typeof res.msBeforeNext === 'number' && typeof res.consumedPoints === 'number';
}
