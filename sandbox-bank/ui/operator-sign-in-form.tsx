'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useId } from 'react';
import { BankButton } from './bank-button';
import { operatorSignInAction, type OperatorSignInState } from '../actions/operator-actions';

export function OperatorSignInForm({ next }: { next: string }) {
  const t = useTranslations('sandboxBank.operator');
  const [state, formAction, pending] = useActionState<OperatorSignInState, FormData>(operatorSignInAction, null);
  const id = useId();
  const error = state?.error === 'WRONG_PASSWORD' ? t('wrongPassword') : state?.error === 'EMPTY' ? t('empty') : null;
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <input type="hidden" name="next" value={next} />
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${id}-password`} className="text-sm font-semibold text-gray-700">
          {t('password')}
        </label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : `${id}-hint`}
          className="min-h-11 w-full rounded-lg border border-gray-300 bg-white px-3 text-base text-gray-900 focus:border-teal-700 focus:ring-2 focus:ring-teal-100 focus:outline-none"
        />
        {error ? (
          <p id={`${id}-error`} className="text-sm text-danger" data-testid="operator-error">
            {error}
          </p>
        ) : (
          <p id={`${id}-hint`} className="text-sm text-gray-600">
            {t('hint')}
          </p>
        )}
      </div>
      <BankButton
        type="submit"
        block
        disabled={pending}
        className="bg-teal-700 hover:bg-teal-800 focus-visible:outline-teal-700"
      >
        {t('signIn')}
      </BankButton>
    </form>
  );
}
