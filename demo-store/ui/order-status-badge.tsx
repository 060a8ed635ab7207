import { Ban, CircleCheck, Clock, Truck } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import type { StoreOrderStatus } from '../orders/store-order';
import { cn } from './cn';

const STYLE: Record<StoreOrderStatus, { Icon: typeof Clock; className: string }> = {
  CREATED: { Icon: Clock, className: 'bg-amber-50 text-amber-800 ring-amber-200' },
  PAID: { Icon: CircleCheck, className: 'bg-green-50 text-green-800 ring-green-200' },
  SHIPPED: { Icon: Truck, className: 'bg-blue-50 text-blue-800 ring-blue-200' },
  CLOSED: { Icon: Ban, className: 'bg-stone-100 text-stone-700 ring-stone-200' },
};

/** Status as text plus icon (never colour alone). */
export async function OrderStatusBadge({
  status,
  testId,
  large,
}: {
  status: StoreOrderStatus;
  testId?: string;
  large?: boolean;
}) {
  const t = await getTranslations('demoStore.status');
  const { Icon, className } = STYLE[status];
  return (
    <span
      data-testid={testId}
      data-status={status}
      className={cn(
        'inline-flex items-center gap-1 rounded-full font-semibold whitespace-nowrap ring-1 ring-inset',
        large ? 'px-3 py-1 text-base' : 'px-2 py-0.5 text-xs',
        className,
      )}
    >
      <Icon aria-hidden className={large ? 'size-5' : 'size-3.5'} />
      {t(status)}
    </span>
  );
}
