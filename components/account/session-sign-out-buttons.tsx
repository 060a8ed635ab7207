'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { signOutOtherSessionsAction, signOutSessionAction } from '@/app/actions/account-security';
import { Button } from '@/components/ui/button';
import { useAccountErrorText } from './use-account-error-text';

/** Signs out one of the user's other devices (the list re-renders without it). */
export function SignOutSessionButton({ sessionId, deviceLabel }: { sessionId: string; deviceLabel: string }) {
  const t = useTranslations('account.security');
  const errorText = useAccountErrorText();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  function onClick() {
    const form = new FormData();
    form.set('sessionId', sessionId);
    startTransition(async () => {
      const result = await signOutSessionAction(form);
      setError(result.ok ? null : errorText(result.error));
    });
  }
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        variant="secondary"
        size="sm"
        className="min-h-11"
        onClick={onClick}
        disabled={pending}
        aria-label={t('signOutLabel', { device: deviceLabel })}
      >
        {pending ? t('signingOut') : t('signOut')}
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function SignOutOtherSessionsButton() {
  const t = useTranslations('account.security');
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  function onClick() {
    startTransition(async () => {
      const result = await signOutOtherSessionsAction();
      setMessage(result.ok ? t('signedOutOthers', { count: result.data.count }) : null);
    });
  }
  return (
    <div className="flex flex-col gap-2">
      <Button
        variant="secondary"
        onClick={onClick}
        disabled={pending}
        className="self-start"
        data-testid="sign-out-others"
      >
        {pending ? t('signingOut') : t('signOutOthers')}
      </Button>
      {message ? (
        <p role="status" className="text-sm text-green-700">
          {message}
        </p>
      ) : null}
    </div>
  );
}
