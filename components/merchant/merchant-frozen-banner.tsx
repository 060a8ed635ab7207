import { useTranslations } from 'next-intl';
import { FrozenBanner } from '@/components/ui/frozen-banner';

/** Shown across the merchant center while the platform has frozen the merchant: what stops, what still works. */
export function MerchantFrozenBanner() {
  const t = useTranslations('merchantDashboard.frozen');
  return <FrozenBanner title={t('title')} body={t('body')} testId="merchant-frozen-banner" className="mb-4" />;
}
