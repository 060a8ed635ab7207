'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useId } from 'react';
import { BankButton } from './bank-button';
import { setFaultAction, type FaultFormState } from '../actions/fault-actions';
import { FAULT_MODES } from '../faults/fault-modes';

type Props = { accounts: { accountNumber: string; holderName: string }[] };

const fieldClass =
  'min-h-11 w-full rounded-lg border border-gray-300 bg-white px-3 text-base text-gray-900 focus:border-teal-700 focus:ring-2 focus:ring-teal-100 focus:outline-none';

export function FaultForm({ accounts }: Props) {
  const t = useTranslations('sandboxBank.faults');
  const [state, formAction, pending] = useActionState<FaultFormState, FormData>(setFaultAction, null);
  const id = useId();
  const error =
    state && 'error' in state
      ? state.error === 'ACCOUNT_NOT_FOUND'
        ? t('errors.ACCOUNT_NOT_FOUND')
        : t('errors.invalid', { message: state.message })
      : null;

  return (
    <form action={formAction} className="grid gap-4 md:grid-cols-2" data-testid="fault-form">
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${id}-scope`} className="text-sm font-semibold text-gray-700">
          {t('scope')}
        </label>
        <select id={`${id}-scope`} name="scope" className={fieldClass} defaultValue="GLOBAL">
          <option value="GLOBAL">{t('global')}</option>
          {accounts.map((a) => (
            <option key={a.accountNumber} value={a.accountNumber}>
              {a.holderName} {a.accountNumber}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${id}-mode`} className="text-sm font-semibold text-gray-700">
          {t('mode')}
        </label>
        <select id={`${id}-mode`} name="mode" className={fieldClass} defaultValue="DECLINE">
          {FAULT_MODES.map((m) => (
            <option key={m} value={m}>
              {t(`modes.${m}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${id}-delay`} className="text-sm font-semibold text-gray-700">
          {t('delaySeconds')}
        </label>
        <input
          id={`${id}-delay`}
          name="delay_seconds"
          type="number"
          inputMode="numeric"
          min={0}
          max={86400}
          defaultValue={10}
          aria-describedby={`${id}-delay-hint`}
          className={fieldClass}
        />
        <p id={`${id}-delay-hint`} className="text-sm text-gray-600">
          {t('delayHint')}
        </p>
      </div>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${id}-times`} className="text-sm font-semibold text-gray-700">
          {t('times')}
        </label>
        <input
          id={`${id}-times`}
          name="times"
          type="number"
          inputMode="numeric"
          min={1}
          aria-describedby={`${id}-times-hint`}
          className={fieldClass}
        />
        <p id={`${id}-times-hint`} className="text-sm text-gray-600">
          {t('timesHint')}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-3 md:col-span-2">
        <BankButton
          type="submit"
          disabled={pending}
          className="bg-teal-700 hover:bg-teal-800 focus-visible:outline-teal-700"
        >
          {t('set')}
        </BankButton>
        <p aria-live="polite" className="text-sm">
          {error ? (
            <span className="text-danger" data-testid="fault-form-error">
              {error}
            </span>
          ) : state && 'ok' in state ? (
            <span className="text-gray-700" key={state.at}>
              {t('saved')}
            </span>
          ) : null}
        </p>
      </div>
    </form>
  );
}
