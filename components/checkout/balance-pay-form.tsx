'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { payOrderFromBalanceAction } from '@/app/actions/checkout';
import type { ActionError } from '@/app/actions/action-result';
import { PinField } from '@/components/pin/pin-field';
import { PinLockedNotice } from '@/components/pin/pin-locked-notice';
import { usePinErrorText } from '@/components/pin/use-pin-error-text';
import { useIdempotencyKey } from '@/components/wallet/use-idempotency-key';
import { PayButton } from './pay-button';
import { useCheckoutErrorText } from './use-checkout-error-text';

type Props = {
  orderId: string;
  shopName: string;
  amountText: string;
  feeText: string;
  disabled: boolean;
  pinLockedUntil: string | null;
};

/** Pay from the balance: what will be taken and by whom, the payment PIN, one button with the amount on it. */
export function BalancePayForm({ orderId, shopName, amountText, feeText, disabled, pinLockedUntil }: Props) {
  const t = useTranslations('checkout');
  const errorText = useCheckoutErrorText();
  const pinErrorText = usePinErrorText();
  const router = useRouter();
  // One key per page load: a double click or a retried request pays once.
  const [key] = useIdempotencyKey();
  const [pin, setPin] = useState('');
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
        setPin('');
        // The order closed or expired meanwhile: the server's page says so.
        if (result.error.code === 'ORDER_NOT_PAYABLE') router.refresh();
        return;
      }
      setDone(true);
      router.push(`/pay/${result.data.orderId}/result?operation=${result.data.operationId}`);
    });
  }

  const pinError = error ? pinErrorText(error) : null;
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate data-testid="balance-pay-form">
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="idempotencyKey" value={key} />
      <dl className="flex flex-col gap-2 rounded-xl bg-gray-50 p-4 text-sm" data-testid="balance-pay-summary">
        <Row label={t('summaryPayee')} value={shopName} />
        <Row label={t('summaryAmount')} value={amountText} />
        <Row label={t('summaryFee')} value={feeText} />
        <Row label={t('summaryTotal')} value={amountText} strong />
      </dl>
      {pinLockedUntil ? <PinLockedNotice until={pinLockedUntil} /> : null}
      <PinField
        value={pin}
        onChange={(v) => {
          setPin(v);
          setError(null);
        }}
        error={pinError ?? undefined}
        returnTo={`/pay/${orderId}`}
        disabled={disabled}
        autoFocus={false}
      />
      {error && !pinError ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-danger" data-testid="checkout-error">
          {errorText(error)}
        </p>
      ) : null}
      <PayButton
        disabled={disabled || pending || done || pin.length !== 6}
        label={pending || done ? t('paying') : t('pay', { amount: amountText })}
      />
    </form>
  );
}

function Row({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <div className="flex justify-between gap-4">
      <dt className="text-gray-600">{label}</dt>
      <dd className={strong ? 'tabular text-right font-semibold text-gray-900' : 'tabular text-right text-gray-900'}>
        {value}
      </dd>
    </div>
  );
}
