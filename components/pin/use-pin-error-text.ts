'use client';

import { useTranslations } from 'next-intl';
import type { ActionError } from '@/app/actions/action-result';
import { formatLockTime } from './format-lock-time';

const PIN_CODES = new Set([
  'PIN_REQUIRED',
  'WRONG_PIN',
  'PIN_LOCKED',
  'PIN_NOT_SET',
  'PIN_NOT_ALLOWED',
  'PIN_MISMATCH',
  'PIN_ALREADY_SET',
  'PIN_RESET_CODE_WRONG',
  'PIN_RESET_CODE_EXPIRED',
]);

/** Whether this error belongs under the PIN boxes (the other form fields keep their own). */
export function isPinError(error: ActionError | null): boolean {
  return !!error && (PIN_CODES.has(error.code) || (error.code === 'INVALID_INPUT' && error.field === 'pin'));
}

/** The payment PIN's errors in words, or null for an error that is not about the PIN. */
export function usePinErrorText(): (error: ActionError) => string | null {
  const t = useTranslations('pin.errors');
  return (error) => {
    const details = error.details ?? {};
    switch (error.code) {
      case 'WRONG_PIN':
      case 'PIN_RESET_CODE_WRONG':
        return t(error.code, { attemptsLeft: Number(details.attemptsLeft ?? 0) });
      case 'PIN_LOCKED':
        return t('PIN_LOCKED', { time: formatLockTime(String(details.until)) });
      case 'PIN_NOT_ALLOWED': {
        const problem = String(details.problem ?? 'FORMAT');
        return t(`PIN_NOT_ALLOWED_${problem === 'REPEATED' || problem === 'SEQUENCE' ? problem : 'FORMAT'}`);
      }
      case 'PIN_REQUIRED':
      case 'PIN_NOT_SET':
      case 'PIN_MISMATCH':
      case 'PIN_ALREADY_SET':
      case 'PIN_RESET_CODE_EXPIRED':
        return t(error.code);
      case 'INVALID_INPUT':
        return error.field === 'pin' || error.field === 'pinConfirm' ? t('INVALID_PIN') : null;
      default:
        return null;
    }
  };
}
