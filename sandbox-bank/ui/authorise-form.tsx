'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { authoriseDebitAction, cancelDebitAction, type AuthoriseFormState } from '../actions/authorise-actions';
import { OtpCodeInput } from './otp-code-input';

type Props = {
  bankReference: string;
  amountText: string;
  /** This request's CSP nonce, for the <style> the code input adds. */
  nonce?: string | undefined;
};

export function AuthoriseForm({ bankReference, amountText, nonce }: Props) {
  const t = useTranslations('sandboxBank.authorize');
  const [state, formAction, pending] = useActionState<AuthoriseFormState, FormData>(authoriseDebitAction.bind(null, bankReference), null);
  const [code, setCode] = useState('');
  const id = useId();
  // After a wrong code the boxes start empty again, ready for the next try.
  useEffect(() => {
    if (state?.error) setCode('');
  }, [state]);
  const errorText =
    state?.error === 'WRONG_CODE' ? t('wrongCode', { count: state.attemptsLeft }) : state?.error === 'INCOMPLETE' ? t('codeIncomplete') : null;

  return (
    <form action={formAction} className="flex flex-col gap-4">
      <div className="flex flex-col gap-2">
        <label htmlFor={`${id}-code`} className="text-sm font-semibold text-gray-700">
          {t('code')}
        </label>
        <OtpCodeInput
          id={`${id}-code`}
          name="code"
          value={code}
          onChange={setCode}
          describedBy={errorText ? `${id}-error` : `${id}-hint`}
          invalid={Boolean(errorText)}
          nonce={nonce}
        />
        {errorText ? (
          <p id={`${id}-error`} data-testid="authorize-error" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-danger">
            {errorText}
          </p>
        ) : (
          <p id={`${id}-hint`} className="text-sm text-gray-600">
            {t('codeHint')}
          </p>
        )}
      </div>
      <Button type="submit" size="lg" block disabled={pending} className="bg-teal-700 hover:bg-teal-800 focus-visible:outline-teal-700">
        {pending ? t('confirming') : t('confirm', { amount: amountText })}
      </Button>
      <Button type="submit" variant="secondary" block disabled={pending} formAction={cancelDebitAction.bind(null, bankReference)} formNoValidate>
        {t('cancel')}
      </Button>
    </form>
  );
}
