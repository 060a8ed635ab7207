'use client';

import { useTranslations } from 'next-intl';
import { useId, useState, useTransition } from 'react';
import type { ActionError } from '@/app/actions/action-result';
import { setPaymentPinAction } from '@/app/actions/payment-pin';
import { Button } from '@/components/ui/button';
import { pinProblem } from '@/lib/pin/pin-rules';
import { PinInput } from './pin-input';
import { usePinErrorText } from './use-pin-error-text';

/** Sets the first payment PIN: six digits, then the same six again; trivial ones are refused at once. */
export function SetPinForm({ onDone }: { onDone: () => void }) {
  const t = useTranslations('pin.setup');
  const pinErrorText = usePinErrorText();
  const id = useId();
  const [step, setStep] = useState<'first' | 'again'>('first');
  const [first, setFirst] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();

  function toAgain(value = first) {
    const problem = pinProblem(value);
    if (problem) {
      // The boxes empty for the next try (as after a mismatch), so typing six digits completes again.
      setFirst('');
      return setError({ code: 'PIN_NOT_ALLOWED', field: 'pin', details: { problem } });
    }
    setError(null);
    setStep('again');
  }

  function save(value = again) {
    if (value !== first) {
      setFirst('');
      setAgain('');
      setStep('first');
      return setError({ code: 'PIN_MISMATCH', field: 'pinConfirm' });
    }
    const form = new FormData();
    form.set('pin', first);
    form.set('pinConfirm', value);
    startTransition(async () => {
      const result = await setPaymentPinAction(form);
      if (!result.ok) {
        setError(result.error);
        setFirst('');
        setAgain('');
        setStep('first');
        return;
      }
      onDone();
    });
  }

  const errorText = error ? pinErrorText(error) : null;
  const inputId = `${id}-${step}`;
  return (
    <form
      className="flex flex-col gap-4"
      noValidate
      data-testid="set-pin-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (step === 'first') toAgain();
        else save();
      }}
    >
      <div className="flex flex-col gap-1.5">
        <label htmlFor={inputId} className="text-sm font-semibold text-gray-700">
          {step === 'first' ? t('first') : t('again')}
        </label>
        {step === 'first' ? (
          <PinInput
            key="first"
            id={inputId}
            name="pin"
            value={first}
            onChange={(v) => {
              setFirst(v);
              setError(null);
            }}
            onComplete={toAgain}
            describedBy={`${id}-note`}
            invalid={!!errorText}
            autoFocus
            testId="new-pin-input"
          />
        ) : (
          <PinInput
            key="again"
            id={inputId}
            name="pinConfirm"
            value={again}
            onChange={(v) => {
              setAgain(v);
              setError(null);
            }}
            onComplete={save}
            describedBy={`${id}-note`}
            invalid={!!errorText}
            disabled={pending}
            autoFocus
            testId="new-pin-again-input"
          />
        )}
        <p
          id={`${id}-note`}
          role={errorText ? 'alert' : undefined}
          className={errorText ? 'text-sm text-danger' : 'text-sm text-gray-500'}
          data-testid={errorText ? 'set-pin-error' : undefined}
        >
          {errorText ?? t('rules')}
        </p>
      </div>
      <div className="flex gap-3">
        {step === 'again' ? (
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() => {
              setFirst('');
              setAgain('');
              setError(null);
              setStep('first');
            }}
          >
            {t('back')}
          </Button>
        ) : null}
        <Button
          type="submit"
          size="lg"
          className="flex-1"
          disabled={pending || (step === 'first' ? first.length !== 6 : again.length !== 6)}
        >
          {step === 'first' ? t('next') : pending ? t('saving') : t('save')}
        </Button>
      </div>
    </form>
  );
}
