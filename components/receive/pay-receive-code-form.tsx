'use client';

import { UserRound } from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { formatMoney } from '@/ledger';
import type { ActionError } from '@/app/actions/action-result';
import { payReceiveCodeAction } from '@/app/actions/receive';
import { PinField } from '@/components/pin/pin-field';
import { PinLockedNotice } from '@/components/pin/pin-locked-notice';
import { isPinError, usePinErrorText } from '@/components/pin/use-pin-error-text';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { AmountInput } from '@/components/wallet/amount-input';
import { useActionErrorText } from '@/components/wallet/use-action-error-text';
import { useIdempotencyKey } from '@/components/wallet/use-idempotency-key';
import { typedAmountOrNull } from '@/components/wallet/typed-amount';
import { SummaryRow } from '@/components/wallet/summary-row';

type Props = {
  code: string;
  payeeName: string;
  /** The amount the payee set in the code ("8.88"): not editable. */
  fixedAmount: string | null;
  fixedMemo: string | null;
  suggestedMemo: string;
  availableText: string;
  memoMax: number;
  pinLockedUntil: string | null;
};

/**
 * Paying a receive code: whom (masked name), the amount (the code's, or typed), then the
 * confirm screen with the payment PIN — as the transfer form, since it is a transfer.
 */
export function PayReceiveCodeForm(props: Props) {
  const { code, payeeName, fixedAmount, fixedMemo, suggestedMemo, availableText, memoMax, pinLockedUntil } = props;
  const t = useTranslations('receive.payTo');
  const locale = useLocale() === 'en' ? 'en' : 'zh-CN';
  const errorText = useActionErrorText();
  const pinErrorText = usePinErrorText();
  const router = useRouter();
  const [key, renewKey] = useIdempotencyKey();
  const [amountText, setAmountText] = useState(fixedAmount ?? '');
  const [memo, setMemo] = useState(fixedMemo ?? suggestedMemo);
  const [step, setStep] = useState<'edit' | 'confirm'>(fixedAmount ? 'confirm' : 'edit');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();
  const amount = typedAmountOrNull(amountText);
  const money = (minor: bigint) => formatMoney({ amount: minor, currency: 'CNY' }, locale);

  const payee = (
    <div className="flex items-center gap-3 rounded-xl bg-gray-50 p-4">
      <UserRound aria-hidden className="size-10 rounded-full bg-brand-50 p-2 text-brand-600" />
      <div>
        <p className="text-sm text-gray-600">{t('payee')}</p>
        <p className="font-semibold text-gray-900" data-testid="pay-to-payee">
          {payeeName}
        </p>
      </div>
    </div>
  );

  function toConfirm(e: React.FormEvent) {
    e.preventDefault();
    if (typedAmountOrNull(amountText) === null) {
      return setError({ code: 'INVALID_AMOUNT', details: { reason: amountText === '' ? 'EMPTY' : 'MALFORMED' } });
    }
    setError(null);
    setPin('');
    setStep('confirm');
  }

  function onPay(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(async () => {
      const result = await payReceiveCodeAction(form);
      if (!result.ok) {
        setError(result.error);
        setPin('');
        if (!isPinError(result.error) && !fixedAmount) setStep('edit');
        return;
      }
      router.push(`/activity/${result.data.operationId}`);
    });
  }

  if (step === 'confirm' && amount !== null) {
    const pinError = error ? pinErrorText(error) : null;
    return (
      <form onSubmit={onPay} className="flex flex-col gap-5" noValidate data-testid="pay-to-confirm">
        <h2 className="text-lg font-semibold text-gray-900">{t('confirmTitle')}</h2>
        <input type="hidden" name="code" value={code} />
        <input type="hidden" name="idempotencyKey" value={key} />
        <input type="hidden" name="amount" value={amountText} />
        <input type="hidden" name="memo" value={memo} />
        {payee}
        <dl className="flex flex-col gap-2 rounded-xl bg-gray-50 p-4 text-sm">
          <SummaryRow label={t('amount')} value={money(amount)} testId="pay-to-amount" />
          <SummaryRow label={t('fee')} value={money(0n)} />
          <SummaryRow label={t('total')} value={money(amount)} strong />
          {memo.trim() ? <SummaryRow label={t('memo')} value={memo} testId="pay-to-memo" /> : null}
        </dl>
        {fixedAmount ? <p className="text-sm text-gray-600">{t('fixed')}</p> : null}
        {pinLockedUntil ? <PinLockedNotice until={pinLockedUntil} /> : null}
        <PinField
          value={pin}
          onChange={(v) => {
            setPin(v);
            setError(null);
          }}
          error={pinError ?? undefined}
          returnTo={`/pay-to/${code}`}
        />
        {error && !pinError ? (
          <p role="alert" className="text-sm text-danger" data-testid="pay-to-error">
            {errorText(error)}
          </p>
        ) : null}
        <div className="flex gap-3">
          {fixedAmount ? null : (
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
          )}
          <Button type="submit" size="lg" className="flex-1" disabled={pending || pin.length !== 6}>
            {pending ? t('confirming') : t('confirm', { amount: money(amount) })}
          </Button>
        </div>
      </form>
    );
  }

  return (
    <form onSubmit={toConfirm} className="flex flex-col gap-5" noValidate>
      {payee}
      <AmountInput
        label={t('amount')}
        value={amountText}
        autoFocus
        onChange={(e) => {
          setAmountText(e.target.value);
          setError(null);
          renewKey();
        }}
        hint={t('available', { amount: availableText })}
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
