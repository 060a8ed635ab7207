'use client';

import { OTPInput, REGEXP_ONLY_DIGITS, type SlotProps } from 'input-otp';
import { cn } from '@/components/ui/cn';
import { useCspNonce } from '@/components/ui/use-csp-nonce';

function Slot({ char, isActive, hasFakeCaret, invalid }: SlotProps & { invalid: boolean }) {
  return (
    <div
      className={cn(
        'relative flex size-10 items-center justify-center rounded-lg border bg-white text-2xl text-gray-900 sm:size-11 md:size-12',
        isActive ? 'border-brand-600 ring-2 ring-brand-100' : invalid ? 'border-danger' : 'border-gray-300',
      )}
    >
      {/* A dot, never the digit: the PIN is not shown on screen. */}
      {char ? <span aria-hidden>•</span> : null}
      {hasFakeCaret ? <span aria-hidden className="absolute h-6 w-px animate-pulse bg-gray-900" /> : null}
    </div>
  );
}

type Props = {
  id: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  onComplete?: (value: string) => void;
  describedBy?: string | undefined;
  invalid?: boolean;
  disabled?: boolean;
  autoFocus?: boolean;
  testId?: string;
};

/** Six masked boxes over one real input (input-otp): typing, paste and screen readers work. */
export function PinInput({
  id,
  name,
  value,
  onChange,
  onComplete,
  describedBy,
  invalid = false,
  disabled,
  autoFocus,
  testId = 'pin-input',
}: Props) {
  // input-otp adds a <style> element, which the page's CSP allows only with its nonce.
  const nonce = useCspNonce();
  return (
    <OTPInput
      nonce={nonce}
      id={id}
      name={name}
      value={value}
      onChange={onChange}
      {...(onComplete ? { onComplete } : {})}
      maxLength={6}
      pattern={REGEXP_ONLY_DIGITS}
      inputMode="numeric"
      autoComplete="off"
      // The default widens the real input past the boxes (for password managers' icons), which
      // makes a 375 px page scroll sideways; a PIN is never filled by a password manager anyway.
      pushPasswordManagerStrategy="none"
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      disabled={disabled}
      autoFocus={autoFocus}
      data-testid={testId}
      containerClassName="flex items-center gap-2"
      render={({ slots }) => slots.map((slot, i) => <Slot key={i} {...slot} invalid={invalid} />)}
    />
  );
}
