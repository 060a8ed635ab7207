'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { signUpAction } from '@/app/actions/sign-up';
import type { SignUpResult } from '@/server/auth/sign-up';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { DISPLAY_NAME_MAX, PASSWORD_MIN } from '@/server/auth/sign-up-limits';

export function SignUpForm() {
  const t = useTranslations('auth');
  const router = useRouter();
  const [state, setState] = useState<SignUpResult | null>(null);
  const [pending, startTransition] = useTransition();

  // Submitting by hand (not <form action>) keeps what was typed when a field is refused;
  // once the account exists, sign in with the same credentials and go home.
  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(async () => {
      const result = await signUpAction(form);
      setState(result);
      if (!result.ok) return;
      await signIn('credentials', {
        email: String(form.get('email') ?? ''),
        password: String(form.get('password') ?? ''),
        redirect: false,
      });
      router.replace('/');
      router.refresh();
    });
  }

  const errors = state && !state.ok ? state.fieldErrors : {};
  const err = (key?: string) => (key ? t(`errors.${key}`) : undefined);

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <TextField label={t('email')} name="email" type="email" autoComplete="email" required placeholder={t('emailPlaceholder')} error={err(errors.email)} />
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
      <Button type="submit" block size="lg" disabled={pending || state?.ok}>
        {pending || state?.ok ? t('signingUp') : t('signUp')}
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
