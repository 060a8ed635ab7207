'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useMemo, useState, useTransition } from 'react';
import { computeWithdrawalFee, formatMoney, type FeeSchedule } from '@/ledger';
import { requestWithdrawalAction } from '@/app/actions/withdraw';
import type { ActionError } from '@/app/actions/action-result';
import type { LinkedBankAccount } from '@/server/wallet/bank-accounts/manage-bank-accounts';
import { maskName } from '@/lib/text/mask';
import { PinField } from '@/components/pin/pin-field';
import { PinLockedNotice } from '@/components/pin/pin-locked-notice';
import { isPinError, usePinErrorText } from '@/components/pin/use-pin-error-text';
import { isMoneyOutCodeError, MoneyOutCodeField } from '@/components/two-factor/money-out-code-field';
import { Button } from '@/components/ui/button';
import { AmountInput } from './amount-input';
import { BankAccountPicker } from './bank-account-picker';
import { useActionErrorText } from './use-action-error-text';
import { useIdempotencyKey } from './use-idempotency-key';
import { maxWithdrawable } from './withdraw-all';
import { typedAmountOrNull } from '@/components/wallet/typed-amount';

/** The fee schedule with bigints as strings (props cross into the browser as JSON). */
export type FeeScheduleProps = {
  rateBps: number;
  minimum: string;
  maximum: string | null;
  freeQuota: string | null;
  usedFreeQuota: string;
};

type Props = {
  accounts: LinkedBankAccount[];
  available: string;
  fee: FeeScheduleProps;
  limitsText: string;
  pinLockedUntil: string | null;
  /** The user turned the authenticator on: the confirm step asks its code too. */
  twoFactorOn: boolean;
  /** A card just linked for this withdrawal: chosen instead of the default. */
  selectedAccountId?: string | null;
  /** 添加银行卡: the link-card page, coming back to this withdrawal. */
  addCardHref?: string;
};

/** Bank account and amount → confirm screen (card, amount, fee, total debited) with the payment PIN. */
export function WithdrawForm({
  accounts,
  available,
  fee,
  limitsText,
  pinLockedUntil,
  twoFactorOn,
  selectedAccountId = null,
  addCardHref,
}: Props) {
  const t = useTranslations('withdraw');
  const locale = useLocale() === 'en' ? 'en' : 'zh-CN';
  const money = (amount: bigint) => formatMoney({ amount, currency: 'CNY' }, locale);
  const errorText = useActionErrorText();
  const pinErrorText = usePinErrorText();
  const tb = useTranslations('bankAccounts');
  const [pin, setPin] = useState('');
  const [code, setCode] = useState('');
  const router = useRouter();
  const [key, renewKey] = useIdempotencyKey();
  const [amountText, setAmountText] = useState('');
  const [accountId, setAccountId] = useState(
    accounts.find((a) => a.id === selectedAccountId)?.id ??
      accounts.find((a) => a.isDefault)?.id ??
      accounts[0]?.id ??
      '',
  );
  const [step, setStep] = useState<'edit' | 'confirm'>('edit');
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();

  const schedule: FeeSchedule = useMemo(
    () => ({
      rateBps: fee.rateBps,
      minimum: BigInt(fee.minimum),
      ...(fee.maximum ? { maximum: BigInt(fee.maximum) } : {}),
      ...(fee.freeQuota ? { freeQuota: BigInt(fee.freeQuota) } : {}),
    }),
    [fee],
  );
  const used = BigInt(fee.usedFreeQuota);
  const amount = typedAmountOrNull(amountText);
  const quote = amount !== null ? { fee: computeWithdrawalFee(amount, schedule, used), amount } : null;

  function change(next: string) {
    setAmountText(next);
    setError(null);
    setStep('edit');
    renewKey();
  }

  function toConfirm(e: React.FormEvent) {
    e.preventDefault();
    if (amount === null)
      return setError({ code: 'INVALID_AMOUNT', details: { reason: amountText === '' ? 'EMPTY' : 'MALFORMED' } });
    if (quote && amount + quote.fee > BigInt(available)) return setError({ code: 'INSUFFICIENT_FUNDS' });
    setPin('');
    setCode('');
    setStep('confirm');
  }

  function onConfirm(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(async () => {
      const result = await requestWithdrawalAction(form);
      if (!result.ok) {
        setError(result.error);
        setPin('');
        setCode('');
        if (!isPinError(result.error) && !isMoneyOutCodeError(result.error)) setStep('edit');
        return;
      }
      router.push(`/activity/${result.data.operationId}`);
    });
  }

  const breakdown = quote ? (
    <dl className="flex flex-col gap-2 rounded-xl bg-gray-50 p-4 text-sm" data-testid="withdraw-quote">
      <Row label={t('amountShort')} value={money(quote.amount)} />
      <Row label={t('fee')} value={money(quote.fee)} testId="withdraw-fee" />
      <Row label={t('arrives')} value={money(quote.amount)} strong testId="withdraw-arrives" />
      <Row label={t('total')} value={money(quote.amount + quote.fee)} />
      <Row label={t('arrival')} value={t('arrivalValue')} />
    </dl>
  ) : null;

  if (step === 'confirm' && quote) {
    const account = accounts.find((a) => a.id === accountId);
    const pinError = error ? pinErrorText(error) : null;
    return (
      <form onSubmit={onConfirm} className="flex flex-col gap-5">
        <h2 className="text-lg font-semibold text-gray-900">{t('confirmTitle')}</h2>
        <input type="hidden" name="idempotencyKey" value={key} />
        <input type="hidden" name="amount" value={amountText} />
        <input type="hidden" name="bankAccountId" value={accountId} />
        <input type="hidden" name="expectedFee" value={quote.fee.toString()} />
        {account ? (
          <p className="flex justify-between gap-4 text-sm" data-testid="withdraw-to">
            <span className="text-gray-600">{t('to')}</span>
            <span className="text-right text-gray-900">
              {tb('card', { bank: account.bankName, last4: account.lastFour })} · {maskName(account.holderName)}
            </span>
          </p>
        ) : null}
        {breakdown}
        {pinLockedUntil ? <PinLockedNotice until={pinLockedUntil} /> : null}
        <PinField
          value={pin}
          onChange={(v) => {
            setPin(v);
            setError(null);
          }}
          error={pinError ?? (error && !isMoneyOutCodeError(error) ? errorText(error, { withFee: true }) : undefined)}
          returnTo="/withdraw"
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
    <form onSubmit={toConfirm} className="flex flex-col gap-5" noValidate>
      <BankAccountPicker
        legend={t('to')}
        accounts={accounts}
        value={accountId}
        onChange={setAccountId}
        addHref={addCardHref}
      />
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
          onClick={() => change(formatPlain(maxWithdrawable(BigInt(available), schedule, used)))}
        >
          {t('all')}
        </button>
      </div>
      <p className="text-sm text-gray-500">
        {t('feeRule', { rate: `${fee.rateBps / 100}%`, minimum: money(BigInt(fee.minimum)) })}
      </p>
      {breakdown}
      <Button type="submit" size="lg" block disabled={accounts.length === 0}>
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
  if (minor <= 0n) return '';
  const s = minor.toString().padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}
