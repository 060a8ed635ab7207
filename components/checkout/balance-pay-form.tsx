'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { payOrderFromBalanceAction } from '@/app/actions/checkout';
import type { ActionError } from '@/app/actions/action-result';
import { TextField } from '@/components/ui/text-field';
import { useIdempotencyKey } from '@/components/wallet/use-idempotency-key';
import { PayButton } from './pay-button';
import { useCheckoutErrorText } from './use-checkout-error-text';

type Props = { orderId: string; amountText: string; disabled: boolean };

/** Pay from the balance: the password again, then one confirm button with the amount on it. */
export function BalancePayForm({ orderId, amountText, disabled }: Props) {
  const t = useTranslations('checkout');
  const errorText = useCheckoutErrorText();
  const router = useRouter();
  // One key per page load: a double click or a retried request pays once.
  const [key] = useIdempotencyKey();
  const [error, setError] = useState<ActionError | null>(null);
  const [done, setDone] = useState(false);
  const [pending, startTransition] = useTransition();

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setError(null);
    startTransition(async () => {
      const result = await payOrderFromBalanceAction(form);
      if (!result.ok) {
        setError(result.error);
        // The order closed or expired meanwhile: the server's page says so.
        if (result.error.code === 'ORDER_NOT_PAYABLE') router.refresh();
        return;
      }
      setDone(true);
      router.push(`/pay/${result.data.orderId}/result?operation=${result.data.operationId}`);
    });
  }

  const passwordError = error?.field === 'password' ? errorText(error) : undefined;
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate data-testid="balance-pay-form">
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="idempotencyKey" value={key} />
      <TextField
        label={t('password')}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        hint={t('passwordHint')}
        error={passwordError}
        disabled={disabled}
      />
      {error && !passwordError ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-danger" data-testid="checkout-error">
          {errorText(error)}
        </p>
      ) : null}
      <PayButton disabled={disabled || pending || done} label={pending || done ? t('paying') : t('pay', { amount: amountText })} />
    </form>
  );
}
