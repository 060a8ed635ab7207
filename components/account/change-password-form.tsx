'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState, useTransition } from 'react';
import { changePasswordAction } from '@/app/actions/account-security';
import type { ActionError } from '@/app/actions/action-result';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { NewPasswordFields } from './new-password-fields';
import { useAccountErrorText } from './use-account-error-text';

export function ChangePasswordForm() {
  const t = useTranslations('account.security');
  const tf = useTranslations('account.fields');
  const errorText = useAccountErrorText();
  const formRef = useRef<HTMLFormElement>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [done, setDone] = useState(false);
  const [pending, startTransition] = useTransition();

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(async () => {
      const result = await changePasswordAction(form);
      setDone(result.ok);
      setError(result.ok ? null : result.error);
      if (result.ok) formRef.current?.reset();
    });
  }

  const errorFor = (field: string) => (error?.field === field ? errorText(error) : undefined);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <TextField
        label={tf('currentPassword')}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={errorFor('currentPassword')}
      />
      <NewPasswordFields errorFor={errorFor} />
      {error && !error.field ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-danger">
          {errorText(error)}
        </p>
      ) : null}
      <Button type="submit" disabled={pending} className="self-start">
        {pending ? t('changing') : t('changeSubmit')}
      </Button>
      {done ? (
        <p role="status" data-testid="password-changed" className="text-sm text-green-700">
          {t('changed')}
        </p>
      ) : null}
    </form>
  );
}
