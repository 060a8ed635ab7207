import { ChevronRight } from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { formatMoney, type Currency } from '@/ledger';
import type { LinkedOperation, OperationDetail } from '@/server/wallet/activity/get-operation-or-throw';
import { formatShanghaiMinute } from './shanghai-time';

type Props = {
  operation: Pick<OperationDetail, 'kind' | 'amount' | 'currency' | 'refundedAmount' | 'refunds' | 'refundedPayment'>;
};

/**
 * A payment and its refunds link to each other: the payment says how much came back (all or
 * part) and lists each refund; a refund points to the payment it gave money back for.
 */
export function RefundLinks({ operation }: Props) {
  const t = useTranslations('operation.refunds');
  const locale = useLocale() === 'en' ? 'en' : 'zh-CN';
  const currency = operation.currency as Currency;
  const money = (amount: bigint) => formatMoney({ amount, currency }, locale);
  const size = operation.amount < 0n ? -operation.amount : operation.amount;

  const link = (to: LinkedOperation, text: string) => (
    <li key={to.id}>
      <Link
        href={`/activity/${to.id}`}
        className="-mx-2 flex min-h-11 items-center justify-between gap-2 rounded-lg px-2 text-brand-600 hover:bg-gray-50 focus-visible:outline-2 focus-visible:outline-brand-600"
        data-testid="linked-operation"
      >
        <span className="tabular">{text}</span>
        <ChevronRight aria-hidden className="size-4 shrink-0" />
      </Link>
    </li>
  );

  if (operation.kind === 'REFUND' && operation.refundedPayment) {
    const payment = operation.refundedPayment;
    return (
      <section aria-labelledby="refunded-payment" data-testid="refunded-payment">
        <h2 id="refunded-payment" className="mb-1 font-semibold text-gray-900">
          {t('payment')}
        </h2>
        <ul>
          {link(
            payment,
            t('paymentLink', { amount: money(payment.amount), time: formatShanghaiMinute(payment.createdAt) }),
          )}
        </ul>
      </section>
    );
  }
  if (operation.kind !== 'PAYMENT' || operation.refundedAmount === 0n) return null;
  const full = operation.refundedAmount >= size;
  return (
    <section aria-labelledby="payment-refunds" data-testid="payment-refunds">
      <h2 id="payment-refunds" className="font-semibold text-gray-900">
        {t('label')}
      </h2>
      <p className="mt-1 mb-1 text-gray-700 tabular" data-testid="payment-refunded">
        {t(full ? 'full' : 'partial', { amount: money(operation.refundedAmount) })}
      </p>
      <ul>
        {operation.refunds.map((refund) =>
          link(refund, t('link', { amount: money(refund.amount), time: formatShanghaiMinute(refund.createdAt) })),
        )}
      </ul>
    </section>
  );
}
