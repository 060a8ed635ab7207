// Domain errors of the payment PIN, registered with their statuses in server/core/error-registry.ts. They name
// the field `pin` so forms put the message under the PIN boxes.
import { AppError } from '../core/app-error';
import type { PinProblem } from '../../lib/pin/pin-rules';

/** The action needs the payment PIN and none was sent. */
export class PinRequiredError extends AppError {
  readonly code = 'PIN_REQUIRED' as const;
  constructor() {
    super('Enter your six-digit payment PIN', { field: 'pin' });
  }
}

/** The user has no payment PIN yet: set one first (/me/payment-pin). */
export class PinNotSetError extends AppError {
  readonly code = 'PIN_NOT_SET' as const;
  constructor() {
    super('Set a payment PIN first', { field: 'pin' });
  }
}

export class WrongPinError extends AppError {
  readonly code = 'WRONG_PIN' as const;
  constructor(readonly attemptsLeft: number) {
    super(`The payment PIN is not correct; ${attemptsLeft} attempts left`, { field: 'pin', details: { attemptsLeft } });
  }
}

/** Too many wrong PINs: the PIN (not sign-in) is locked until `until`. */
export class PinLockedError extends AppError {
  readonly code = 'PIN_LOCKED' as const;
  constructor(readonly until: Date) {
    super(`Too many wrong payment PINs; try again after ${until.toISOString()}`, {
      field: 'pin',
      details: { until: until.toISOString() },
    });
  }
}

/** A PIN that may not be set: not six digits, one digit repeated, or a run such as 123456. */
export class PinNotAllowedError extends AppError {
  readonly code = 'PIN_NOT_ALLOWED' as const;
  constructor(readonly problem: PinProblem) {
    const message =
      problem === 'FORMAT'
        ? 'The payment PIN is six digits'
        : problem === 'REPEATED'
          ? 'The payment PIN may not be one digit repeated'
          : 'The payment PIN may not be a run such as 123456 or 654321';
    super(message, { field: 'pin', details: { problem } });
  }
}

/** The second entry of a new PIN differs from the first. */
export class PinMismatchError extends AppError {
  readonly code = 'PIN_MISMATCH' as const;
  constructor() {
    super('The two PINs are not the same', { field: 'pinConfirm' });
  }
}

export class PinAlreadySetError extends AppError {
  readonly code = 'PIN_ALREADY_SET' as const;
  constructor() {
    super('A payment PIN is already set; reset it if you forgot it');
  }
}

/** The emailed reset code is not the one sent. */
export class PinResetCodeWrongError extends AppError {
  readonly code = 'PIN_RESET_CODE_WRONG' as const;
  constructor(readonly attemptsLeft: number) {
    super(`The code is not correct; ${attemptsLeft} attempts left`, { field: 'code', details: { attemptsLeft } });
  }
}

/** No usable reset code: none sent, expired, used, or too many wrong tries. Ask for a new one. */
export class PinResetCodeExpiredError extends AppError {
  readonly code = 'PIN_RESET_CODE_EXPIRED' as const;
  constructor() {
    super('This code is no longer valid; request a new one', { field: 'code' });
  }
}
