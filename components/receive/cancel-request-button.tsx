'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ActionError } from '@/app/actions/action-result';
import { cancelPaymentRequestAction } from '@/app/actions/receive';
import { Button } from '@/components/ui/button';
import { useActionErrorText } from '@/components/wallet/use-action-error-text';

/** 取消收款: the server decides whether it was still open (a payment may have won the race). */
export function CancelRequestButton({ requestId }: { requestId: string }) {
  const t = useTranslations('receive.requestDetail');
  const errorText = useActionErrorText();
  const router = useRouter();
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      className="flex w-full flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        startTransition(async () => {
          const result = await cancelPaymentRequestAction(form);
          setError(result.ok ? null : result.error);
          // Either way the state changed or was already final: show it as it is now.
          router.refresh();
        });
      }}
    >
      <input type="hidden" name="requestId" value={requestId} />
      <Button type="submit" variant="secondary" block disabled={pending}>
        {pending ? t('cancelling') : t('cancel')}
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {errorText(error)}
        </p>
      ) : null}
    </form>
  );
}
