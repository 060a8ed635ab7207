import { CircleCheck, CircleX } from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import { formatMoney, type Currency } from '@/ledger';
import { formatShanghaiSecond } from '@/components/activity/shanghai-time';
import { cn } from '@/components/ui/cn';
import type { OrderEvent } from '@/server/generated/prisma/client';

const KNOWN = new Set([
  'CREATED',
  'PAYMENT_STARTED',
  'PAYMENT_FAILED',
  'PAID',
  'SHIPPED',
  'REFUNDED',
  'CLOSED',
  'EXPIRED',
]);

function detailOf(event: OrderEvent): Record<string, unknown> {
  return event.detail && typeof event.detail === 'object' && !Array.isArray(event.detail)
    ? (event.detail as Record<string, unknown>)
    : {};
}

/** The order's events in order, as vertical steps. */
export function OrderTimeline({ events, currency }: { events: OrderEvent[]; currency: Currency }) {
  const t = useTranslations('merchantDashboard.order.events');
  const locale = useLocale() === 'en' ? 'en' : 'zh-CN';
  return (
    <ol className="flex flex-col" data-testid="order-timeline">
      {events.map((event, i) => {
        const failed = event.type === 'PAYMENT_FAILED';
        const Icon = failed ? CircleX : CircleCheck;
        const detail = detailOf(event);
        const amount =
          typeof detail.amount === 'string' && /^\d+$/.test(detail.amount)
            ? formatMoney({ amount: BigInt(detail.amount), currency }, locale)
            : '';
        const label = KNOWN.has(event.type) ? t(event.type, { amount }) : event.type;
        const extra =
          event.type === 'SHIPPED'
            ? `${String(detail.carrier ?? '')} ${String(detail.trackingNumber ?? '')}`.trim()
            : '';
        return (
          <li key={event.id} className="relative flex gap-3 pb-5 last:pb-0" data-testid="order-timeline-step">
            {i < events.length - 1 && (
              <span aria-hidden className="absolute top-7 bottom-1 left-[11px] w-0.5 bg-gray-200" />
            )}
            <Icon aria-hidden className={cn('size-6 shrink-0', failed ? 'text-danger' : 'text-green-700')} />
            <div className="flex min-w-0 flex-col">
              <span className="font-semibold text-gray-900">{label}</span>
              {extra && <span className="text-sm break-all text-gray-600">{extra}</span>}
              <time dateTime={event.createdAt.toISOString()} className="text-sm text-gray-500 tabular">
                {formatShanghaiSecond(event.createdAt)}
              </time>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
