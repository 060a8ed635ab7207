'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';

const KNOWN_ERRORS = new Set(['INVALID_CREDENTIALS', 'LOCKED']);

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('auth');
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    const res = await signIn('credentials', {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      redirect: false,
    });
    if (res?.ok && !res.error) {
      router.replace(callbackUrl);
      router.refresh();
      return;
    }
    setPending(false);
    const code = res?.error && KNOWN_ERRORS.has(res.error) ? res.error : 'UNKNOWN';
    setError(t(`errors.${code}`));
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <TextField label={t('email')} name="email" type="email" autoComplete="email" required placeholder={t('emailPlaceholder')} />
      <TextField label={t('password')} name="password" type="password" autoComplete="current-password" required />
      {error ? (
        <p data-testid="sign-in-error" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-danger">
          {error}
        </p>
      ) : null}
      <Button type="submit" block size="lg" disabled={pending}>
        {pending ? t('signingIn') : t('signIn')}
      </Button>
      <p className="text-center text-sm text-gray-600">
        {t('noAccount')}{' '}
        <Link href="/sign-up" className="font-semibold text-brand-600 hover:underline">
          {t('goSignUp')}
        </Link>
      </p>
    </form>
  );
}
