import { Info } from 'lucide-react';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { demoStorePool } from '@/demo-store/db/pool';
import { formatFen } from '@/demo-store/money';
import { listStoreNotifications } from '@/demo-store/notifications/list-notifications';
import { listStoreOrders } from '@/demo-store/orders/store-order';
import { formatShanghai } from '@/demo-store/time';
import { OrderStatusBadge } from '@/demo-store/ui/order-status-badge';
import { ShipForm } from '@/demo-store/ui/ship-form';
import { storePageTitle } from '@/demo-store/ui/store-page-title';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  return storePageTitle((await getTranslations('demoStore.owner'))('title'));
}

// The store's own back office. A demo: no sign-in, and the page says so.
export default async function OwnerPage() {
  const t = await getTranslations('demoStore.owner');
  const tOrder = await getTranslations('demoStore.order');
  const locale = await getLocale();
  const pool = demoStorePool();
  const [orders, notifications] = await Promise.all([listStoreOrders(pool), listStoreNotifications(pool)]);

  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold text-stone-900">{t('title')}</h1>
      <p
        role="note"
        data-testid="owner-demo-notice"
        className="mb-6 flex gap-2 rounded-xl border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
      >
        <Info aria-hidden className="mt-0.5 size-4 shrink-0" />
        {t('demoNotice')}
      </p>

      <section aria-labelledby="owner-orders" className="mb-10">
        <h2 id="owner-orders" className="mb-3 text-lg font-semibold text-stone-900">
          {t('orders')}
        </h2>
        {orders.length === 0 ? (
          <p
            className="rounded-2xl border border-dashed border-stone-300 bg-white p-8 text-center text-stone-600"
            data-testid="owner-orders-empty"
          >
            {t('empty')}
          </p>
        ) : (
          <ul className="space-y-3">
            {orders.map((o) => (
              <li
                key={o.id}
                className="rounded-2xl border border-stone-200 bg-white p-4"
                data-testid="owner-order"
                data-order-no={o.orderNo}
              >
                <div className="flex items-start justify-between gap-4">
                  <div className="min-w-0 flex-1">
                    <Link
                      href={`/demo-store/orders/${o.id}`}
                      className="font-mono text-sm font-semibold text-amber-800 underline underline-offset-4"
                    >
                      {o.orderNo}
                    </Link>
                    <p className="mt-1 text-stone-900">{o.subject}</p>
                    <p className="text-xs text-stone-500">
                      {tOrder('createdAt')} {formatShanghai(o.createdAt)}
                    </p>
                  </div>
                  <div className="flex shrink-0 flex-col items-end gap-1">
                    <span className="tabular text-lg font-semibold text-stone-900">{formatFen(o.amount, locale)}</span>
                    <OrderStatusBadge status={o.status} testId="owner-order-status" />
                    {o.refundedAmount > 0n && (
                      <span className="text-xs text-stone-600">
                        {tOrder('refunded', { amount: formatFen(o.refundedAmount, locale) })}
                      </span>
                    )}
                  </div>
                </div>
                {o.status === 'PAID' && (
                  <div className="mt-4 border-t border-stone-100 pt-4">
                    <p className="mb-2 text-sm font-semibold text-green-800">{t('customerPaid')}</p>
                    <ShipForm storeOrderId={o.id} />
                  </div>
                )}
                {o.status === 'SHIPPED' && o.carrier && o.trackingNo && (
                  <p
                    className="mt-3 border-t border-stone-100 pt-3 text-sm text-stone-700"
                    data-testid="owner-order-shipment"
                  >
                    {t('shipped', { carrier: o.carrier, trackingNo: o.trackingNo })}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="owner-notifications">
        <h2 id="owner-notifications" className="text-lg font-semibold text-stone-900">
          {t('notifications')}
        </h2>
        <p className="mb-3 text-sm text-stone-600">{t('notificationsIntro')}</p>
        {notifications.length === 0 ? (
          <p className="rounded-2xl border border-dashed border-stone-300 bg-white p-6 text-center text-sm text-stone-600">
            {t('noNotifications')}
          </p>
        ) : (
          <ul className="divide-y divide-stone-100 rounded-2xl border border-stone-200 bg-white text-sm">
            {notifications.map((n) => (
              <li
                key={n.id}
                className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3"
                data-testid="owner-notification"
              >
                <span className="font-mono font-semibold text-stone-900">{n.type ?? '—'}</span>
                <span className={n.verified ? 'text-green-800' : 'font-semibold text-red-700'}>
                  {n.verified ? `✓ ${t('verified')}` : `✗ ${t('refused')}`}
                </span>
                <span className="text-stone-700">{t(`outcome.${n.outcome}`)}</span>
                {n.orderNo && <span className="font-mono text-xs text-stone-500">{n.orderNo}</span>}
                <span className="tabular ml-auto text-xs text-stone-500">{formatShanghai(n.receivedAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
