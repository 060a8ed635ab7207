'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import type { ActionError } from '@/app/actions/action-result';
import { createPaymentRequestAction } from '@/app/actions/receive';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { AmountInput } from '@/components/wallet/amount-input';
import { useActionErrorText } from '@/components/wallet/use-action-error-text';

const EXPIRY_OPTIONS = ['15', '60', '1440', '10080'] as const;

/** 发起收款: amount, optional reason, validity; then the request's page with its link and QR. */
export function CreatePaymentRequestForm({ memoMax }: { memoMax: number }) {
  const t = useTranslations('receive.requests');
  const errorText = useActionErrorText();
  const router = useRouter();
  const expiryId = useId();
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(async () => {
      const result = await createPaymentRequestAction(form);
      if (!result.ok) return setError(result.error);
      router.push(`/receive/requests/${result.data.token}`);
    });
  }

  const fieldError = (field: string) => {
    if (!error) return undefined;
    if (field === 'expiresInMinutes') return error.field === field ? t('expiryError') : undefined;
    if (field === 'memo') return error.field === 'memo' ? errorText(error) : undefined;
    return error.field === 'memo' || error.field === 'expiresInMinutes' ? undefined : errorText(error);
  };

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-5" noValidate data-testid="create-request-form">
      <h2 className="text-lg font-semibold text-gray-900">{t('newTitle')}</h2>
      <AmountInput label={t('amount')} name="amount" error={fieldError('amount')} onChange={() => setError(null)} />
      <TextField
        label={t('memo')}
        name="memo"
        maxLength={memoMax}
        hint={t('memoHint', { max: memoMax })}
        error={fieldError('memo')}
      />
      <div className="flex flex-col gap-1.5">
        <label htmlFor={expiryId} className="text-sm font-semibold text-gray-700">
          {t('expiry')}
        </label>
        <select
          id={expiryId}
          name="expiresInMinutes"
          defaultValue="1440"
          aria-invalid={fieldError('expiresInMinutes') ? true : undefined}
          aria-describedby={fieldError('expiresInMinutes') ? `${expiryId}-error` : undefined}
          className="min-h-11 rounded-lg border border-gray-300 bg-white px-3 text-base text-gray-900"
        >
          {EXPIRY_OPTIONS.map((minutes) => (
            <option key={minutes} value={minutes}>
              {t(`expiryOptions.${minutes}`)}
            </option>
          ))}
        </select>
        {fieldError('expiresInMinutes') ? (
          <p id={`${expiryId}-error`} className="text-sm text-danger">
            {fieldError('expiresInMinutes')}
          </p>
        ) : null}
      </div>
      <Button type="submit" size="lg" block disabled={pending}>
        {pending ? t('creating') : t('create')}
      </Button>
    </form>
  );
}
