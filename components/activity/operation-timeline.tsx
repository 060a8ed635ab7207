import { Ban, CircleCheck, CircleX, Clock } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { cn } from '@/components/ui/cn';
import type { ActivityKind, TimelineEvent } from '@/server/wallet/activity/operation-view';
import type { OperationOutcome } from '@/lib/activity/operation-outcome';
import { formatShanghaiSecond } from './shanghai-time';

type Step = { key: string; label: string; at: Date | null; state: 'done' | 'failed' | 'ended' | 'waiting' };

// 'ended': cancelled at the bank or closed unconfirmed — grey, it is not a failure.
const ICON = { done: CircleCheck, failed: CircleX, ended: Ban, waiting: Clock };
const COLOUR = { done: 'text-green-700', failed: 'text-danger', ended: 'text-gray-500', waiting: 'text-brand-600' };

/** Vertical steps: what happened, when; a pending operation ends with the step it waits for. */
export function OperationTimeline({
  kind,
  status,
  events,
}: {
  kind: ActivityKind;
  status: OperationOutcome;
  events: TimelineEvent[];
}) {
  const t = useTranslations('operation.timeline');
  const tStatus = useTranslations('activity.statuses');
  const quiet = status === 'CANCELLED' || status === 'CLOSED';
  const steps: Step[] = events.map((event, i) => ({
    key: `${event.type}-${i}`,
    label: event.type === 'FAILED' && quiet ? tStatus(status) : labelOf(event.type, kind, t),
    at: event.createdAt,
    state: event.type === 'FAILED' ? (quiet ? 'ended' : 'failed') : 'done',
  }));
  if (status === 'PENDING') steps.push({ key: 'waiting', label: t('waiting'), at: null, state: 'waiting' });

  return (
    <ol className="flex flex-col" data-testid="operation-timeline">
      {steps.map((step, i) => {
        const Icon = ICON[step.state];
        const last = i === steps.length - 1;
        return (
          <li
            key={step.key}
            className="relative flex gap-3 pb-5 last:pb-0"
            data-testid="timeline-step"
            data-state={step.state}
          >
            {/* The line joining this step to the next. */}
            {!last && <span aria-hidden className="absolute top-7 bottom-1 left-[11px] w-0.5 bg-gray-200" />}
            <Icon aria-hidden className={cn('size-6 shrink-0', COLOUR[step.state])} />
            <div className="flex flex-col">
              <span className={cn('font-semibold', step.state === 'waiting' ? 'text-brand-600' : 'text-gray-900')}>
                {step.label}
              </span>
              {step.at && (
                <time dateTime={step.at.toISOString()} className="text-sm text-gray-500 tabular">
                  {formatShanghaiSecond(step.at)}
                </time>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

function labelOf(type: string, kind: ActivityKind, t: (key: string) => string): string {
  switch (type) {
    case 'REQUESTED':
    case 'AUTHORISED':
    case 'SETTLED':
      return t(`${type}.${kind}`);
    case 'CREDITED_TO_BALANCE': // the bank paid an order that could no longer be paid
    case 'FAILED':
      return t(type);
    default:
      return type;
  }
}
