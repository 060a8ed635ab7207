'use client';

import { useTranslations } from 'next-intl';
import type { ActionError } from '@/app/actions/action-result';

const PASSWORD_REASONS = new Set(['TOO_SHORT', 'TOO_LONG', 'MISMATCH', 'SAME_AS_CURRENT']);

/** An account action's error as a sentence in the person's language. */
export function useAccountErrorText(): (error: ActionError) => string {
  const t = useTranslations('account.errors');
  return (error) => {
    switch (error.code) {
      case 'INVALID_PASSWORD': {
        const reason = String(error.details?.reason ?? '');
        return PASSWORD_REASONS.has(reason) ? t(`password.${reason}`) : t('INTERNAL');
      }
      case 'INVALID_INPUT':
        return error.field === 'email' ? t('emailInvalid') : t('INTERNAL');
      case 'RATE_LIMITED':
        return t('RATE_LIMITED', {
          minutes: Math.max(1, Math.ceil(Number(error.details?.retryAfterSeconds ?? 60) / 60)),
        });
      case 'LINK_INVALID':
      case 'ACCOUNT_EXISTS':
      case 'WRONG_PASSWORD':
      case 'NOT_FOUND':
        return t(error.code);
      default:
        return t('INTERNAL');
    }
  };
}
