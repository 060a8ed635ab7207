import { RateLimiterRes } from 'rate-limiter-flexible';
import { describe, expect, it } from 'vitest';
import { isLimitReached } from './limit-reached';

/** What another bundled copy of rate-limiter-flexible rejects with: same shape, another class. */
class RateLimiterResFromAnotherCopy {
  remainingPoints = 0;
  msBeforeNext = 60_000;
  consumedPoints = 6;
  isFirstInDuration = false;
}

describe('isLimitReached', () => {
  it('knows a RateLimiterRes of this copy and of another copy of the package', () => {
    expect(isLimitReached(new RateLimiterRes(0, 60_000, 6, false))).toBe(true);
    expect(isLimitReached(new RateLimiterResFromAnotherCopy())).toBe(true);
  });

  it('leaves store failures and anything else to be thrown', () => {
    expect(isLimitReached(new Error('connection refused'))).toBe(false);
    expect(isLimitReached(Object.assign(new Error('x'), { msBeforeNext: 1, consumedPoints: 1 }))).toBe(false);
    expect(isLimitReached(null)).toBe(false);
    expect(isLimitReached('limit')).toBe(false);
    expect(isLimitReached({ msBeforeNext: '1', consumedPoints: 1 })).toBe(false);
  });
});
