'use client';

import { RotateCw } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { replayWebhookAction } from '@/app/actions/admin-webhooks';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { useAdminErrorText } from '../use-admin-error-text';

/** Sends the notification again now; says what the merchant's server answered. */
export function ReplayButton({ eventId }: { eventId: string }) {
  const t = useTranslations('adminWebhooks');
  const errorText = useAdminErrorText();
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [pending, startTransition] = useTransition();

  function replay() {
    const form = new FormData();
    form.set('eventId', eventId);
    setMessage(null);
    startTransition(async () => {
      const result = await replayWebhookAction(form);
      if (!result.ok) return setMessage({ text: errorText(result.error), ok: false });
      const { delivered, responseStatus } = result.data;
      setMessage(
        delivered
          ? { text: t('replayDelivered', { status: responseStatus ?? 0 }), ok: true }
          : {
              text: t('replayFailed', {
                result: responseStatus === null ? t('noResponse') : t('httpStatus', { status: responseStatus }),
              }),
              ok: false,
            },
      );
    });
  }

  return (
    <div className="flex flex-col items-start gap-2">
      <Button variant="secondary" size="sm" onClick={replay} disabled={pending} data-testid="webhook-replay">
        <RotateCw aria-hidden className={cn('size-4', pending && 'motion-safe:animate-spin')} />
        {pending ? t('replaying') : t('replay')}
      </Button>
      <p
        aria-live="polite"
        className={cn('text-sm', message?.ok ? 'text-green-700' : 'text-danger')}
        data-testid="webhook-replay-result"
      >
        {message?.text ?? ''}
      </p>
    </div>
  );
}
