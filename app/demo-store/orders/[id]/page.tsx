import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { findProduct } from '@/demo-store/catalogue';
import { demoStorePool } from '@/demo-store/db/pool';
import { StoreNotConfiguredError, WalletApiError, WalletUnreachableError } from '@/demo-store/errors';
import { formatFen } from '@/demo-store/money';
import { refreshStoreOrder } from '@/demo-store/orders/refresh-store-order';
import { findStoreOrder } from '@/demo-store/orders/store-order';
import { storeDeps } from '@/demo-store/store-deps';
import { formatShanghai } from '@/demo-store/time';
import { AutoRefresh } from '@/demo-store/ui/auto-refresh';
import { ClearCart } from '@/demo-store/ui/clear-cart';
import { OrderStatusBadge } from '@/demo-store/ui/order-status-badge';
import { storePageTitle } from '@/demo-store/ui/store-page-title';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  return storePageTitle((await getTranslations('demoStore.order'))('title'));
}

export default async function StoreOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const t = await getTranslations('demoStore.order');
  const locale = await getLocale();
  let order = await findStoreOrder(demoStorePool(), id);
  if (!order) notFound();

  // Back from the checkout before the notice: ask the wallet (the active query).
  let walletUnreachable = false;
  if (order.status === 'CREATED') {
    try {
      order = (await refreshStoreOrder(storeDeps(), order.id)).order;
    } catch (err) {
      if (!(
        err instanceof WalletUnreachableError ||
        err instanceof WalletApiError ||
        err instanceof StoreNotConfiguredError
      ))
        throw err;
      console.error('[demo-store] order query:', err.message);
      walletUnreachable = true;
    }
  }
  const money = (fen: bigint) => formatFen(fen, locale);
  const rows: [string, string | null][] = [
    [t('orderNo'), order.orderNo],
    [t('createdAt'), formatShanghai(order.createdAt)],
    [t('paidAt'), order.paidAt ? formatShanghai(order.paidAt) : null],
    [t('shippedAt'), order.shippedAt ? formatShanghai(order.shippedAt) : null],
    [t('shipping'), order.carrier],
    [t('trackingNo'), order.trackingNo],
    [t('walletOrderId'), order.walletOrderId],
  ];

  return (
    <div className="mx-auto max-w-3xl">
      <ClearCart />
      {order.status === 'CREATED' && <AutoRefresh />}
      <h1 className="sr-only">{t('title')}</h1>
      <section
        className="mb-6 rounded-2xl border border-stone-200 bg-white p-6 text-center shadow-sm"
        aria-live="polite"
      >
        <OrderStatusBadge status={order.status} testId="store-order-status" large />
        <h2 className="mt-3 text-xl font-semibold text-stone-900">{t(`heading.${order.status}`)}</h2>
        <p
          className="tabular mt-2 text-3xl font-semibold text-stone-900"
          data-testid="store-order-amount"
          data-amount={order.amount.toString()}
        >
          {money(order.amount)}
        </p>
        {order.refundedAmount > 0n && (
          <p className="mt-1 text-sm font-semibold text-stone-600" data-testid="store-order-refunded">
            {t('refunded', { amount: money(order.refundedAmount) })}
          </p>
        )}
        <p className="mx-auto mt-3 max-w-md text-sm text-stone-600">{t(`hint.${order.status}`)}</p>
        {walletUnreachable && (
          <p role="status" className="mx-auto mt-3 max-w-md rounded-lg bg-amber-50 p-2 text-sm text-amber-900">
            {t('walletUnreachable')}
          </p>
        )}
        <div className="mt-5 flex flex-wrap justify-center gap-3">
          {order.status === 'CREATED' && order.checkoutUrl && (
            <a
              href={order.checkoutUrl}
              className="inline-flex min-h-11 items-center rounded-lg bg-amber-700 px-5 font-semibold text-white hover:bg-amber-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-700"
            >
              {t('payNow')}
            </a>
          )}
          <Link
            href="/demo-store"
            className="inline-flex min-h-11 items-center rounded-lg border border-stone-300 bg-white px-5 font-semibold text-stone-800 hover:bg-stone-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-700"
          >
            {t('continueShopping')}
          </Link>
        </div>
      </section>

      <section className="mb-6 rounded-2xl border border-stone-200 bg-white p-5" aria-labelledby="order-items">
        <h2 id="order-items" className="mb-3 font-semibold text-stone-900">
          {t('items')}
        </h2>
        <table className="w-full text-sm">
          <thead className="text-left text-stone-500">
            <tr>
              <th className="pb-2 font-normal">{t('product')}</th>
              <th className="pb-2 text-right font-normal">{t('unitPrice')}</th>
              <th className="pb-2 text-right font-normal">{t('quantity')}</th>
              <th className="pb-2 text-right font-normal">{t('amount')}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {order.items.map((item) => (
              <tr key={item.productId}>
                <td className="py-2 text-stone-900">
                  {locale === 'en' ? (findProduct(item.productId)?.nameEn ?? item.name) : item.name}
                </td>
                <td className="tabular py-2 text-right">{money(item.unitPrice)}</td>
                <td className="tabular py-2 text-right">×{item.quantity}</td>
                <td className="tabular py-2 text-right">{money(item.unitPrice * BigInt(item.quantity))}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="border-t border-stone-200">
              <th scope="row" colSpan={3} className="pt-3 text-right font-semibold">
                {t('total')}
              </th>
              <td className="tabular pt-3 text-right font-semibold">{money(order.amount)}</td>
            </tr>
          </tfoot>
        </table>
      </section>

      <section className="rounded-2xl border border-stone-200 bg-white p-5">
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[8rem_1fr]">
          {rows
            .filter(([, value]) => value)
            .map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-stone-500">{label}</dt>
                <dd className="font-mono break-all text-stone-900">{value}</dd>
              </div>
            ))}
        </dl>
      </section>
    </div>
  );
}
