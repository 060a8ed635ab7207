import { describe, expect, it } from 'vitest';
import { isPinFormat, pinProblem } from './pin-rules';

describe('which payment PINs may be set', () => {
  it.each(['135790', '024680', '112233', '123457', '987650', '090909', '000001'])('%s is allowed', (pin) => {
    expect(pinProblem(pin)).toBeNull();
  });

  it.each(['000000', '111111', '555555', '999999'])('%s (one digit repeated) is refused', (pin) => {
    expect(pinProblem(pin)).toBe('REPEATED');
  });

  it.each(['123456', '654321', '012345', '543210', '234567', '456789', '987654', '765432'])(
    '%s (a run up or down) is refused',
    (pin) => {
      expect(pinProblem(pin)).toBe('SEQUENCE');
    },
  );

  it.each(['', '12345', '1234567', '12a456', '１２３４５６', ' 13579', '13579 ', '+13579', '1e5000'])(
    '%j is not six ASCII digits',
    (pin) => {
      expect(isPinFormat(pin)).toBe(false);
      expect(pinProblem(pin)).toBe('FORMAT');
    },
  );
});
