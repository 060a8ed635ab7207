'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import type { ActionError } from '@/app/actions/action-result';
import { finishPinResetAction, startPinResetAction } from '@/app/actions/payment-pin';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { PinInput } from './pin-input';
import { usePinErrorText } from './use-pin-error-text';

/**
 * Forgotten PIN: the sign-in password → a code by mail → the code and the new PIN twice →
 * back where the person came from.
 */
export function ResetPinForm({ next, codeMinutes }: { next: string; codeMinutes: number }) {
  const t = useTranslations('pin.reset');
  const te = useTranslations('pin.errors');
  const pinErrorText = usePinErrorText();
  const router = useRouter();
  const id = useId();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [done, setDone] = useState(false);
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();

  const text = (e: ActionError): string => {
    if (e.code === 'WRONG_PASSWORD' || (e.code === 'INVALID_INPUT' && e.field === 'password'))
      return te('WRONG_PASSWORD');
    if (e.code === 'INVALID_INPUT' && e.field === 'code') return te('INVALID_CODE');
    return pinErrorText(e) ?? te('PIN_RESET_CODE_EXPIRED');
  };

  function send(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(async () => {
      const result = await startPinResetAction(form);
      if (!result.ok) return setError(result.error);
      setError(null);
      setSentTo(result.data.sentTo);
    });
  }

  function reset(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(async () => {
      const result = await finishPinResetAction(form);
      if (!result.ok) {
        setError(result.error);
        setPin('');
        setAgain('');
        if (result.error.code === 'PIN_RESET_CODE_EXPIRED') setSentTo(null);
        return;
      }
      setError(null);
      setDone(true);
    });
  }

  if (done) {
    return (
      <div className="flex flex-col gap-4">
        <p
          role="status"
          className="rounded-lg bg-green-50 px-3 py-2 text-sm text-green-800"
          data-testid="pin-reset-done"
        >
          {t('done')}
        </p>
        <Button size="lg" onClick={() => router.push(next)}>
          {t('continue')}
        </Button>
      </div>
    );
  }

  if (!sentTo) {
    return (
      <form onSubmit={send} className="flex flex-col gap-4" noValidate>
        <TextField
          label={t('password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={error ? text(error) : undefined}
        />
        <Button type="submit" size="lg" disabled={pending}>
          {pending ? t('sending') : t('send')}
        </Button>
      </form>
    );
  }

  const errorText = error ? text(error) : null;
  const codeError = error && (error.field === 'code' || error.code.startsWith('PIN_RESET')) ? errorText : null;
  const pinError = errorText && !codeError ? errorText : null;
  return (
    <form onSubmit={reset} className="flex flex-col gap-4" noValidate>
      <p role="status" className="rounded-lg bg-brand-50 px-3 py-2 text-sm text-gray-800" data-testid="pin-reset-sent">
        {t('sent', { email: sentTo, minutes: codeMinutes })}
      </p>
      <TextField
        label={t('code')}
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        required
        error={codeError ?? undefined}
        onChange={() => setError(null)}
      />
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${id}-pin`} className="text-sm font-semibold text-gray-700">
          {t('newPin')}
        </label>
        <PinInput
          id={`${id}-pin`}
          name="pin"
          value={pin}
          onChange={setPin}
          invalid={!!pinError}
          testId="new-pin-input"
        />
      </div>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${id}-again`} className="text-sm font-semibold text-gray-700">
          {t('again')}
        </label>
        <PinInput
          id={`${id}-again`}
          name="pinConfirm"
          value={again}
          onChange={setAgain}
          invalid={!!pinError}
          describedBy={pinError ? `${id}-pin-error` : undefined}
          testId="new-pin-again-input"
        />
        {pinError ? (
          <p id={`${id}-pin-error`} role="alert" className="text-sm text-danger" data-testid="pin-error">
            {pinError}
          </p>
        ) : null}
      </div>
      <Button type="submit" size="lg" disabled={pending || pin.length !== 6 || again.length !== 6}>
        {pending ? t('submitting') : t('submit')}
      </Button>
      <button
        type="button"
        className="min-h-11 self-start text-sm font-semibold text-brand-600 hover:underline"
        onClick={() => setSentTo(null)}
      >
        {t('resend')}
      </button>
    </form>
  );
}
