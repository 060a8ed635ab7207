'use client';

import { useTranslations } from 'next-intl';
import type { ActionError } from '@/app/actions/action-result';
import { isUnsafeTextError, useActionErrorText } from '@/components/wallet/use-action-error-text';

const KNOWN = new Set([
  'FORBIDDEN',
  'USER_ALREADY_FROZEN',
  'USER_NOT_FROZEN',
  'CANNOT_FREEZE_ADMIN',
  'MERCHANT_ALREADY_DECIDED',
  'NOT_FOUND',
]);

/** An admin action's error as a sentence; a note error says whether it was empty or invalid. */
export function useAdminErrorText(): (error: ActionError, note?: string) => string {
  const t = useTranslations('adminCommon.errors');
  const walletText = useActionErrorText();
  return (error, note) => {
    if (isUnsafeTextError(error)) return walletText(error);
    if (error.code === 'INVALID_INPUT' && error.field === 'note')
      return (note ?? '').trim() === '' ? t('NOTE_REQUIRED') : t('NOTE_INVALID');
    return KNOWN.has(error.code) ? t(error.code as 'FORBIDDEN') : t('INTERNAL');
  };
}
