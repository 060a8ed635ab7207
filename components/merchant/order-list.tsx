import { ChevronRight } from 'lucide-react';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import type { Currency } from '@/ledger';
import { Amount } from '@/components/money/amount';
import { formatShanghaiMinute } from '@/components/activity/shanghai-time';
import type { Order } from '@/server/generated/prisma/client';
import { OrderStatusBadge } from './order-status-badge';

type Props = { orders: Order[] };

/** A table from md up (amounts right-aligned, unit in the header); stacked rows on a phone. */
export function OrderList({ orders }: Props) {
  const t = useTranslations('merchantDashboard.orders');
  return (
    <>
      <table className="hidden w-full text-left md:table" data-testid="order-table">
        <thead>
          <tr className="border-b border-gray-200 text-sm text-gray-500">
            <th scope="col" className="py-2 pr-3 font-semibold">
              {t('orderNo')}
            </th>
            <th scope="col" className="py-2 pr-3 font-semibold">
              {t('subject')}
            </th>
            <th scope="col" className="py-2 pr-3 font-semibold">
              {t('created')}
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-semibold">
              {t('amount')}
            </th>
            <th scope="col" className="py-2 font-semibold">
              {t('status')}
            </th>
          </tr>
        </thead>
        <tbody>
          {orders.map((o) => (
            <tr key={o.id} className="border-b border-gray-100 last:border-0 hover:bg-gray-50" data-testid="order-row">
              <td className="max-w-48 py-2.5 pr-3">
                <Link
                  href={`/merchant/orders/${o.id}`}
                  className="block truncate font-mono text-sm font-semibold text-brand-600 hover:underline"
                >
                  {o.merchantOrderNo}
                </Link>
              </td>
              <td className="max-w-56 truncate py-2.5 pr-3 text-gray-900">{o.subject}</td>
              <td className="py-2.5 pr-3 text-sm whitespace-nowrap text-gray-600 tabular">
                {formatShanghaiMinute(o.createdAt)}
              </td>
              <td className="py-2.5 pr-3 text-right font-semibold text-gray-900">
                <Amount amount={o.amount} currency={o.currency as Currency} />
              </td>
              <td className="py-2.5">
                <OrderStatusBadge status={o.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="flex flex-col divide-y divide-gray-100 md:hidden">
        {orders.map((o) => (
          <li key={o.id}>
            <Link
              href={`/merchant/orders/${o.id}`}
              className="flex min-h-14 items-center gap-3 py-3 focus-visible:outline-2 focus-visible:outline-brand-600"
              data-testid="order-row-mobile"
            >
              <div className="flex min-w-0 flex-1 flex-col gap-0.5">
                <span className="truncate font-semibold text-gray-900">{o.subject}</span>
                <span className="truncate font-mono text-sm text-gray-500">{o.merchantOrderNo}</span>
                <span className="text-sm text-gray-500 tabular">{formatShanghaiMinute(o.createdAt)}</span>
              </div>
              <div className="flex flex-col items-end gap-1">
                <Amount amount={o.amount} currency={o.currency as Currency} className="font-semibold text-gray-900" />
                <OrderStatusBadge status={o.status} />
              </div>
              <ChevronRight aria-hidden className="size-4 shrink-0 text-gray-400" />
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
