'use client';

import { Landmark } from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useMemo, useState, useTransition } from 'react';
import { computeFee, formatMoney, normalizeFullWidthDigits, parseAmount, type FeeSchedule } from '@/ledger';
import type { ActionError } from '@/app/actions/action-result';
import { requestMerchantPayoutAction } from '@/app/actions/merchant-payouts';
import { PinField } from '@/components/pin/pin-field';
import { PinLockedNotice } from '@/components/pin/pin-locked-notice';
import { isPinError, usePinErrorText } from '@/components/pin/use-pin-error-text';
import { isMoneyOutCodeError, MoneyOutCodeField } from '@/components/two-factor/money-out-code-field';
import { Button } from '@/components/ui/button';
import { maskName } from '@/lib/text/mask';
import { AmountInput } from '@/components/wallet/amount-input';
import { useIdempotencyKey } from '@/components/wallet/use-idempotency-key';
import { maxWithdrawable } from '@/components/wallet/withdraw-all';
import { useMerchantErrorText } from './use-merchant-error-text';

/** Fee schedule with bigints as strings (props cross into the browser as JSON). */
export type PayoutFeeProps = { rateBps: number; minimum: string; maximum: string | null };

type Props = {
  available: string;
  fee: PayoutFeeProps;
  account: { bankName: string; lastFour: string; holderName: string };
  limitsText: string;
  pinLockedUntil: string | null;
  /** The user turned the authenticator on: the confirm step asks its code too. */
  twoFactorOn: boolean;
};

/** Amount → live fee and amount received → confirm with the payment PIN; the fee is checked again on the server. */
export function PayoutForm({ available, fee, account, limitsText, pinLockedUntil, twoFactorOn }: Props) {
  const t = useTranslations('merchantDashboard.payouts');
  const tb = useTranslations('bankAccounts');
  const locale = useLocale() === 'en' ? 'en' : 'zh-CN';
  const money = (amount: bigint) => formatMoney({ amount, currency: 'CNY' }, locale);
  const errorText = useMerchantErrorText();
  const pinErrorText = usePinErrorText();
  const [pin, setPin] = useState('');
  const [code, setCode] = useState('');
  const router = useRouter();
  const [key, renewKey] = useIdempotencyKey();
  const [amountText, setAmountText] = useState('');
  const [step, setStep] = useState<'edit' | 'confirm'>('edit');
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();

  const schedule: FeeSchedule = useMemo(
    () => ({
      rateBps: fee.rateBps,
      minimum: BigInt(fee.minimum),
      ...(fee.maximum ? { maximum: BigInt(fee.maximum) } : {}),
    }),
    [fee],
  );
  let amount: bigint | null = null;
  let parseError: ActionError = { code: 'INVALID_AMOUNT', details: { reason: 'EMPTY' } };
  try {
    amount = parseAmount(normalizeFullWidthDigits(amountText), 'CNY');
  } catch (e) {
    parseError = { code: 'INVALID_AMOUNT', details: { reason: (e as { reason?: string }).reason ?? 'MALFORMED' } };
  }
  const quote = amount !== null ? { amount, fee: computeFee(amount, schedule) } : null;

  function change(next: string) {
    setAmountText(next);
    setError(null);
    setStep('edit');
    renewKey();
  }

  function toConfirm(e: React.FormEvent) {
    e.preventDefault();
    if (!quote) return setError(parseError);
    if (quote.amount + quote.fee > BigInt(available)) return setError({ code: 'INSUFFICIENT_FUNDS' });
    setPin('');
    setCode('');
    setStep('confirm');
  }

  function onConfirm(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(async () => {
      const result = await requestMerchantPayoutAction(form);
      if (!result.ok) {
        setError(result.error);
        setPin('');
        setCode('');
        if (!isPinError(result.error) && !isMoneyOutCodeError(result.error)) setStep('edit');
        return;
      }
      setAmountText('');
      setStep('edit');
      renewKey();
      router.push(`/merchant/payouts?submitted=${result.data.operationId}`);
      router.refresh();
    });
  }

  const breakdown = quote ? (
    <dl className="flex flex-col gap-2 rounded-xl bg-gray-50 p-4 text-sm" data-testid="payout-quote">
      <Row label={t('amountShort')} value={money(quote.amount)} />
      <Row label={t('fee')} value={money(quote.fee)} testId="payout-fee" />
      <Row label={t('arrives')} value={money(quote.amount)} strong testId="payout-arrives" />
      <Row label={t('total')} value={money(quote.amount + quote.fee)} />
      <Row label={t('arrival')} value={t('arrivalValue')} />
    </dl>
  ) : null;

  const to = (
    <div className="flex min-h-12 items-center gap-3 rounded-xl border border-gray-200 px-3 py-2">
      <Landmark aria-hidden className="size-5 text-brand-600" />
      <span className="flex-1">
        <span className="sr-only">{t('to')}: </span>
        {tb('card', { bank: account.bankName, last4: account.lastFour })}
        {step === 'confirm' ? ` · ${maskName(account.holderName)}` : ''}
      </span>
    </div>
  );

  if (step === 'confirm' && quote) {
    return (
      <form onSubmit={onConfirm} className="flex flex-col gap-5" data-testid="payout-confirm">
        <h2 className="text-lg font-semibold text-gray-900">{t('confirmTitle')}</h2>
        <input type="hidden" name="idempotencyKey" value={key} />
        <input type="hidden" name="amount" value={amountText} />
        <input type="hidden" name="expectedFee" value={quote.fee.toString()} />
        {to}
        {breakdown}
        {pinLockedUntil ? <PinLockedNotice until={pinLockedUntil} /> : null}
        <PinField
          value={pin}
          onChange={(v) => {
            setPin(v);
            setError(null);
          }}
          error={
            (error ? pinErrorText(error) : null) ??
            (error && !isMoneyOutCodeError(error) ? errorText(error, { withFee: true }) : undefined)
          }
          returnTo="/merchant/payouts"
        />
        {twoFactorOn ? (
          <MoneyOutCodeField
            value={code}
            onChange={(v) => {
              setCode(v);
              setError(null);
            }}
            error={error}
            disabled={pending}
          />
        ) : null}
        <div className="flex gap-3">
          <Button variant="secondary" onClick={() => setStep('edit')} disabled={pending}>
            {t('back')}
          </Button>
          <Button
            type="submit"
            size="lg"
            className="flex-1"
            disabled={pending || pin.length !== 6 || (twoFactorOn && code.trim() === '')}
          >
            {pending ? t('confirming') : t('confirm')}
          </Button>
        </div>
      </form>
    );
  }

  return (
    <form onSubmit={toConfirm} className="flex flex-col gap-5" noValidate data-testid="payout-form">
      <div className="flex flex-col gap-1.5">
        <p className="text-sm font-semibold text-gray-700">{t('to')}</p>
        {to}
      </div>
      <AmountInput
        label={t('amount')}
        value={amountText}
        onChange={(e) => change(e.target.value)}
        error={error ? errorText(error, { withFee: true }) : undefined}
        hint={limitsText}
      />
      <div className="flex items-center justify-between text-sm text-gray-600">
        <span>{t('available', { amount: money(BigInt(available)) })}</span>
        <button
          type="button"
          className="min-h-11 px-2 font-semibold text-brand-600 hover:underline"
          onClick={() => {
            const max = maxWithdrawable(BigInt(available), schedule, 0n);
            change(max > 0n ? formatPlain(max) : '');
          }}
        >
          {t('all')}
        </button>
      </div>
      <p className="text-sm text-gray-500">
        {t('feeRule', { rate: `${fee.rateBps / 100}%`, minimum: money(BigInt(fee.minimum)) })}
      </p>
      {breakdown}
      <Button type="submit" size="lg" block>
        {t('next')}
      </Button>
    </form>
  );
}

function Row({ label, value, strong, testId }: { label: string; value: string; strong?: boolean; testId?: string }) {
  return (
    <div className="flex justify-between gap-4">
      <dt className="text-gray-600">{label}</dt>
      <dd className={strong ? 'tabular font-semibold text-gray-900' : 'tabular text-gray-900'} data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

function formatPlain(minor: bigint): string {
  const s = minor.toString().padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}
