'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ActionError, ActionResult } from '@/app/actions/action-result';
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
      const result = await postPayment(orderId, form);
      // Signed out meanwhile (the session ended or was revoked): sign in and come back.
      if (!result.ok && result.error.code === 'UNAUTHENTICATED') {
        router.push(`/sign-in?callbackUrl=${encodeURIComponent(`/pay/${orderId}`)}`);
        return;
      }
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

type Paid = { operationId: string; orderId: string };

/** Posts the form to the checkout's payment route (app/pay/[orderId]/balance/route.ts). */
async function postPayment(orderId: string, form: FormData): Promise<ActionResult<Paid>> {
  try {
    const response = await fetch(`/pay/${encodeURIComponent(orderId)}/balance`, { method: 'POST', body: form });
    return (await response.json()) as ActionResult<Paid>;
  } catch {
    // No answer (offline, or the connection broke): the same key makes a retry safe.
    return { ok: false, error: { code: 'SERVICE_UNAVAILABLE' } };
  }
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
