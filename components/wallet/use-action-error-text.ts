'use client';

import { useLocale, useTranslations } from 'next-intl';
import { formatMoney } from '@/ledger';
import type { ActionError } from '@/app/actions/action-result';
import { useErrorCodeText } from '@/components/errors/use-error-code-text';

const AMOUNT_REASONS = new Set([
  'EMPTY',
  'ZERO',
  'TOO_MANY_DECIMALS',
  'TOO_LARGE',
  'GROUPING',
  'WHITESPACE',
  'SIGN',
  'EXPONENT',
]);
/** Why a text field was refused (server/text/find-unsafe-character.ts): said the same on every form. */
const TEXT_REASONS = new Set(['BIDI_CONTROL', 'INVISIBLE_CHARACTER', 'CONTROL_CHARACTER']);

/** True for a field refused for a hidden character: its sentence names the character. */
export function isUnsafeTextError(error: ActionError): boolean {
  return error.code === 'INVALID_INPUT' && TEXT_REASONS.has(String(error.details?.reason ?? ''));
}

/** Turns an action's error code (and details) into a sentence in the person's language; a code
 * with nothing more precise to say gets its own sentence (messages/errors). */
export function useActionErrorText(): (error: ActionError, context?: { withFee?: boolean }) => string {
  const t = useTranslations('walletErrors');
  const codeText = useErrorCodeText();
  const locale = useLocale() === 'en' ? 'en' : 'zh-CN';
  const money = (minor: unknown) => formatMoney({ amount: BigInt(String(minor ?? '0')), currency: 'CNY' }, locale);
  return (error, context = {}) => {
    const details = error.details ?? {};
    switch (error.code) {
      case 'INVALID_AMOUNT': {
        const reason = String(details.reason ?? '');
        return AMOUNT_REASONS.has(reason) ? t(`amountReasons.${reason}`) : codeText('INVALID_AMOUNT');
      }
      case 'INSUFFICIENT_FUNDS':
        return context.withFee ? t('INSUFFICIENT_FUNDS_WITH_FEE') : codeText('INSUFFICIENT_FUNDS');
      case 'LIMIT_EXCEEDED':
        return details.limit === 'PER_DAY'
          ? t('LIMIT_EXCEEDED_PER_DAY', { remaining: money(details.remaining) })
          : t('LIMIT_EXCEEDED_PER_OPERATION', { maximum: money(details.maximum) });
      case 'INVALID_INPUT':
        if (isUnsafeTextError(error)) {
          return t(`textReasons.${String(details.reason)}`, {
            codePoint: String(details.codePoint ?? ''),
            position: Number(details.position ?? 0),
          });
        }
        return codeText('INVALID_INPUT');
      case 'RATE_LIMITED':
        return t('RATE_LIMITED', { minutes: Math.max(1, Math.ceil(Number(details.retryAfterSeconds ?? 60) / 60)) });
      default:
        return codeText(error.code);
    }
  };
}
