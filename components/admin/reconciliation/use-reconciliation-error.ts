'use client';

import { useTranslations } from 'next-intl';
import type { ActionError } from '@/app/actions/action-result';

/** An action's error code as a sentence of the reconciliation pages (a generic one otherwise). */
export function useReconciliationError(): (error: ActionError) => string {
  const t = useTranslations('adminReconciliation.errors');
  return (error) => {
    if (error.code === 'INVALID_INPUT' && error.field === 'note') return t('NOTE_REQUIRED');
    if (error.code === 'INVALID_INPUT' && error.field === 'date') return t('INVALID_BUSINESS_DATE');
    return t.has(error.code) ? t(error.code) : t('generic');
  };
}
