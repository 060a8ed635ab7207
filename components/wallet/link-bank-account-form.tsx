'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { withLinkedCard } from '@/lib/navigation/card-link-return-path';
import { useEffect, useState, useTransition } from 'react';
import { confirmBankAccountLinkAction, startBankAccountLinkAction } from '@/app/actions/bank-accounts';
import type { ActionError } from '@/app/actions/action-result';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { useActionErrorText } from './use-action-error-text';

/** Seconds before the same details may ask the bank for another code. */
const RESEND_AFTER_SECONDS = 60;

type Sent = { bindingId: string; maskedPhone: string; codeSerial: string; details: FormData; sentAt: number };

/**
 * Linking a card as banks do it (快捷支付): card number, holder name, ID number and the phone the
 * bank has on file → the bank texts a code to that phone → the code → linked.
 * `next`: the top-up, withdrawal or checkout to go back to once the card is linked, with the new
 * card chosen (checked by the page: card-link-return-path.ts).
 */
export function LinkBankAccountForm({ next = null }: { next?: string | null }) {
  const t = useTranslations('bankAccounts');
  const router = useRouter();
  const errorText = useActionErrorText();
  const [sent, setSent] = useState<Sent | null>(null);
  const [lastDetails, setLastDetails] = useState<FormData | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [done, setDone] = useState(false);
  const [pending, startTransition] = useTransition();

  function requestCode(details: FormData) {
    startTransition(async () => {
      const result = await startBankAccountLinkAction(details);
      setError(result.ok ? null : result.error);
      if (result.ok) setSent({ ...result.data, details, sentAt: Date.now() });
    });
  }

  function onDetails(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setDone(false);
    requestCode(new FormData(e.currentTarget));
  }

  function onCode(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!sent) return;
    const form = new FormData(e.currentTarget);
    form.set('bindingId', sent.bindingId);
    startTransition(async () => {
      const result = await confirmBankAccountLinkAction(form);
      setError(result.ok ? null : result.error);
      if (!result.ok) return;
      setSent(null);
      setLastDetails(null);
      setDone(true);
      if (next) router.push(withLinkedCard(next, result.data.id));
    });
  }

  const fieldError = (field: string): string | undefined => {
    if (!error || error.field !== field) return undefined;
    if (error.code === 'INVALID_INPUT') return t(`fieldErrors.${field}` as 'fieldErrors.code');
    if (error.code === 'RATE_LIMITED' && field === 'accountNumber')
      return t('cardRateLimited', {
        hours: Math.max(1, Math.ceil(Number(error.details?.retryAfterSeconds ?? 3600) / 3600)),
      });
    if (error.code === 'BANK_CODE_WRONG') return t('codeWrong', { count: Number(error.details?.attemptsLeft ?? 0) });
    if (error.code === 'BANK_CODE_UNUSABLE')
      return error.details?.reason === 'TOO_MANY_ATTEMPTS' ? t('codeTooMany') : t('codeExpired');
    return errorText(error);
  };
  // Errors of no field (the bank could not verify the details, the bank is down) sit above the button.
  const formError = error && !error.field ? errorText(error) : null;

  if (sent) {
    return (
      <CodeStep
        key={sent.codeSerial}
        sent={sent}
        pending={pending}
        codeError={fieldError('code')}
        formError={formError}
        onSubmit={onCode}
        onResend={() => requestCode(sent.details)}
        onBack={() => {
          setLastDetails(sent.details);
          setSent(null);
          setError(null);
        }}
      />
    );
  }
  // Back from the code step, the details are as they were typed.
  const typed = (field: string) => {
    const v = lastDetails?.get(field);
    return typeof v === 'string' ? v : undefined;
  };
  return (
    <form onSubmit={onDetails} className="flex flex-col gap-4" noValidate data-testid="link-details-form">
      <TextField
        label={t('accountNumber')}
        name="accountNumber"
        inputMode="numeric"
        autoComplete="off"
        required
        placeholder={t('accountNumberPlaceholder')}
        defaultValue={typed('accountNumber')}
        error={fieldError('accountNumber')}
      />
      <TextField
        label={t('holderName')}
        name="holderName"
        autoComplete="name"
        required
        hint={t('holderNameHint')}
        defaultValue={typed('holderName')}
        error={fieldError('holderName')}
      />
      <TextField
        label={t('idNumber')}
        name="idNumber"
        autoComplete="off"
        required
        maxLength={18}
        hint={t('idNumberHint')}
        defaultValue={typed('idNumber')}
        error={fieldError('idNumber')}
      />
      <TextField
        label={t('phone')}
        name="phone"
        type="tel"
        inputMode="tel"
        autoComplete="tel-national"
        required
        hint={t('phoneHint')}
        defaultValue={typed('phone')}
        error={fieldError('phone')}
      />
      {formError ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-danger" data-testid="link-error">
          {formError}
        </p>
      ) : null}
      <Button type="submit" block disabled={pending}>
        {pending ? t('sending') : t('sendCode')}
      </Button>
      {done ? (
        <p role="status" className="text-sm text-green-700">
          {t('linked')}
        </p>
      ) : null}
    </form>
  );
}

type CodeStepProps = {
  sent: Sent;
  pending: boolean;
  codeError: string | undefined;
  formError: string | null;
  onSubmit: (e: React.FormEvent<HTMLFormElement>) => void;
  onResend: () => void;
  onBack: () => void;
};

function CodeStep({ sent, pending, codeError, formError, onSubmit, onResend, onBack }: CodeStepProps) {
  const t = useTranslations('bankAccounts');
  const waitSeconds = useCountdown(sent.sentAt, RESEND_AFTER_SECONDS);
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate data-testid="link-code-form">
      <p role="status" className="rounded-lg bg-brand-50 px-3 py-2 text-sm text-gray-800" data-testid="link-code-sent">
        {t('codeSent', { phone: sent.maskedPhone, serial: sent.codeSerial })}
      </p>
      <TextField
        label={t('code')}
        autoFocus
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        required
        hint={t('codeHint')}
        error={codeError}
      />
      {formError ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-danger" data-testid="link-error">
          {formError}
        </p>
      ) : null}
      <Button type="submit" block disabled={pending}>
        {pending ? t('confirming') : t('confirm')}
      </Button>
      <div className="flex flex-wrap justify-between gap-2">
        <Button type="button" variant="secondary" onClick={onBack} disabled={pending}>
          {t('back')}
        </Button>
        <Button type="button" variant="secondary" onClick={onResend} disabled={pending || waitSeconds > 0}>
          {waitSeconds > 0 ? t('resendIn', { seconds: waitSeconds }) : t('resend')}
        </Button>
      </div>
    </form>
  );
}

/** Seconds left of `total` since `from`, ticking once a second. */
function useCountdown(from: number, total: number): number {
  const left = () => Math.max(0, Math.ceil(total - (Date.now() - from) / 1000));
  const [seconds, setSeconds] = useState(left);
  useEffect(() => {
    const timer = setInterval(() => {
      const s = left();
      setSeconds(s);
      if (s === 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [from, total]);
  return seconds;
}
