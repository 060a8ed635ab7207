import { Store } from 'lucide-react';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { Amount } from '@/components/money/amount';
import { cn } from '@/components/ui/cn';
import type { CheckoutOrder } from '@/server/orders/get-checkout-view';

/** The order as the customer checks it before paying: who, what, and the amount, big. */
export function OrderSummary({
  order,
  muted,
  children,
}: {
  order: CheckoutOrder;
  muted?: boolean;
  children?: ReactNode;
}) {
  const t = useTranslations('checkout');
  return (
    <section aria-labelledby="order-summary" className="flex flex-col gap-4">
      <h2 id="order-summary" className="sr-only">
        {t('summary')}
      </h2>
      <div className="flex items-center gap-3">
        <span
          aria-hidden
          className="flex size-10 shrink-0 items-center justify-center rounded-full bg-brand-50 text-brand-600"
        >
          <Store className="size-5" />
        </span>
        <div className="min-w-0">
          <p className="text-sm text-gray-500">{t('shop')}</p>
          <p className="truncate font-semibold text-gray-900" data-testid="checkout-shop">
            {order.shopName}
          </p>
        </div>
      </div>
      <div>
        <p className="text-sm text-gray-500">{t('amountLabel')}</p>
        <p
          className={cn('text-4xl font-semibold md:text-5xl', muted ? 'text-gray-500' : 'text-gray-900')}
          data-testid="checkout-amount"
        >
          <Amount amount={order.amount} currency={order.currency} />
        </p>
      </div>
      {children}
      <dl className="flex flex-col gap-2 border-t border-gray-100 pt-4 text-sm">
        <div className="flex justify-between gap-4">
          <dt className="shrink-0 text-gray-500">{t('subject')}</dt>
          <dd className="min-w-0 text-right break-words text-gray-900" data-testid="checkout-subject">
            {order.subject}
          </dd>
        </div>
        <div className="flex justify-between gap-4">
          <dt className="shrink-0 text-gray-500">{t('orderNo')}</dt>
          <dd className="min-w-0 text-right font-mono break-all text-gray-900">{order.merchantOrderNo}</dd>
        </div>
      </dl>
    </section>
  );
}
