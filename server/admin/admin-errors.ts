// Domain errors of the admin console. Codes are registered in server/core/error-registry.ts.
import { AppError } from '../core/app-error';

/** The caller is signed in but is not an admin: every admin read and write refuses. */
export class AdminOnlyError extends AppError {
  readonly code = 'FORBIDDEN' as const;
  constructor() {
    super('Only an administrator may do this');
  }
}

/** An admin who has not turned on two-step verification reaches nothing but its set-up. */
export class AdminTwoFactorRequiredError extends AppError {
  readonly code = 'TWO_FACTOR_REQUIRED' as const;
  constructor() {
    super('An administrator must turn on two-step verification first');
  }
}

export class UserAlreadyFrozenError extends AppError {
  readonly code = 'USER_ALREADY_FROZEN' as const;
  constructor() {
    super('This user is already frozen');
  }
}

export class UserNotFrozenError extends AppError {
  readonly code = 'USER_NOT_FROZEN' as const;
  constructor() {
    super('This user is not frozen');
  }
}

/** Admins are not frozen from the console (one admin could lock out the others). */
export class CannotFreezeAdminError extends AppError {
  readonly code = 'CANNOT_FREEZE_ADMIN' as const;
  constructor() {
    super('An administrator account cannot be frozen here');
  }
}

export class MerchantAlreadyDecidedError extends AppError {
  readonly code = 'MERCHANT_ALREADY_DECIDED' as const;
  constructor(readonly status: string) {
    super(`This merchant application was already decided (${status})`, { details: { status } });
  }
}
