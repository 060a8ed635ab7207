import { Snowflake } from 'lucide-react';
import { useTranslations } from 'next-intl';

/** Shown across the merchant center while the platform has frozen the merchant: what stops, what still works. */
export function MerchantFrozenBanner() {
  const t = useTranslations('merchantDashboard.frozen');
  return (
    <div className="mb-4 flex items-start gap-3 rounded-2xl border border-amber-300 bg-amber-50 p-4 text-amber-900" role="status" data-testid="merchant-frozen-banner">
      <Snowflake aria-hidden className="mt-0.5 size-5 shrink-0" />
      <div>
        <p className="font-semibold">{t('title')}</p>
        <p className="text-sm">{t('body')}</p>
      </div>
    </div>
  );
}
