'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ActionError } from '@/app/actions/action-result';
import { payPaymentRequestAction } from '@/app/actions/receive';
import { PinField } from '@/components/pin/pin-field';
import { PinLockedNotice } from '@/components/pin/pin-locked-notice';
import { usePinErrorText } from '@/components/pin/use-pin-error-text';
import { Button } from '@/components/ui/button';
import { useActionErrorText } from '@/components/wallet/use-action-error-text';
import { useIdempotencyKey } from '@/components/wallet/use-idempotency-key';

/**
 * Paying a payment request with the PIN. Whether it is still payable is the server's answer
 * (another device may have paid it a moment ago): that answer is shown here, and nothing moved.
 */
export function PayRequestForm({
  token,
  amount,
  pinLockedUntil,
}: {
  token: string;
  amount: string;
  pinLockedUntil: string | null;
}) {
  const t = useTranslations('receive.payRequest');
  const errorText = useActionErrorText();
  const pinErrorText = usePinErrorText();
  const router = useRouter();
  const [key] = useIdempotencyKey();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();
  const pinError = error ? pinErrorText(error) : null;
  const closed = error?.code === 'PAYMENT_REQUEST_NOT_PAYABLE' ? String(error.details?.state ?? '') : null;

  function onPay(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(async () => {
      const result = await payPaymentRequestAction(form);
      if (!result.ok) {
        setError(result.error);
        setPin('');
        return;
      }
      router.push(`/activity/${result.data.operationId}`);
    });
  }

  if (closed) {
    // Told plainly, and the form is gone: there is nothing left to pay.
    const title = closed === 'PAID' ? t('paidTitle') : closed === 'CANCELLED' ? t('cancelledTitle') : t('expiredTitle');
    return (
      <div role="alert" className="flex flex-col gap-1 rounded-xl bg-gray-50 p-4" data-testid="pay-request-closed">
        <p className="font-semibold text-gray-900">{title}</p>
        <p className="text-sm text-gray-700">{errorText(error!)}</p>
      </div>
    );
  }
  return (
    <form onSubmit={onPay} className="flex flex-col gap-5" noValidate data-testid="pay-request-form">
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="idempotencyKey" value={key} />
      {pinLockedUntil ? <PinLockedNotice until={pinLockedUntil} /> : null}
      <PinField
        value={pin}
        onChange={(v) => {
          setPin(v);
          setError(null);
        }}
        error={pinError ?? undefined}
        returnTo={`/pay-request/${token}`}
      />
      {error && !pinError ? (
        <p role="alert" className="text-sm text-danger" data-testid="pay-request-error">
          {errorText(error)}
        </p>
      ) : null}
      <Button type="submit" size="lg" block disabled={pending || pin.length !== 6}>
        {pending ? t('paying') : t('pay', { amount })}
      </Button>
    </form>
  );
}
