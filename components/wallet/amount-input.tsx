'use client';

import { useId, type InputHTMLAttributes } from 'react';
import { cn } from '@/components/ui/cn';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
};

/** A large yuan amount input: decimal keypad on phones, at most two decimals (checked by the server too). */
export function AmountInput({ label, hint, error, className, id, name = 'amount', ...props }: Props) {
  const autoId = useId();
  const inputId = id ?? autoId;
  const describedBy = error ? `${inputId}-error` : hint ? `${inputId}-hint` : undefined;
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={inputId} className="text-sm font-semibold text-gray-700">
        {label}
      </label>
      <div
        className={cn(
          'flex items-baseline gap-2 border-b-2 pb-1 focus-within:border-brand-600',
          error ? 'border-danger' : 'border-gray-200',
        )}
      >
        <span aria-hidden className="text-3xl font-semibold text-gray-900">
          ¥
        </span>
        <input
          id={inputId}
          name={name}
          inputMode="decimal"
          autoComplete="off"
          placeholder="0.00"
          maxLength={20}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={cn(
            'tabular min-h-12 w-full bg-transparent text-4xl font-semibold text-gray-900 outline-none placeholder:text-gray-300',
            className,
          )}
          {...props}
        />
      </div>
      {error ? (
        <p id={`${inputId}-error`} className="text-sm text-danger" data-testid={`${name}-error`}>
          {error}
        </p>
      ) : hint ? (
        <p id={`${inputId}-hint`} className="text-sm text-gray-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
