import { useTranslations } from 'next-intl';
import { FrozenBanner } from '@/components/ui/frozen-banner';

/** Shown to a frozen customer on home: why money cannot move, and that the balance is safe to view. */
export function AccountFrozenBanner() {
  const t = useTranslations('frozenAccount');
  return <FrozenBanner title={t('title')} body={t('body')} testId="account-frozen-banner" />;
}
