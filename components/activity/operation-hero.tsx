import { useTranslations } from 'next-intl';
import { endedQuietly } from '@/lib/activity/operation-outcome';
import { cn } from '@/components/ui/cn';
import type { OperationView } from '@/server/wallet/activity/operation-view';
import { AmountNotes } from './amount-notes';
import { OperationAmount } from './operation-amount';
import { StatusBadge } from './status-badge';
import { STATUS_STYLE } from './status-style';
import { useFailureReasonText } from './use-failure-reason-text';

/** The top of the result page: big status icon, who, what it did to the balance and the status in words. */
export function OperationHero({ operation }: { operation: OperationView }) {
  const t = useTranslations('operation');
  const tActivity = useTranslations('activity');
  const reasonText = useFailureReasonText();
  const { Icon, text } = STATUS_STYLE[operation.outcome];
  return (
    <div className="flex flex-col items-center gap-2 text-center">
      <Icon aria-hidden className={cn('size-12', text)} />
      <p className="text-sm text-gray-500">{operation.counterparty ?? tActivity(`kinds.${operation.kind}`)}</p>
      <p className="text-4xl font-semibold text-gray-900" data-testid="operation-amount">
        <OperationAmount operation={operation} />
      </p>
      <AmountNotes operation={operation} className="items-center text-sm text-gray-600" />
      {/* Announced when the page refreshes itself from 处理中 to a final status. */}
      <div aria-live="polite" className="flex flex-col items-center gap-2">
        <StatusBadge status={operation.outcome} data-testid="operation-status" />
        {operation.outcome === 'PENDING' && <p className="text-sm text-gray-500">{t('pendingHint')}</p>}
        {operation.creditedToBalance && (
          <p className="max-w-sm text-sm text-gray-700" data-testid="operation-credited-to-balance">
            {t('creditedToBalance')}
          </p>
        )}
        {endedQuietly(operation.outcome) && (
          <p className="text-sm text-gray-600" data-testid="operation-quiet-hint">
            {t(`quietHint.${operation.outcome as 'CANCELLED' | 'CLOSED'}`)}
          </p>
        )}
        {operation.outcome === 'FAILED' && (
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
