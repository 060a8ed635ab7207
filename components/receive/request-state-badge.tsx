import { useTranslations } from 'next-intl';
import { STATUS_STYLE } from '@/components/activity/status-style';
import { cn } from '@/components/ui/cn';
import type { PaymentRequestState } from '@/server/receive/payment-requests/payment-request-view';

/** 待付款 / 已付款 / 已过期 / 已取消, in the activity's status colours (text and icon, not colour alone). */
const STYLE = {
  OPEN: STATUS_STYLE.PENDING,
  PAID: STATUS_STYLE.SUCCEEDED,
  EXPIRED: STATUS_STYLE.CLOSED,
  CANCELLED: STATUS_STYLE.CANCELLED,
} as const;

export function RequestStateBadge({ state, className }: { state: PaymentRequestState; className?: string }) {
  const t = useTranslations('receive.requests.states');
  const { Icon, badge } = STYLE[state];
  return (
    <span
      className={cn(
        'inline-flex items-center gap-1 rounded-full px-2.5 py-0.5 text-sm font-semibold whitespace-nowrap',
        badge,
        className,
      )}
      data-state={state}
      data-testid="request-state"
    >
      <Icon aria-hidden className="size-4" />
      {t(state)}
    </span>
  );
}
