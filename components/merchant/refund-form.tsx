'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { formatAmountPlain, formatMoney, normalizeFullWidthDigits, parseAmount, type Currency } from '@/ledger';
import type { ActionError } from '@/app/actions/action-result';
import { refundOrderAction } from '@/app/actions/merchant-orders';
import { Button } from '@/components/ui/button';
import { AmountInput } from '@/components/wallet/amount-input';
import { useIdempotencyKey } from '@/components/wallet/use-idempotency-key';
import { CONTROL_CLASS, LABEL_CLASS } from '@/components/activity/field-styles';
import { useMerchantErrorText } from './use-merchant-error-text';

type Props = { orderId: string; refundable: string; currency: Currency };

/** Amount (parsed strictly) and reason → a confirm step → refundOrder. One idempotency key per form load. */
export function RefundForm({ orderId, refundable, currency }: Props) {
  const t = useTranslations('merchantDashboard.refund');
  const locale = useLocale() === 'en' ? 'en' : 'zh-CN';
  const money = (amount: bigint) => formatMoney({ amount, currency }, locale);
  const errorText = useMerchantErrorText();
  const router = useRouter();
  const [key, renewKey] = useIdempotencyKey();
  const [amountText, setAmountText] = useState('');
  const [reason, setReason] = useState('');
  const [step, setStep] = useState<'edit' | 'confirm'>('edit');
  const [error, setError] = useState<ActionError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const max = BigInt(refundable);

  let amount: bigint | null = null;
  let parseError: ActionError | null = null;
  try {
    amount = parseAmount(normalizeFullWidthDigits(amountText), currency);
  } catch (e) {
    const reasonCode = (e as { reason?: string }).reason ?? 'MALFORMED';
    parseError = { code: 'INVALID_AMOUNT', details: { reason: reasonCode } };
  }

  function edit(next: { amount?: string; reason?: string }) {
    if (next.amount !== undefined) setAmountText(next.amount);
    if (next.reason !== undefined) setReason(next.reason);
    setError(null);
    setDone(null);
  }

  function toConfirm(e: React.FormEvent) {
    e.preventDefault();
    if (amount === null) return setError(parseError);
    if (amount > max) return setError({ code: 'REFUND_EXCEEDS_PAID', field: 'amount', details: { refundable } });
    setStep('confirm');
  }

  function onConfirm(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(async () => {
      const result = await refundOrderAction(form);
      if (!result.ok) {
        setError(result.error);
        setStep('edit');
        return;
      }
      setDone(result.data.amount);
      setAmountText('');
      setReason('');
      setStep('edit');
      renewKey(); // the next refund is a new request
      router.refresh();
    });
  }

  if (step === 'confirm' && amount !== null) {
    return (
      <form onSubmit={onConfirm} className="flex flex-col gap-4" data-testid="refund-confirm">
        <h3 className="font-semibold text-gray-900">{t('confirmTitle')}</h3>
        <input type="hidden" name="orderId" value={orderId} />
        <input type="hidden" name="idempotencyKey" value={key} />
        <input type="hidden" name="amount" value={amountText} />
        <input type="hidden" name="reason" value={reason} />
        <p className="rounded-xl bg-amber-50 p-3 text-sm text-amber-900">
          {t('confirmText', { amount: money(amount) })}
        </p>
        <div className="flex gap-3">
          <Button variant="secondary" onClick={() => setStep('edit')} disabled={pending}>
            {t('back')}
          </Button>
          <Button type="submit" variant="danger" className="flex-1" disabled={pending}>
            {pending ? t('confirming') : t('confirm', { amount: money(amount) })}
          </Button>
        </div>
      </form>
    );
  }

  return (
    <form onSubmit={toConfirm} className="flex flex-col gap-4" noValidate data-testid="refund-form">
      <AmountInput
        label={t('amount')}
        value={amountText}
        onChange={(e) => edit({ amount: e.target.value })}
        error={error && error.code !== 'INVALID_INPUT' ? errorText(error) : undefined}
        hint={t('refundable', { amount: money(max) })}
      />
      <button
        type="button"
        className="-mt-2 min-h-11 self-end px-2 text-sm font-semibold text-brand-600 hover:underline"
        onClick={() => edit({ amount: formatAmountPlain(max, currency) })}
      >
        {t('all')}
      </button>
      <div className="flex flex-col gap-1.5">
        <label htmlFor="refund-reason" className={LABEL_CLASS}>
          {t('reason')}
        </label>
        <textarea
          id="refund-reason"
          name="reason"
          value={reason}
          onChange={(e) => edit({ reason: e.target.value })}
          maxLength={200}
          rows={2}
          aria-describedby="refund-reason-hint"
          className={`${CONTROL_CLASS} py-2`}
        />
        <p id="refund-reason-hint" className="text-sm text-gray-500">
          {error?.code === 'INVALID_INPUT' ? <span className="text-danger">{errorText(error)}</span> : t('reasonHint')}
        </p>
      </div>
      {done && (
        <p
          role="status"
          className="rounded-xl bg-green-50 p-3 text-sm font-semibold text-green-800"
          data-testid="refund-done"
        >
          {t('done', { amount: money(BigInt(done)) })}
        </p>
      )}
      <Button type="submit" className="self-start">
        {t('next')}
      </Button>
    </form>
  );
}
