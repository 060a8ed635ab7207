'use client';

import { OTPInput, REGEXP_ONLY_DIGITS, type SlotProps } from 'input-otp';
import { cn } from './cn';

function Slot({ char, isActive, hasFakeCaret }: SlotProps) {
  return (
    <div
      className={cn(
        'relative flex size-11 items-center justify-center rounded-lg border bg-white text-xl font-semibold text-gray-900 tabular md:size-12',
        isActive ? 'border-teal-700 ring-2 ring-teal-200' : 'border-gray-300',
      )}
    >
      {char}
      {hasFakeCaret ? <span aria-hidden className="absolute h-6 w-px animate-pulse bg-gray-900" /> : null}
    </div>
  );
}

type Props = {
  id: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  describedBy?: string | undefined;
  invalid?: boolean;
  /** The CSP nonce: input-otp adds a <style> element, which the policy allows only with it. */
  nonce?: string | undefined;
};

/** Six digit boxes over one real input (input-otp), so paste, SMS autofill and screen readers work. */
export function OtpCodeInput({ id, name, value, onChange, describedBy, invalid, nonce }: Props) {
  return (
    <OTPInput
      id={id}
      name={name}
      value={value}
      onChange={onChange}
      maxLength={6}
      pattern={REGEXP_ONLY_DIGITS}
      inputMode="numeric"
      autoComplete="one-time-code"
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      data-testid="otp-input"
      nonce={nonce}
      containerClassName="flex items-center gap-2"
      render={({ slots }) => slots.map((slot, i) => <Slot key={i} {...slot} />)}
    />
  );
}
