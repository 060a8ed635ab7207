'use client';

import { Landmark, QrCode, Wallet } from 'lucide-react';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState, type ReactNode } from 'react';
import { PinSetupGate } from '@/components/pin/pin-setup-gate';
import { cn } from '@/components/ui/cn';
import type { LinkedBankAccount } from '@/server/wallet/bank-accounts/manage-bank-accounts';
import { BalancePayForm } from './balance-pay-form';
import { BankPayForm } from './bank-pay-form';
import { useExpired } from './expiry-clock';

type Method = 'BALANCE' | 'BANK' | 'QR';

type Props = {
  orderId: string;
  shopName: string;
  amountText: string;
  /** The customer pays no fee; shown so the confirm screen says so. */
  feeText: string;
  pin: { isSet: boolean; lockedUntil: string | null };
  availableText: string;
  /** What the balance lacks, formatted; null when it covers the order. */
  missingText: string | null;
  /** The top-up page, asked for what is missing and to come back here afterwards. */
  topUpHref: string;
  accounts: LinkedBankAccount[];
  /** Why this viewer cannot pay at all (the server refuses too). */
  blocked: 'FROZEN' | 'OWN_ORDER' | null;
  pendingOperationId: string | null;
  qr: ReactNode;
};

/** Radio cards 余额支付 / 网银支付 / 扫码支付 and the form of the chosen one. */
export function PaymentPanel({
  orderId,
  shopName,
  amountText,
  feeText,
  pin,
  availableText,
  missingText,
  topUpHref,
  accounts,
  blocked,
  pendingOperationId,
  qr,
}: Props) {
  const t = useTranslations('checkout');
  const expired = useExpired();
  const short = missingText !== null;
  const [method, setMethod] = useState<Method>(short ? 'BANK' : 'BALANCE');
  const disabled = expired || blocked !== null;

  const cards: { value: Method; Icon: typeof Wallet; hint: string; hintClass?: string; off?: boolean }[] = [
    {
      value: 'BALANCE',
      Icon: Wallet,
      hint: short
        ? t('methods.balanceShort', { amount: availableText })
        : t('methods.balanceAvailable', { amount: availableText }),
      hintClass: short ? 'text-danger' : undefined,
      off: short,
    },
    { value: 'BANK', Icon: Landmark, hint: t('methods.bankHint') },
    { value: 'QR', Icon: QrCode, hint: t('methods.qrHint') },
  ];

  return (
    <div className="flex flex-col gap-5">
      {blocked ? (
        <p
          role="alert"
          className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900"
          data-testid="checkout-blocked"
        >
          {blocked === 'FROZEN' ? t('frozen') : t('ownOrder')}
        </p>
      ) : null}
      {pendingOperationId ? (
        <p className="rounded-lg bg-brand-50 px-3 py-2 text-sm text-gray-800">
          {t('pendingPayment')}{' '}
          <Link
            href={`/pay/${orderId}/result?operation=${pendingOperationId}`}
            className="font-semibold text-brand-600 underline-offset-2 hover:underline"
          >
            {t('viewPending')}
          </Link>
        </p>
      ) : null}
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1.5 text-sm font-semibold text-gray-700">{t('methods.legend')}</legend>
        {cards.map(({ value, Icon, hint, hintClass, off }) => (
          <label
            key={value}
            data-testid={`method-${value}`}
            className={cn(
              'flex min-h-14 items-center gap-3 rounded-xl border px-3 py-2 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600',
              off ? 'cursor-not-allowed border-gray-200 bg-gray-50' : 'cursor-pointer',
              !off && method === value ? 'border-brand-600 bg-brand-50' : !off && 'border-gray-200 bg-white',
            )}
          >
            <input
              type="radio"
              name="method"
              value={value}
              checked={method === value}
              disabled={off}
              onChange={() => setMethod(value)}
              className="size-4 accent-brand-600"
            />
            <Icon aria-hidden className={cn('size-5 shrink-0', off ? 'text-gray-400' : 'text-brand-600')} />
            <span className="flex min-w-0 flex-col">
              <span className={cn('font-semibold', off ? 'text-gray-500' : 'text-gray-900')}>
                {t(`methods.${value}`)}
              </span>
              <span className={cn('text-sm tabular', hintClass ?? 'text-gray-600')}>{hint}</span>
            </span>
          </label>
        ))}
      </fieldset>

      {short && method !== 'QR' ? (
        <div className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="balance-short">
          <p>
            <span className="tabular">{t('short.text', { available: availableText, missing: missingText })}</span>{' '}
            <Link
              href={topUpHref}
              className="font-semibold whitespace-nowrap text-brand-600 underline underline-offset-2"
            >
              {t('short.topUp')}
            </Link>
          </p>
          <p>{t('short.orBank')}</p>
        </div>
      ) : null}

      {method === 'BALANCE' && (
        <PinSetupGate isSet={pin.isSet} action="pay">
          <BalancePayForm
            orderId={orderId}
            shopName={shopName}
            amountText={amountText}
            feeText={feeText}
            disabled={disabled}
            pinLockedUntil={pin.lockedUntil}
          />
        </PinSetupGate>
      )}
      {method === 'BANK' && (
        <BankPayForm orderId={orderId} amountText={amountText} accounts={accounts} disabled={disabled} />
      )}
      {method === 'QR' && (
        <div className="flex flex-col items-center gap-3 py-2 text-center">
          {qr}
          <p className="max-w-xs text-sm text-gray-600">{t('qrText')}</p>
        </div>
      )}
    </div>
  );
}
