'use client';

import { UserRound } from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { formatMoney } from '@/ledger';
import { findRecipientAction, transferAction } from '@/app/actions/transfer';
import type { ActionError } from '@/app/actions/action-result';
import type { Recipient } from '@/server/wallet/operations/find-recipient';
import { PinField } from '@/components/pin/pin-field';
import { PinLockedNotice } from '@/components/pin/pin-locked-notice';
import { isPinError, usePinErrorText } from '@/components/pin/use-pin-error-text';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { AmountInput } from './amount-input';
import { useActionErrorText } from './use-action-error-text';
import { useIdempotencyKey } from './use-idempotency-key';
import { typedAmountOrNull } from '@/components/wallet/typed-amount';
import { SummaryRow } from '@/components/wallet/summary-row';

type Props = { available: string; limitsText: string; memoMax: number; pinLockedUntil: string | null };

/**
 * Find the recipient and confirm their masked name first, then the amount and memo, then a
 * confirm screen (who — masked name and email —, amount, fee, total debited) with the payment PIN.
 */
export function TransferForm({ available, limitsText, memoMax, pinLockedUntil }: Props) {
  const t = useTranslations('transfer');
  const locale = useLocale() === 'en' ? 'en' : 'zh-CN';
  const errorText = useActionErrorText();
  const pinErrorText = usePinErrorText();
  const router = useRouter();
  const [key, renewKey] = useIdempotencyKey();
  const [recipient, setRecipient] = useState<Recipient | null>(null);
  const [amountText, setAmountText] = useState('');
  const [memo, setMemo] = useState('');
  const [step, setStep] = useState<'edit' | 'confirm'>('edit');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();

  function onFind(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(async () => {
      const result = await findRecipientAction(form);
      if (!result.ok) return setError(result.error);
      setError(null);
      setRecipient(result.data);
    });
  }

  function toConfirm(e: React.FormEvent) {
    e.preventDefault();
    const parsed = typedAmountOrNull(amountText);
    if (parsed === null)
      return setError({ code: 'INVALID_AMOUNT', details: { reason: amountText === '' ? 'EMPTY' : 'MALFORMED' } });
    // Funds, limits and a frozen account are the server's to say, after the PIN (as before the
    // confirm step existed): the edit step shows what it answers.
    setError(null);
    setPin('');
    setStep('confirm');
  }

  function onSend(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(async () => {
      const result = await transferAction(form);
      if (!result.ok) {
        setError(result.error);
        setPin('');
        // A PIN problem is fixed here; anything else (amount, limit, memo) on the edit step.
        if (!isPinError(result.error)) setStep('edit');
        return;
      }
      router.push(`/activity/${result.data.operationId}`);
    });
  }

  if (!recipient) {
    return (
      <form onSubmit={onFind} className="flex flex-col gap-5" noValidate>
        <TextField
          label={t('recipientEmail')}
          name="email"
          type="email"
          autoComplete="off"
          required
          placeholder={t('recipientEmailPlaceholder')}
          error={error ? errorText(error) : undefined}
        />
        <Button type="submit" size="lg" block disabled={pending}>
          {pending ? t('finding') : t('find')}
        </Button>
      </form>
    );
  }

  const amount = typedAmountOrNull(amountText);
  const money = (minor: bigint) => formatMoney({ amount: minor, currency: 'CNY' }, locale);
  if (step === 'confirm' && amount !== null) {
    const pinError = error ? pinErrorText(error) : null;
    return (
      <form onSubmit={onSend} className="flex flex-col gap-5" noValidate data-testid="transfer-confirm">
        <h2 className="text-lg font-semibold text-gray-900">{t('confirmTitle')}</h2>
        <input type="hidden" name="idempotencyKey" value={key} />
        <input type="hidden" name="email" value={recipient.email} />
        <input type="hidden" name="amount" value={amountText} />
        <input type="hidden" name="memo" value={memo} />
        <dl className="flex flex-col gap-2 rounded-xl bg-gray-50 p-4 text-sm" data-testid="transfer-summary">
          <SummaryRow
            label={t('recipient')}
            value={`${recipient.maskedName} (${recipient.maskedEmail})`}
            testId="confirm-recipient"
          />
          <SummaryRow label={t('amountShort')} value={money(amount)} />
          <SummaryRow label={t('fee')} value={money(0n)} testId="confirm-fee" />
          <SummaryRow label={t('total')} value={money(amount)} strong testId="confirm-total" />
          {memo.trim() ? <SummaryRow label={t('memoShort')} value={memo} /> : null}
        </dl>
        {pinLockedUntil ? <PinLockedNotice until={pinLockedUntil} /> : null}
        <PinField
          value={pin}
          onChange={(v) => {
            setPin(v);
            setError(null);
          }}
          error={pinError ?? undefined}
          returnTo="/transfer"
        />
        {error && !pinError ? (
          <p role="alert" className="text-sm text-danger">
            {errorText(error)}
          </p>
        ) : null}
        <div className="flex gap-3">
          <Button
            variant="secondary"
            onClick={() => {
              setStep('edit');
              setError(null);
            }}
            disabled={pending}
          >
            {t('back')}
          </Button>
          <Button type="submit" size="lg" className="flex-1" disabled={pending || pin.length !== 6}>
            {pending ? t('confirming') : t('confirm', { amount: money(amount) })}
          </Button>
        </div>
      </form>
    );
  }

  return (
    <form onSubmit={toConfirm} className="flex flex-col gap-5" noValidate>
      <div className="flex items-center gap-3 rounded-xl bg-gray-50 p-4">
        <UserRound aria-hidden className="size-10 rounded-full bg-brand-50 p-2 text-brand-600" />
        <div className="flex-1">
          <p className="text-sm text-gray-500">{t('recipient')}</p>
          <p className="font-semibold text-gray-900" data-testid="recipient-name">
            {recipient.maskedName} <span className="font-normal text-gray-500">({recipient.email})</span>
          </p>
        </div>
        <button
          type="button"
          className="min-h-11 px-2 text-sm font-semibold text-brand-600 hover:underline"
          onClick={() => {
            setRecipient(null);
            setError(null);
            setStep('edit');
            renewKey();
          }}
        >
          {t('change')}
        </button>
      </div>
      <AmountInput
        label={t('amount')}
        value={amountText}
        onChange={(e) => {
          setAmountText(e.target.value);
          setError(null);
          renewKey();
        }}
        hint={`${t('available', { amount: formatMoney({ amount: BigInt(available), currency: 'CNY' }, locale) })} · ${limitsText}`}
        error={error && error.field !== 'memo' ? errorText(error) : undefined}
      />
      <TextField
        label={t('memo')}
        name="memo"
        value={memo}
        maxLength={memoMax}
        hint={t('memoHint', { max: memoMax })}
        onChange={(e) => {
          setMemo(e.target.value);
          renewKey();
        }}
        error={error && error.field === 'memo' ? errorText(error) : undefined}
      />
      <Button type="submit" size="lg" block>
        {t('next')}
      </Button>
    </form>
  );
}
