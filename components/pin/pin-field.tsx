'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { PinInput } from './pin-input';

type Props = {
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  /** Where the reset page sends the person back to. */
  returnTo: string;
  name?: string;
  disabled?: boolean;
  autoFocus?: boolean;
};

/** "支付密码": six boxes, its hint or error, and the way out when it is forgotten. */
export function PinField({ value, onChange, error, returnTo, name = 'pin', disabled, autoFocus = true }: Props) {
  const t = useTranslations('pin');
  const id = useId();
  const describedBy = error ? `${id}-error` : `${id}-hint`;
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-semibold text-gray-700">
        {t('label')}
      </label>
      <PinInput
        id={id}
        name={name}
        value={value}
        onChange={onChange}
        describedBy={describedBy}
        invalid={!!error}
        disabled={disabled}
        autoFocus={autoFocus}
      />
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-danger" data-testid="pin-error">
          {error}
        </p>
      ) : (
        <p id={`${id}-hint`} className="text-sm text-gray-500">
          {t('hint')}
        </p>
      )}
      <Link
        href={`/me/payment-pin/reset?next=${encodeURIComponent(returnTo)}`}
        className="self-start py-1 text-sm font-semibold text-brand-600 hover:underline"
      >
        {t('forgot')}
      </Link>
    </div>
  );
}
