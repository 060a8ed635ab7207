// The rules for a new password (reset or change): the sign-up rules, typed twice.
import { PASSWORD_MAX, PASSWORD_MIN } from './sign-up-schema';
import { InvalidNewPasswordError } from './account-errors';

export function checkNewPassword(newPassword: unknown, confirmPassword: unknown): string {
  if (typeof newPassword !== 'string' || newPassword.length < PASSWORD_MIN) {
    throw new InvalidNewPasswordError('newPassword', 'TOO_SHORT');
  }
  if (newPassword.length > PASSWORD_MAX) throw new InvalidNewPasswordError('newPassword', 'TOO_LONG');
  if (confirmPassword !== newPassword) throw new InvalidNewPasswordError('confirmPassword', 'MISMATCH');
  return newPassword;
}
