'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { confirmTwoFactorAction, startTwoFactorAction, type TwoFactorEnrolment } from '@/app/actions/two-factor';
import { CopyButton } from '@/components/activity/copy-button';
import { Button, buttonVariants } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';

/**
 * Turning on the authenticator app: a QR code (and the key, to type in by hand), then the
 * first code from the app, then the recovery codes, shown this once.
 */
export function TwoFactorEnrolmentForm() {
  const t = useTranslations('twoFactor');
  const [enrolment, setEnrolment] = useState<TwoFactorEnrolment | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function start() {
    setPending(true);
    setError(null);
    const result = await startTwoFactorAction();
    setPending(false);
    if (result.ok) setEnrolment(result.data);
    else setError(t('errors.generic'));
  }

  async function confirm(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    setError(null);
    const result = await confirmTwoFactorAction(new FormData(e.currentTarget));
    setPending(false);
    if (result.ok) setRecoveryCodes(result.data.recoveryCodes);
    else setError(result.error.code === 'WRONG_TWO_FACTOR_CODE' ? t('errors.wrongCode') : t('errors.generic'));
  }

  if (recoveryCodes) {
    return (
      <div className="flex flex-col gap-4">
        <p className="font-semibold text-gray-900" role="status">
          {t('enabled')}
        </p>
        <div className="flex items-start justify-between gap-2">
          <p className="text-sm text-gray-700">{t('recoveryIntro')}</p>
          {/* Kept in a password manager, so copying all ten at once is the common way. */}
          <CopyButton value={recoveryCodes.join('\n')} label={t('recoveryCodes')} />
        </div>
        <ol
          className="grid grid-cols-2 gap-2 rounded-lg bg-gray-50 p-3 font-mono text-sm text-gray-900"
          data-testid="recovery-codes"
        >
          {recoveryCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ol>
        <Link href="/" className={buttonVariants({ block: true, size: 'lg' })}>
          {t('done')}
        </Link>
      </div>
    );
  }

  if (!enrolment) {
    return (
      <div className="flex flex-col gap-4">
        <p className="text-sm text-gray-700">{t('intro')}</p>
        {error ? (
          <p className="rounded-lg bg-red-50 px-3 py-2 text-sm text-danger" role="alert">
            {error}
          </p>
        ) : null}
        <Button block size="lg" onClick={start} disabled={pending}>
          {t('start')}
        </Button>
      </div>
    );
  }

  return (
    <form onSubmit={confirm} className="flex flex-col gap-4" noValidate>
      <p className="text-sm text-gray-700">{t('scan')}</p>
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img
        src={enrolment.qrDataUrl}
        alt={t('qrAlt')}
        width={184}
        height={184}
        className="self-center rounded-lg border border-gray-200"
      />
      <div className="text-sm text-gray-700">
        <p>{t('manualKey')}</p>
        <p className="mt-1 font-mono break-all text-gray-900 select-all" data-testid="totp-secret">
          {enrolment.secret}
        </p>
      </div>
      <TextField
        label={t('codeLabel')}
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        required
        error={error ?? undefined}
      />
      <Button type="submit" block size="lg" disabled={pending}>
        {t('confirm')}
      </Button>
    </form>
  );
}
