import { ChevronRight } from 'lucide-react';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { ActivityRow } from '@/components/activity/activity-row';
import { Card } from '@/components/ui/card';
import type { OperationView } from '@/server/wallet/activity/operation-view';
import { ActivityEmpty } from './activity-empty';

/** The five newest rows and a link to the rest. */
export function RecentActivity({ items }: { items: OperationView[] }) {
  const t = useTranslations('home');
  return (
    <Card className="p-4 md:p-5">
      <div className="mb-1 flex items-center justify-between">
        <h2 className="font-semibold text-gray-900">{t('recentActivity')}</h2>
        {items.length > 0 && (
          <Link
            href="/activity"
            className="-mr-2 flex min-h-11 items-center gap-0.5 rounded-lg px-2 text-sm font-semibold text-brand-600 hover:underline focus-visible:outline-2 focus-visible:outline-brand-600"
            data-testid="see-all-activity"
          >
            {t('seeAll')}
            <ChevronRight aria-hidden className="size-4" />
          </Link>
        )}
      </div>
      {items.length === 0 ? (
        <ActivityEmpty />
      ) : (
        <ul className="divide-y divide-gray-100" data-testid="recent-activity">
          {items.map((item) => (
            <ActivityRow key={item.id} item={item} />
          ))}
        </ul>
      )}
    </Card>
  );
}
