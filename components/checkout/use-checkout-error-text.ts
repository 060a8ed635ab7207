'use client';

import { useTranslations } from 'next-intl';
import type { ActionError } from '@/app/actions/action-result';
import { useActionErrorText } from '@/components/wallet/use-action-error-text';

const CHECKOUT_CODES = new Set([
  'WRONG_PASSWORD',
  'INSUFFICIENT_FUNDS',
  'ACCOUNT_FROZEN',
  'ORDER_NOT_PAYABLE',
  'MERCHANT_FROZEN',
  'CANNOT_PAY_OWN_ORDER',
  'NOT_FOUND',
]);

/** Checkout's errors in the customer's words; the wallet's shared codes (limits, bank) as the wallet says them. */
export function useCheckoutErrorText(): (error: ActionError) => string {
  const t = useTranslations('checkout.errors');
  const walletText = useActionErrorText();
  return (error) => {
    if (error.code === 'INVALID_INPUT' && error.field === 'bankAccountId') return t('bankAccountRequired');
    return CHECKOUT_CODES.has(error.code) ? t(error.code) : walletText(error);
  };
}
