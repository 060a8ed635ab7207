'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useId, useState } from 'react';
import { BankButton } from './bank-button';
import {
  authoriseDebitAction,
  cancelDebitAction,
  resendDebitCodeAction,
  type AuthoriseFormState,
} from '../actions/authorise-actions';
import { OtpCodeInput } from './otp-code-input';

type Props = {
  bankReference: string;
  amountText: string;
  /** This request's CSP nonce, for the <style> the code input adds. */
  nonce?: string | undefined;
};

export function AuthoriseForm({ bankReference, amountText, nonce }: Props) {
  const t = useTranslations('sandboxBank.authorize');
  const [state, formAction, pending] = useActionState<AuthoriseFormState, FormData>(
    authoriseDebitAction.bind(null, bankReference),
    null,
  );
  const [resendState, resendAction, resending] = useActionState<AuthoriseFormState, FormData>(
    resendDebitCodeAction.bind(null, bankReference),
    null,
  );
  const [code, setCode] = useState('');
  const id = useId();
  // After a wrong code (or a new one sent) the boxes start empty again, ready for the next try:
  // adjusted while rendering the new answer, not in an effect after it.
  const [answered, setAnswered] = useState({ state, resendState });
  if (answered.state !== state || answered.resendState !== resendState) {
    if (answered.state !== state && state && 'error' in state) setCode('');
    if (answered.resendState !== resendState && resendState && 'resent' in resendState) setCode('');
    setAnswered({ state, resendState });
  }

  const errorText = !state || !('error' in state) ? null : authoriseErrorText(t, state);
  const resendText = !resendState
    ? null
    : 'resent' in resendState
      ? t('resent')
      : resendState.error === 'RESEND_TOO_SOON'
        ? t('resendTooSoon', { seconds: resendState.waitSeconds })
        : null;

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
          <p
            id={`${id}-error`}
            data-testid="authorize-error"
            className="rounded-lg bg-red-50 px-3 py-2 text-sm text-danger"
          >
            {errorText}
          </p>
        ) : (
          <p id={`${id}-hint`} className="text-sm text-gray-600">
            {t('codeHint')}
          </p>
        )}
        {resendText ? (
          <p role="status" data-testid="resend-status" className="text-sm text-gray-700">
            {resendText}
          </p>
        ) : null}
      </div>
      <BankButton
        type="submit"
        size="lg"
        block
        disabled={pending || resending}
        className="bg-teal-700 hover:bg-teal-800 focus-visible:outline-teal-700"
      >
        {pending ? t('confirming') : t('confirm', { amount: amountText })}
      </BankButton>
      <BankButton
        type="submit"
        variant="secondary"
        block
        disabled={pending || resending}
        formAction={resendAction}
        formNoValidate
      >
        {t('resend')}
      </BankButton>
      <BankButton
        type="submit"
        variant="secondary"
        block
        disabled={pending || resending}
        formAction={cancelDebitAction.bind(null, bankReference)}
        formNoValidate
      >
        {t('cancel')}
      </BankButton>
    </form>
  );
}

type T = ReturnType<typeof useTranslations<'sandboxBank.authorize'>>;

function authoriseErrorText(t: T, state: Extract<AuthoriseFormState, { error: string }>): string | null {
  switch (state.error) {
    case 'WRONG_CODE':
      return t('wrongCode', { count: state.attemptsLeft });
    case 'INCOMPLETE':
      return t('codeIncomplete');
    case 'CODE_EXPIRED':
      return t('codeExpired');
    default:
      return null;
  }
}
