'use client';

import { RotateCcw } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { resetReceiveCodeAction } from '@/app/actions/receive';
import { Button } from '@/components/ui/button';
import { useActionErrorText } from '@/components/wallet/use-action-error-text';
import type { ActionError } from '@/app/actions/action-result';

/** 重置收款码, after saying what it does: the old code stops paying at once. */
export function ResetReceiveCodeButton() {
  const t = useTranslations('receive.code');
  const errorText = useActionErrorText();
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();

  if (!asking) {
    return (
      <div className="flex flex-col items-center gap-1">
        <button
          type="button"
          onClick={() => {
            setAsking(true);
            setDone(false);
          }}
          className="inline-flex min-h-11 items-center gap-1.5 px-2 text-sm font-semibold text-gray-600 hover:text-gray-900 hover:underline"
        >
          <RotateCcw aria-hidden className="size-4" />
          {t('reset')}
        </button>
        <p role="status" className="text-sm text-green-800" data-testid="reset-done">
          {done ? t('resetDone') : ''}
        </p>
      </div>
    );
  }
  return (
    <section
      aria-labelledby="reset-code-title"
      className="flex w-full flex-col gap-3 rounded-xl border border-amber-200 bg-amber-50 p-4"
    >
      <h3 id="reset-code-title" className="font-semibold text-gray-900">
        {t('resetTitle')}
      </h3>
      <p className="text-sm text-gray-700">{t('resetText')}</p>
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {errorText(error)}
        </p>
      ) : null}
      <div className="flex gap-3">
        <Button variant="secondary" onClick={() => setAsking(false)} disabled={pending}>
          {t('cancel')}
        </Button>
        <Button
          className="flex-1"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await resetReceiveCodeAction();
              if (!result.ok) return setError(result.error);
              setError(null);
              setAsking(false);
              setDone(true);
            })
          }
        >
          {pending ? t('resetting') : t('resetConfirm')}
        </Button>
      </div>
    </section>
  );
}
