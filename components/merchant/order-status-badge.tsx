import { CircleCheck, CircleSlash, Clock, RotateCcw, Truck, type LucideIcon } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { cn } from '@/components/ui/cn';
import type { OrderStatus } from '@/server/generated/prisma/enums';

// docs/ui.md vocabulary: 待支付 amber, 成功 green, 已退款 / 部分退款 / 已关闭 / 已过期 grey; text and icon, never colour alone.
const STYLE: Record<OrderStatus, { Icon: LucideIcon; badge: string }> = {
  PENDING: { Icon: Clock, badge: 'bg-amber-50 text-amber-800' },
  PAID: { Icon: CircleCheck, badge: 'bg-green-50 text-green-700' },
  SHIPPED: { Icon: Truck, badge: 'bg-green-50 text-green-700' },
  PARTIALLY_REFUNDED: { Icon: RotateCcw, badge: 'bg-gray-100 text-gray-700' },
  REFUNDED: { Icon: RotateCcw, badge: 'bg-gray-100 text-gray-700' },
  CLOSED: { Icon: CircleSlash, badge: 'bg-gray-100 text-gray-700' },
  EXPIRED: { Icon: CircleSlash, badge: 'bg-gray-100 text-gray-700' },
};

export function OrderStatusBadge({ status, className }: { status: OrderStatus; className?: string }) {
  const t = useTranslations('merchantDashboard.status');
  const { Icon, badge } = STYLE[status];
  return (
    <span
      className={cn(
        'inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-sm font-semibold whitespace-nowrap',
        badge,
        className,
      )}
      data-status={status}
      data-testid="order-status"
    >
      <Icon aria-hidden className="size-3.5" />
      {t(status)}
    </span>
  );
}
