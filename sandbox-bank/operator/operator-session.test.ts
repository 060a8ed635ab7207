import { describe, expect, it } from 'vitest';
import {
  newOperatorSession,
  operatorPasswordMatches,
  operatorSessionValid,
  OPERATOR_SESSION_SECONDS,
  safeOperatorNext,
} from './operator-session';

const SECRET = 'operator-secret-for-this-test-0123456789';

describe('the operator session', () => {
  it('accepts only the operator secret as password', () => {
    expect(operatorPasswordMatches(SECRET, SECRET)).toBe(true);
    expect(operatorPasswordMatches(SECRET, `${SECRET} `)).toBe(false);
    expect(operatorPasswordMatches(SECRET, '')).toBe(false);
  });

  it('is a signed cookie that expires and is bound to the secret', () => {
    const now = 1_800_000_000;
    const session = newOperatorSession(SECRET, now);
    expect(operatorSessionValid(SECRET, session, now + 1)).toBe(true);
    expect(operatorSessionValid(SECRET, session, now + OPERATOR_SESSION_SECONDS)).toBe(false);
    expect(operatorSessionValid(`${SECRET}x`, session, now + 1)).toBe(false);
    // A later expiry with the same MAC is refused.
    const [expires, sig] = session.split('.');
    expect(operatorSessionValid(SECRET, `${Number(expires) + 3600}.${sig}`, now + 1)).toBe(false);
    expect(operatorSessionValid(SECRET, undefined, now)).toBe(false);
    expect(operatorSessionValid(SECRET, 'garbage', now)).toBe(false);
  });

  it('goes back only to a bank page', () => {
    expect(safeOperatorNext('/sandbox-bank/phone/6222000000000044')).toBe('/sandbox-bank/phone/6222000000000044');
    expect(safeOperatorNext('//evil.example/sandbox-bank')).toBe('/sandbox-bank/faults');
    expect(safeOperatorNext('/admin')).toBe('/sandbox-bank/faults');
    expect(safeOperatorNext('/sandbox-bank/../admin')).toBe('/sandbox-bank/faults');
    expect(safeOperatorNext(null)).toBe('/sandbox-bank/faults');
  });
});
