import { ChevronRight, Store } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import type { CurrentUser } from '@/server/auth/current-user';

/** A customer's merchant application, if any (the page reads it). */
export type MerchantApplicationSummary = { status: string; shopName: string } | null;

/** On 我的: 成为商家 for a customer (or where the application stands), 商户中心 for a merchant; nothing for an admin. */
export async function MerchantEntryLink({
  user,
  application,
}: {
  user: CurrentUser;
  application: MerchantApplicationSummary;
}) {
  if (user.role === 'ADMIN') return null;
  const t = await getTranslations('merchantDashboard.apply');
  const [href, title, hint] =
    user.role === 'MERCHANT'
      ? ['/merchant', t('entryDashboard'), null]
      : application?.status === 'PENDING'
        ? ['/merchant/apply', t('entryPending'), application.shopName]
        : ['/merchant/apply', t('entry'), t('entryHint')];
  return (
    <Card className="p-0">
      <Link
        href={href}
        className="flex min-h-14 items-center gap-3 rounded-2xl px-5 py-2 hover:bg-gray-50 focus-visible:outline-2 focus-visible:outline-brand-600"
        data-testid="merchant-entry"
      >
        <Store aria-hidden className="size-5 text-brand-600" />
        <span className="flex flex-1 flex-col">
          <span className="font-semibold text-gray-900">{title}</span>
          {hint && <span className="text-sm text-gray-500">{hint}</span>}
        </span>
        <ChevronRight aria-hidden className="size-5 text-gray-400" />
      </Link>
    </Card>
  );
}
