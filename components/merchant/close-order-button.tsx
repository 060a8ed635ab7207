'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ActionError } from '@/app/actions/action-result';
import { closeOrderAction } from '@/app/actions/merchant-orders';
import { Button } from '@/components/ui/button';
import { useMerchantErrorText } from './use-merchant-error-text';

/** Closes a PENDING order after an inline confirmation. */
export function CloseOrderButton({ orderId }: { orderId: string }) {
  const t = useTranslations('merchantDashboard.close');
  const errorText = useMerchantErrorText();
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();

  function close() {
    const form = new FormData();
    form.set('orderId', orderId);
    startTransition(async () => {
      const result = await closeOrderAction(form);
      if (!result.ok) return setError(result.error);
      setAsking(false);
      router.refresh();
    });
  }

  if (!asking) {
    return (
      <Button variant="secondary" onClick={() => setAsking(true)} data-testid="close-order">
        {t('button')}
      </Button>
    );
  }
  return (
    <div
      role="alertdialog"
      aria-labelledby="close-order-text"
      className="flex flex-col gap-3 rounded-xl border border-amber-200 bg-amber-50 p-4"
    >
      <p id="close-order-text" className="text-sm text-amber-900">
        {t('confirmText')}
      </p>
      {error && <p className="text-sm text-danger">{errorText(error)}</p>}
      <div className="flex gap-2">
        <Button variant="secondary" onClick={() => setAsking(false)} disabled={pending}>
          {t('cancel')}
        </Button>
        <Button variant="danger" onClick={close} disabled={pending} data-testid="close-order-confirm">
          {pending ? t('closing') : t('confirm')}
        </Button>
      </div>
    </div>
  );
}
