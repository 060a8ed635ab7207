'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ActionError } from '@/app/actions/action-result';
import { resendWebhookAction } from '@/app/actions/merchant-orders';
import { Button } from '@/components/ui/button';
import { useMerchantErrorText } from './use-merchant-error-text';

/** One manual delivery attempt now; the result is said next to the button and the log reloads. */
export function ResendWebhookButton({ eventId, orderId }: { eventId: string; orderId: string }) {
  const t = useTranslations('merchantDashboard.webhooks');
  const errorText = useMerchantErrorText();
  const router = useRouter();
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();

  function resend() {
    const form = new FormData();
    form.set('eventId', eventId);
    form.set('orderId', orderId);
    setResult(null);
    setError(null);
    startTransition(async () => {
      const answer = await resendWebhookAction(form);
      if (!answer.ok) return setError(answer.error);
      setResult(t('resent', { result: answer.data.delivered ? t('resentOk') : t('resentFailed') }));
      router.refresh();
    });
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button size="sm" variant="secondary" onClick={resend} disabled={pending} data-testid="resend-webhook">
        {pending ? t('resending') : t('resend')}
      </Button>
      <span aria-live="polite" className="text-sm text-gray-600">
        {error ? <span className="text-danger">{errorText(error)}</span> : result}
      </span>
    </div>
  );
}
