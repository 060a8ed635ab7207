'use client';

import { useTranslations } from 'next-intl';
import { Card } from '@/components/ui/card';
import { BalanceChart, type ChartPoint } from './balance-chart';
import { useBalanceHidden } from './balance-visibility';

type Summary = { start: string; end: string; max: string; min: string };

/** Title, the text summary (read by screen readers, masked with the balance) and the chart. */
export function BalanceChartCard({ points, summary }: { points: ChartPoint[]; summary: Summary | null }) {
  const t = useTranslations('home.chart');
  const hidden = useBalanceHidden();
  return (
    <Card className="p-4 md:p-5">
      <figure className="flex flex-col gap-2">
        <figcaption>
          <h2 className="font-semibold text-gray-900">{t('title')}</h2>
          {summary && (
            <p className="text-sm text-gray-600 tabular" data-testid="balance-chart-summary">
              {hidden ? t('hidden') : summary.min === summary.max ? t('flat', summary) : t('summary', summary)}
            </p>
          )}
        </figcaption>
        <BalanceChart points={points} />
      </figure>
    </Card>
  );
}
