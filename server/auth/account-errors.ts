// Domain errors of sign-up, password reset and password change. Codes are mapped to HTTP in
// server/core/error-registry.ts; the forms translate them (messages/account).
import { AppError } from '../core/app-error';

/** A sign-up or reset link that is unknown, expired or already used: one answer for all. */
export class LinkInvalidError extends AppError {
  readonly code = 'LINK_INVALID' as const;
  constructor() {
    super('This link has expired or was already used');
  }
}

/** The address of a sign-up link got an account meanwhile (another of its links was used). */
export class AccountExistsError extends AppError {
  readonly code = 'ACCOUNT_EXISTS' as const;
  constructor() {
    super('This address already has an account: sign in');
  }
}

export type NewPasswordReason = 'TOO_SHORT' | 'TOO_LONG' | 'MISMATCH' | 'SAME_AS_CURRENT';

export class InvalidNewPasswordError extends AppError {
  readonly code = 'INVALID_PASSWORD' as const;
  constructor(
    field: 'newPassword' | 'confirmPassword',
    readonly reason: NewPasswordReason,
  ) {
    super(`The new password is not acceptable (${reason})`, { field, details: { reason } });
  }
}

export class WrongCurrentPasswordError extends AppError {
  readonly code = 'WRONG_PASSWORD' as const;
  constructor() {
    super('The current password is not correct', { field: 'currentPassword' });
  }
}
