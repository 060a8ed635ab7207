'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { confirmSignUpAction } from '@/app/actions/account-door';
import type { ActionError } from '@/app/actions/action-result';
import { Button } from '@/components/ui/button';
import { useAccountErrorText } from './use-account-error-text';

/** A button, not the link itself, uses the token: mail scanners that open links do not. */
export function ConfirmSignUpForm({ token }: { token: string }) {
  const t = useTranslations('account.verify');
  const errorText = useAccountErrorText();
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(async () => {
      const result = await confirmSignUpAction(form);
      setError(result.ok ? null : result.error);
    });
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4">
      <input type="hidden" name="token" value={token} />
      {error ? (
        <p role="alert" data-testid="verify-error" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-danger">
          {errorText(error)}
        </p>
      ) : null}
      <Button type="submit" block size="lg" disabled={pending}>
        {pending ? t('submitting') : t('submit')}
      </Button>
    </form>
  );
}
