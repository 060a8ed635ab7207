'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { SignInCodeStep } from './sign-in-code-step';

const KNOWN_ERRORS = new Set([
  'INVALID_CREDENTIALS',
  'CODE_REQUIRED',
  'INVALID_CODE',
  'TWO_FACTOR_REQUIRED',
  'INVALID_TWO_FACTOR',
]);

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('auth');
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [error, setError] = useState<string | null>(null);
  // A further step asked for (the emailed code, the authenticator code) is not a mistake: it
  // reads as information, not in red (docs/ui.md: red is kept for errors).
  const [isStepPrompt, setIsStepPrompt] = useState(false);
  const [pending, setPending] = useState(false);
  const [needsCode, setNeedsCode] = useState(false);
  const [challengeId, setChallengeId] = useState<string | null>(null);
  const [needsSecondFactor, setNeedsSecondFactor] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    const res = await signIn('credentials', {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      code: String(form.get('code') ?? ''),
      challengeId: challengeId ?? '',
      secondFactor: String(form.get('secondFactor') ?? ''),
      redirect: false,
    });
    if (res?.ok && !res.error) {
      router.replace(callbackUrl);
      router.refresh();
      return;
    }
    setPending(false);
    const raw = res?.error ?? null;
    setIsStepPrompt(raw === 'TWO_FACTOR_REQUIRED' || (raw === 'CODE_REQUIRED' && !challengeId));
    setError(errorText(raw));
  }

  function errorText(raw: string | null): string {
    const [code, seconds] = (raw ?? '').split(':');
    if (code === 'RATE_LIMITED')
      return t('errors.RATE_LIMITED', { minutes: Math.max(1, Math.ceil(Number(seconds) / 60) || 1) });
    if (code === 'CODE_REQUIRED' || code === 'INVALID_CODE') setNeedsCode(true);
    if (code === 'TWO_FACTOR_REQUIRED' || code === 'INVALID_TWO_FACTOR') setNeedsSecondFactor(true);
    if (code === 'CODE_REQUIRED' && challengeId) return t('errors.INVALID_CODE');
    return t(`errors.${code && KNOWN_ERRORS.has(code) ? code : 'UNKNOWN'}`);
  }

  const emailOf = () => String(new FormData(formRef.current ?? undefined).get('email') ?? '');

  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <TextField
        label={t('email')}
        name="email"
        type="email"
        autoComplete="email"
        required
        placeholder={t('emailPlaceholder')}
      />
      <TextField label={t('password')} name="password" type="password" autoComplete="current-password" required />
      {needsSecondFactor ? (
        <TextField
          label={t('secondFactor.label')}
          hint={t('secondFactor.hint')}
          name="secondFactor"
          autoComplete="one-time-code"
          maxLength={16}
          autoFocus
          required
        />
      ) : null}
      {needsCode ? (
        <SignInCodeStep
          emailOf={emailOf}
          challengeId={challengeId}
          onChallenge={(id) => {
            // The panel now says the code was sent; the earlier prompt has done its job.
            setChallengeId(id);
            setError(null);
          }}
          onError={(message) => {
            setIsStepPrompt(false);
            setError(message);
          }}
        />
      ) : null}
      {error ? (
        <p
          data-testid="sign-in-error"
          role={isStepPrompt ? 'status' : 'alert'}
          className={
            isStepPrompt
              ? 'rounded-lg bg-brand-50 px-3 py-2 text-sm text-gray-800'
              : 'rounded-lg bg-red-50 px-3 py-2 text-sm text-danger'
          }
        >
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
