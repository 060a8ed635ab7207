import { ChevronRight } from 'lucide-react';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import type { OperationView } from '@/server/wallet/activity/operation-view';
import { AmountNotes } from './amount-notes';
import { KindIcon } from './kind-icon';
import { OperationAmount } from './operation-amount';
import { formatShanghaiMinute } from './shanghai-time';
import { StatusText } from './status-badge';

/**
 * One operation in a list: icon, counterparty, category · time, what it did to the balance (fee
 * included, with the fee and refund notes); status only when not succeeded.
 */
export function ActivityRow({ item }: { item: OperationView }) {
  const t = useTranslations('activity');
  const category = t(`kinds.${item.kind}`);
  return (
    <li>
      <Link
        href={`/activity/${item.id}`}
        data-testid="activity-row"
        data-kind={item.kind}
        data-status={item.outcome}
        className="-mx-2 flex min-h-16 items-center gap-3 rounded-xl px-2 py-3 hover:bg-gray-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
      >
        <KindIcon kind={item.kind} />
        <div className="min-w-0 flex-1">
          <p className="truncate font-semibold text-gray-900">{item.counterparty ?? category}</p>
          {/* A long category ("Balance top-up") gives way; the time is never cut. */}
          <p className="flex min-w-0 text-sm text-gray-500">
            <span className="truncate">{category}</span>
            <span aria-hidden className="shrink-0 whitespace-pre">
              {' · '}
            </span>
            <time dateTime={item.createdAt.toISOString()} className="shrink-0 whitespace-nowrap tabular">
              {formatShanghaiMinute(item.createdAt)}
            </time>
          </p>
        </div>
        <div className="flex shrink-0 flex-col items-end text-right">
          <span className="font-semibold" data-testid="activity-amount">
            <OperationAmount operation={item} />
          </span>
          <AmountNotes operation={item} className="items-end" stack />
          {item.outcome !== 'SUCCEEDED' && <StatusText status={item.outcome} />}
        </div>
        <ChevronRight aria-hidden className="hidden size-4 shrink-0 text-gray-400 md:block" />
      </Link>
    </li>
  );
}
