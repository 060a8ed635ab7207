import { describe, expect, it } from 'vitest';
import { rateLimitHeaders } from './rate-limit-headers';

describe('rateLimitHeaders', () => {
  it('names the policy, what is left and when it resets', () => {
    expect(
      rateLimitHeaders('merchantApiPerKey', { allowed: true, limit: 100, remaining: 42, resetSeconds: 1 }),
    ).toEqual({
      'ratelimit-policy': '100;w=1',
      'ratelimit-limit': '100',
      'ratelimit-remaining': '42',
      'ratelimit-reset': '1',
    });
  });

  it('adds Retry-After when the request is refused', () => {
    expect(
      rateLimitHeaders('recipientLookupsPerUser', { allowed: false, limit: 30, remaining: 0, resetSeconds: 370 }),
    ).toMatchObject({
      'ratelimit-remaining': '0',
      'retry-after': '370',
    });
  });
});
