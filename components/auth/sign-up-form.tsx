'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState, useTransition } from 'react';
import { signUpAction, type SignUpActionResult } from '@/app/actions/sign-up';
import { CheckEmailPanel } from '@/components/account/check-email-panel';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { DISPLAY_NAME_MAX, PASSWORD_MIN } from '@/lib/accounts/sign-up-limits';

export function SignUpForm() {
  const t = useTranslations('auth');
  const [state, setState] = useState<SignUpActionResult | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  // Submitting by hand (not <form action>) keeps what was typed when a field is refused.
  // A valid form always gets "check your email": the account is opened from the mail's link.
  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(async () => {
      const result = await signUpAction(form);
      setState(result);
      if (result.ok) setSentTo(String(form.get('email') ?? '').trim());
    });
  }

  if (sentTo) return <CheckEmailPanel email={sentTo} />;

  const errors = state && !state.ok && 'fieldErrors' in state ? state.fieldErrors : {};
  const err = (key?: string) => (key ? t(`errors.${key}`) : undefined);
  // Too many sign-ups from this address: the same for every email, with the wait.
  const waitSeconds = state && !state.ok && 'retryAfterSeconds' in state ? state.retryAfterSeconds : null;

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <TextField
        label={t('email')}
        name="email"
        type="email"
        autoComplete="email"
        required
        placeholder={t('emailPlaceholder')}
        error={err(errors.email)}
      />
      <TextField
        label={t('displayName')}
        name="displayName"
        autoComplete="nickname"
        required
        maxLength={DISPLAY_NAME_MAX}
        placeholder={t('displayNamePlaceholder')}
        error={err(errors.displayName)}
      />
      <TextField
        label={t('password')}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        hint={t('passwordHint')}
        error={err(errors.password)}
      />
      {waitSeconds !== null ? (
        <p role="alert" data-testid="sign-up-error" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-danger">
          {t('errors.RATE_LIMITED', { minutes: Math.max(1, Math.ceil(waitSeconds / 60)) })}
        </p>
      ) : null}
      <Button type="submit" block size="lg" disabled={pending}>
        {pending ? t('signingUp') : t('signUp')}
      </Button>
      <p className="text-center text-sm text-gray-600">
        {t('haveAccount')}{' '}
        <Link href="/sign-in" className="font-semibold text-brand-600 hover:underline">
          {t('goSignIn')}
        </Link>
      </p>
    </form>
  );
}
