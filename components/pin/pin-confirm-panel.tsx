'use client';

import { useTranslations } from 'next-intl';
import { useId, useState, type ReactNode } from 'react';
import type { ActionError } from '@/app/actions/action-result';
import { Button } from '@/components/ui/button';
import { PinField } from './pin-field';
import { usePinErrorText } from './use-pin-error-text';

type Props = {
  /** What will happen, in one sentence or a few rows. */
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  returnTo: string;
  pending: boolean;
  error: ActionError | null;
  /** Other errors than the PIN's, in the caller's words. */
  otherErrorText: (error: ActionError) => string;
  onConfirm: (pin: string) => void;
  onCancel: () => void;
  testId?: string;
  submitTestId?: string;
  /** 'alertdialog' when the panel warns of something that cannot be undone. */
  role?: 'group' | 'alertdialog';
};

/** An inline confirm step for a credential change: what it does, the payment PIN, confirm or cancel. */
export function PinConfirmPanel({
  title,
  children,
  confirmLabel,
  returnTo,
  pending,
  error,
  otherErrorText,
  onConfirm,
  onCancel,
  testId,
  submitTestId,
  role = 'group',
}: Props) {
  const t = useTranslations('pin');
  const pinErrorText = usePinErrorText();
  const titleId = useId();
  const [pin, setPin] = useState('');
  const pinError = error ? pinErrorText(error) : null;
  return (
    <form
      role={role}
      aria-labelledby={titleId}
      className="flex flex-col gap-3 rounded-xl border border-gray-200 bg-gray-50 p-4"
      data-testid={testId}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onConfirm(pin);
        setPin('');
      }}
    >
      <p id={titleId} className="font-semibold text-gray-900">
        {title}
      </p>
      {children}
      <PinField value={pin} onChange={setPin} error={pinError ?? undefined} returnTo={returnTo} disabled={pending} />
      {error && !pinError ? (
        <p role="alert" className="text-sm text-danger">
          {otherErrorText(error)}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button size="sm" variant="secondary" onClick={onCancel} disabled={pending}>
          {t('cancel')}
        </Button>
        <Button
          size="sm"
          type="submit"
          disabled={pending || pin.length !== 6}
          data-testid={submitTestId ?? (testId ? `${testId}-submit` : undefined)}
        >
          {pending ? t('confirming') : confirmLabel}
        </Button>
      </div>
    </form>
  );
}
