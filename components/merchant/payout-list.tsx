import { CircleCheck, CircleX, Clock, type LucideIcon } from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { formatMoney, type Currency } from '@/ledger';
import { formatShanghaiSecond } from '@/components/activity/shanghai-time';
import { Amount } from '@/components/money/amount';
import { ReceiptDownloads } from '@/components/receipts/receipt-downloads';
import { cn } from '@/components/ui/cn';
import type { OperationStatus } from '@/server/generated/prisma/enums';
import type { WalletOperation } from '@/server/generated/prisma/client';

const STATUS: Record<OperationStatus, { Icon: LucideIcon; badge: string }> = {
  PENDING: { Icon: Clock, badge: 'bg-brand-50 text-brand-700' },
  SUCCEEDED: { Icon: CircleCheck, badge: 'bg-green-50 text-green-700' },
  FAILED: { Icon: CircleX, badge: 'bg-red-50 text-danger' },
};

/**
 * Payouts newest first: what left the merchant balance (amount + fee), the fee and what arrived,
 * time, status in words and icon.
 */
export function PayoutList({ payouts }: { payouts: WalletOperation[] }) {
  const t = useTranslations('merchantDashboard.payouts');
  const locale = useLocale() === 'en' ? 'en' : 'zh-CN';
  if (payouts.length === 0) return <p className="py-6 text-center text-gray-500">{t('empty')}</p>;
  return (
    <ul className="flex flex-col divide-y divide-gray-100" data-testid="payout-list">
      {payouts.map((p) => {
        const { Icon, badge } = STATUS[p.status];
        const currency = p.currency as Currency;
        return (
          <li
            key={p.id}
            className="flex flex-wrap items-center gap-x-3 gap-y-1 py-3"
            data-testid="payout-row"
            data-status={p.status}
          >
            <div className="flex min-w-0 flex-1 flex-col">
              {/* The payout's own timeline is the operation detail of the merchant's user. */}
              <Link
                href={`/activity/${p.id}`}
                className="self-start font-semibold text-gray-900 hover:underline focus-visible:outline-2 focus-visible:outline-brand-600"
              >
                <Amount amount={-(p.amount + p.fee)} currency={currency} signed />
              </Link>
              <span className="text-sm text-gray-500 tabular" data-testid="payout-fee-note">
                {t('feeNote', {
                  fee: formatMoney({ amount: p.fee, currency }, locale),
                  amount: formatMoney({ amount: p.amount, currency }, locale),
                })}
              </span>
              <time className="text-sm text-gray-500 tabular">{formatShanghaiSecond(p.createdAt)}</time>
              {p.failureReason && (
                <span className="text-sm text-danger">{t('failure', { reason: p.failureReason })}</span>
              )}
            </div>
            <span
              className={cn('inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-sm font-semibold', badge)}
            >
              <Icon aria-hidden className="size-3.5" />
              {t(`status.${p.status}`)}
            </span>
            {p.status === 'SUCCEEDED' && (
              <span className="basis-full">
                <ReceiptDownloads href={`/merchant/receipts/${p.id}`} compact />
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
