'use client';

import { useLocale, useTranslations } from 'next-intl';
import { formatMoney } from '@/ledger';
import type { ActionError } from '@/app/actions/action-result';
import { isUnsafeTextError, useActionErrorText } from '@/components/wallet/use-action-error-text';

const INVALID_INPUT_FIELDS: Record<string, string> = {
  webhookUrl: 'INVALID_WEBHOOK_URL',
  shopName: 'INVALID_SHOP_NAME',
  label: 'INVALID_LABEL',
  reason: 'INVALID_REASON',
};

/** Merchant error codes in words; anything else as the wallet's forms say it. */
export function useMerchantErrorText(): (error: ActionError, context?: { withFee?: boolean }) => string {
  const t = useTranslations('merchantDashboard.errors');
  const walletText = useActionErrorText();
  const locale = useLocale() === 'en' ? 'en' : 'zh-CN';
  return (error, context) => {
    switch (error.code) {
      case 'REFUND_EXCEEDS_PAID':
        return t('REFUND_EXCEEDS_PAID', {
          amount: formatMoney({ amount: BigInt(String(error.details?.refundable ?? '0')), currency: 'CNY' }, locale),
        });
      case 'MERCHANT_APPLICATION_EXISTS':
      case 'SETTLEMENT_ACCOUNT_MISSING':
      case 'ORDER_NOT_PAID':
      case 'ORDER_NOT_PENDING':
      case 'MERCHANT_NOT_ACTIVE':
      case 'ACCOUNT_FROZEN':
      case 'MERCHANT_FROZEN':
        return t(error.code);
      case 'INVALID_INPUT': {
        if (isUnsafeTextError(error)) return walletText(error, context);
        const key = error.field ? INVALID_INPUT_FIELDS[error.field] : undefined;
        return key ? t(key) : walletText(error, context);
      }
      default:
        return walletText(error, context);
    }
  };
}
