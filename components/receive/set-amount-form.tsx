'use client';

import { useTranslations } from 'next-intl';
import type { ActionError } from '@/app/actions/action-result';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { useActionErrorText } from '@/components/wallet/use-action-error-text';

/**
 * 设置金额: a plain GET form back to /receive, which checks the amount and memo with the
 * transfer form's rules and draws the code with them (or says what is wrong, by field).
 */
export function SetAmountForm({
  amount,
  memo,
  memoMax,
  error,
}: {
  amount: string;
  memo: string;
  memoMax: number;
  error: ActionError | null;
}) {
  const t = useTranslations('receive.code');
  const errorText = useActionErrorText();
  const fieldError = (field: 'amount' | 'memo') =>
    error && (error.field === field || (field === 'amount' && error.field !== 'memo')) ? errorText(error) : undefined;
  return (
    <form method="get" action="/receive" id="set-amount" className="flex flex-col gap-4" noValidate>
      <h2 className="text-lg font-semibold text-gray-900">{t('setAmount')}</h2>
      <TextField
        label={t('amountLabel')}
        name="amount"
        inputMode="decimal"
        autoComplete="off"
        defaultValue={amount}
        error={fieldError('amount')}
      />
      <TextField
        label={t('memoLabel')}
        name="memo"
        maxLength={memoMax}
        defaultValue={memo}
        hint={t('memoHint', { max: memoMax })}
        error={fieldError('memo')}
      />
      <Button type="submit" block>
        {t('apply')}
      </Button>
    </form>
  );
}
