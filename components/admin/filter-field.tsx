import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react';
import { CONTROL_CLASS, LABEL_CLASS } from '@/components/activity/field-styles';
import { cn } from '@/components/ui/cn';
import { DateInput } from '@/components/ui/date-input';

type Common = { label: string; error?: string; id: string };

/** A labelled text input of a GET filter form, with its error under it; dates get DateInput. */
export function FilterInput({
  label,
  error,
  id,
  className,
  type,
  ...props
}: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className="flex min-w-0 flex-col gap-1.5">
      <label htmlFor={id} className={LABEL_CLASS}>
        {label}
      </label>
      {type === 'date' ? (
        <DateInput
          id={id}
          className={cn(CONTROL_CLASS, className)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          {...props}
          defaultValue={typeof props.defaultValue === 'string' ? props.defaultValue : undefined}
        />
      ) : (
        <input
          id={id}
          type={type}
          className={cn(CONTROL_CLASS, className)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          {...props}
        />
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-danger" data-testid={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

export function FilterSelect({
  label,
  error,
  id,
  children,
  ...props
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  return (
    <div className="flex min-w-0 flex-col gap-1.5">
      <label htmlFor={id} className={LABEL_CLASS}>
        {label}
      </label>
      <select id={id} className={CONTROL_CLASS} aria-invalid={error ? true : undefined} {...props}>
        {children}
      </select>
      {error && (
        <p id={`${id}-error`} className="text-sm text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
