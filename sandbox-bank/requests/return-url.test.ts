import { describe, expect, it } from 'vitest';
import { returnUrlWithOutcome } from './return-url';

describe('returnUrlWithOutcome', () => {
  it('appends reference and status', () => {
    expect(returnUrlWithOutcome('http://localhost:3000/top-up/result', 'r-1', 'SUCCEEDED')).toBe(
      'http://localhost:3000/top-up/result?reference=r-1&status=SUCCEEDED',
    );
  });

  it('keeps the existing query and fragment, and replaces stale outcome parameters', () => {
    expect(returnUrlWithOutcome('https://w.example/r?x=1&status=SUCCEEDED#top', 'a b', 'FAILED')).toBe(
      'https://w.example/r?x=1&status=FAILED&reference=a+b#top',
    );
  });
});
