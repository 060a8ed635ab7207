import { SearchX } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { OrderFilters } from '@/components/merchant/order-filters';
import { OrderList } from '@/components/merchant/order-list';
import {
  hasOrderFilters,
  ordersHref,
  parseOrderQuery,
  toOrderFilter,
  type OrderSearchParams,
} from '@/components/merchant/order-query';
import { buttonVariants } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { db } from '@/server/db';
import { listMerchantOrders, type MerchantOrderPage } from '@/server/merchants/list-merchant-orders';
import { requireMerchant } from '@/server/merchants/require-merchant';
import { InvalidInputError } from '@/server/core/domain-errors';

export async function generateMetadata() {
  return { title: (await getTranslations('merchantDashboard.orders'))('title') };
}

export default async function MerchantOrdersPage({ searchParams }: { searchParams: Promise<OrderSearchParams> }) {
  const { merchant } = await requireMerchant();
  const t = await getTranslations('merchantDashboard.orders');
  const { query, errors } = parseOrderQuery(await searchParams);
  let page: MerchantOrderPage;
  try {
    page = await listMerchantOrders(db(), merchant.id, toOrderFilter(query), { cursor: query.cursor });
  } catch (error) {
    // A cursor this merchant's list did not give out: start again from the newest.
    if (error instanceof InvalidInputError && error.field === 'cursor')
      redirect(ordersHref({ ...query, cursor: undefined }));
    throw error;
  }
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold text-gray-900">{t('title')}</h1>
      <Card className="p-4 md:p-5">
        <OrderFilters query={query} errors={errors} />
      </Card>
      <Card className="p-4 md:p-5" data-testid="order-list">
        {page.orders.length ? (
          <OrderList orders={page.orders} />
        ) : (
          <div className="flex flex-col items-center gap-2 py-8 text-center text-gray-500" data-testid="orders-empty">
            <SearchX aria-hidden className="size-10 text-gray-300" />
            <p className="font-semibold text-gray-600">{t('empty')}</p>
            {hasOrderFilters(query) && <p className="text-sm">{t('emptyHint')}</p>}
          </div>
        )}
        {(page.nextCursor || query.cursor) && (
          <div className="mt-3 flex justify-center gap-2">
            {query.cursor && (
              <Link href={ordersHref({ ...query, cursor: undefined })} className={buttonVariants({ variant: 'ghost' })}>
                {t('backToLatest')}
              </Link>
            )}
            {page.nextCursor && (
              <Link
                href={ordersHref(query, page.nextCursor)}
                className={buttonVariants({ variant: 'secondary' })}
                data-testid="orders-load-more"
              >
                {t('loadMore')}
              </Link>
            )}
          </div>
        )}
      </Card>
    </div>
  );
}
