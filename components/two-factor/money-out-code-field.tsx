'use client';

import { useTranslations } from 'next-intl';
import type { ActionError } from '@/app/actions/action-result';
import { TextField } from '@/components/ui/text-field';

/** The field's name, as the server reads it (server/auth/two-factor/money-out-second-factor.ts). */
const FIELD = 'twoFactorCode';

/** Whether the error belongs under the authenticator code (missing, wrong or used, too many tries). */
export function isMoneyOutCodeError(error: ActionError | null): boolean {
  return error?.field === FIELD;
}

type Props = {
  value: string;
  onChange: (value: string) => void;
  error: ActionError | null;
  disabled?: boolean;
};

/**
 * "身份验证器动态码" on the withdraw and payout confirm steps, shown only to users who turned the
 * authenticator on. Free text, since a recovery code (XXXXX-XXXXX) is accepted too.
 */
export function MoneyOutCodeField({ value, onChange, error, disabled }: Props) {
  const t = useTranslations('twoFactor.moneyOut');
  const message = isMoneyOutCodeError(error) ? errorText(t, error!) : undefined;
  return (
    <TextField
      label={t('label')}
      hint={t('hint')}
      error={message}
      name={FIELD}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      autoComplete="one-time-code"
      spellCheck={false}
      maxLength={16}
      disabled={disabled}
      data-testid="money-out-code"
    />
  );
}

function errorText(t: ReturnType<typeof useTranslations<'twoFactor.moneyOut'>>, error: ActionError): string {
  if (error.code === 'RATE_LIMITED') {
    const seconds = Number(error.details?.retryAfterSeconds ?? 60);
    return t('errors.RATE_LIMITED', { minutes: Math.max(1, Math.ceil(seconds / 60)) });
  }
  return error.code === 'WRONG_TWO_FACTOR_CODE'
    ? t('errors.WRONG_TWO_FACTOR_CODE')
    : t('errors.TWO_FACTOR_CODE_REQUIRED');
}
