import { useTranslations } from 'next-intl';
import type { HTMLAttributes } from 'react';
import { cn } from '@/components/ui/cn';
import type { OperationOutcome } from '@/lib/activity/operation-outcome';
import { STATUS_STYLE } from './status-style';

type Props = HTMLAttributes<HTMLSpanElement> & { status: OperationOutcome };

/** A pill: icon and word in the status's colour. */
export function StatusBadge({ status, className, ...props }: Props) {
  const t = useTranslations('activity.statuses');
  const { Icon, badge } = STATUS_STYLE[status];
  return (
    <span
      className={cn(
        'inline-flex items-center gap-1 rounded-full px-2.5 py-0.5 text-sm font-semibold',
        badge,
        className,
      )}
      data-status={status}
      {...props}
    >
      <Icon aria-hidden className="size-4" />
      {t(status)}
    </span>
  );
}

/** The same, as plain text under an amount in a list row. */
export function StatusText({ status }: { status: OperationOutcome }) {
  const t = useTranslations('activity.statuses');
  const { Icon, text } = STATUS_STYLE[status];
  return (
    <span className={cn('inline-flex items-center gap-1 text-sm', text)} data-testid="activity-row-status">
      <Icon aria-hidden className="size-3.5" />
      {t(status)}
    </span>
  );
}
