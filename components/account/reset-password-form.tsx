'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { resetPasswordAction } from '@/app/actions/account-door';
import type { ActionError } from '@/app/actions/action-result';
import { Button } from '@/components/ui/button';
import { NewPasswordFields } from './new-password-fields';
import { useAccountErrorText } from './use-account-error-text';

/** On success the action sends the browser to sign-in; here only errors come back. */
export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations('account.reset');
  const errorText = useAccountErrorText();
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(async () => {
      const result = await resetPasswordAction(form);
      setError(result.ok ? null : result.error);
    });
  }

  const errorFor = (field: string) => (error?.field === field ? errorText(error) : undefined);
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields errorFor={errorFor} />
      {error && !error.field ? (
        <p role="alert" data-testid="reset-error" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-danger">
          {errorText(error)}
        </p>
      ) : null}
      <Button type="submit" block size="lg" disabled={pending}>
        {pending ? t('submitting') : t('submit')}
      </Button>
    </form>
  );
}
