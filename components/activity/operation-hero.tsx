import { useTranslations } from 'next-intl';
import type { Currency } from '@/ledger';
import { Amount } from '@/components/money/amount';
import { cn } from '@/components/ui/cn';
import type { OperationView } from '@/server/wallet/activity/operation-view';
import { StatusBadge } from './status-badge';
import { STATUS_STYLE } from './status-style';
import { useFailureReasonText } from './use-failure-reason-text';

/** The top of the result page: big status icon, who, the signed amount and the status in words. */
export function OperationHero({ operation }: { operation: OperationView }) {
  const t = useTranslations('operation');
  const tActivity = useTranslations('activity');
  const reasonText = useFailureReasonText();
  const { Icon, text } = STATUS_STYLE[operation.status];
  return (
    <div className="flex flex-col items-center gap-2 text-center">
      <Icon aria-hidden className={cn('size-12', text)} />
      <p className="text-sm text-gray-500">{operation.counterparty ?? tActivity(`kinds.${operation.kind}`)}</p>
      <p className="text-4xl font-semibold text-gray-900" data-testid="operation-amount">
        <Amount
          amount={operation.amount}
          currency={operation.currency as Currency}
          signed
          className={operation.status === 'FAILED' ? 'text-gray-500' : undefined}
        />
      </p>
      {/* Announced when the page refreshes itself from 处理中 to a final status. */}
      <div aria-live="polite" className="flex flex-col items-center gap-2">
        <StatusBadge status={operation.status} data-testid="operation-status" />
        {operation.status === 'PENDING' && <p className="text-sm text-gray-500">{t('pendingHint')}</p>}
        {operation.creditedToBalance && (
          <p className="max-w-sm text-sm text-gray-700" data-testid="operation-credited-to-balance">
            {t('creditedToBalance')}
          </p>
        )}
        {operation.status === 'FAILED' && (
          <>
            <p className="text-sm text-danger" data-testid="operation-failure-reason">
              {reasonText(operation.failureReason)}
            </p>
            {operation.kind === 'WITHDRAWAL' && <p className="text-sm text-gray-600">{t('withdrawalRefunded')}</p>}
          </>
        )}
      </div>
    </div>
  );
}
