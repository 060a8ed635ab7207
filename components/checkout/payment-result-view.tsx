import { CircleCheck, CircleX, Clock, PiggyBank, RotateCcw } from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { formatMoney } from '@/ledger';
import { AutoRefresh } from '@/components/activity/auto-refresh';
import { formatShanghaiSecond } from '@/components/activity/shanghai-time';
import { useFailureReasonText } from '@/components/activity/use-failure-reason-text';
import { Amount } from '@/components/money/amount';
import { buttonVariants } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import type { PaymentResult } from '@/server/orders/get-payment-result';
import { MerchantActions } from './merchant-actions';

const LOOK = {
  PENDING: { Icon: Clock, colour: 'text-brand-600' },
  PAID: { Icon: CircleCheck, colour: 'text-green-700' },
  CREDITED_TO_BALANCE: { Icon: PiggyBank, colour: 'text-brand-600' },
  FAILED: { Icon: CircleX, colour: 'text-danger' },
} as const;

/** 支付成功 / 支付处理中 / 款项已存入余额 / 支付失败: big icon, amount, shop, at most two actions. */
export function PaymentResultView({ result }: { result: PaymentResult }) {
  const t = useTranslations('checkout');
  const reasonText = useFailureReasonText();
  const locale = useLocale() === 'en' ? 'en' : 'zh-CN';
  const { Icon, colour } = LOOK[result.outcome];
  const method =
    result.method === 'BANK' && result.bank
      ? t('result.methodBank', { bank: result.bank.bankName, last4: result.bank.lastFour })
      : result.method === 'BALANCE'
        ? t('result.methodBalance')
        : null;

  return (
    <div
      className="mx-auto flex w-full max-w-xl flex-col gap-4"
      data-testid="payment-result"
      data-outcome={result.outcome}
    >
      <Card className="flex flex-col items-center gap-2 py-8 text-center">
        <Icon aria-hidden className={cn('size-14', colour)} />
        <h1 className="text-xl font-semibold text-gray-900" data-testid="result-title">
          {t(`result.title.${result.outcome}`)}
        </h1>
        <p
          className={cn('text-4xl font-semibold', result.outcome === 'FAILED' ? 'text-gray-500' : 'text-gray-900')}
          data-testid="result-amount"
        >
          <Amount amount={result.amount} currency={result.currency} />
        </p>
        <p className="text-gray-600" data-testid="result-shop">
          {result.outcome === 'PAID' ? t('result.paidTo', { shop: result.shopName }) : result.shopName}
        </p>
        {/* Announced when the page refreshes itself from 处理中 to the outcome. */}
        <div aria-live="polite" className="max-w-sm">
          {result.outcome === 'PENDING' && <p className="text-sm text-gray-500">{t('result.pendingText')}</p>}
          {result.outcome === 'CREDITED_TO_BALANCE' && (
            <p className="text-sm text-gray-700" data-testid="credited-to-balance">
              {t('result.creditedText', {
                amount: formatMoney({ amount: result.amount, currency: result.currency }, locale),
              })}
            </p>
          )}
          {result.outcome === 'FAILED' && (
            <p className="text-sm text-danger">
              {reasonText(result.failureReason)} {t('result.failedText')}
            </p>
          )}
        </div>
      </Card>
      <Card className="py-3">
        <dl className="divide-y divide-gray-100 text-sm">
          <div className="flex justify-between gap-4 py-2.5">
            <dt className="shrink-0 text-gray-500">{t('subject')}</dt>
            <dd className="min-w-0 text-right break-words text-gray-900">{result.subject}</dd>
          </div>
          <div className="flex justify-between gap-4 py-2.5">
            <dt className="shrink-0 text-gray-500">{t('orderNo')}</dt>
            <dd className="min-w-0 text-right font-mono break-all text-gray-900">{result.merchantOrderNo}</dd>
          </div>
          {method ? (
            <div className="flex justify-between gap-4 py-2.5">
              <dt className="shrink-0 text-gray-500">{t('result.method')}</dt>
              <dd className="text-right text-gray-900">{method}</dd>
            </div>
          ) : null}
          {result.completedAt && result.outcome !== 'FAILED' ? (
            <div className="flex justify-between gap-4 py-2.5">
              <dt className="shrink-0 text-gray-500">{t('unavailable.paidAt')}</dt>
              <dd className="text-right text-gray-900 tabular">{formatShanghaiSecond(result.completedAt)}</dd>
            </div>
          ) : null}
        </dl>
      </Card>
      {result.outcome === 'FAILED' ? (
        <div className="flex flex-col gap-3">
          <Link
            href={`/pay/${result.orderId}`}
            className={buttonVariants({ variant: 'primary', size: 'lg', block: true })}
            data-testid="retry-payment"
          >
            <RotateCcw aria-hidden className="size-4" />
            {t('result.retry')}
          </Link>
          <Link
            href={`/activity/${result.operationId}`}
            className={buttonVariants({ variant: 'secondary', size: 'lg', block: true })}
          >
            {t('viewPayment')}
          </Link>
        </div>
      ) : (
        <MerchantActions returnUrl={result.returnUrl} operationId={result.operationId} />
      )}
      {result.outcome === 'PENDING' && <AutoRefresh intervalMs={2000} />}
    </div>
  );
}
