import { Snowflake } from 'lucide-react';
import { useTranslations } from 'next-intl';

/** Shown to a frozen customer on home: why money cannot move, and that the balance is safe to view. */
export function AccountFrozenBanner() {
  const t = useTranslations('frozenAccount');
  return (
    <div className="flex items-start gap-3 rounded-2xl border border-amber-300 bg-amber-50 p-4 text-amber-900" role="status" data-testid="account-frozen-banner">
      <Snowflake aria-hidden className="mt-0.5 size-5 shrink-0" />
      <div>
        <p className="font-semibold">{t('title')}</p>
        <p className="text-sm">{t('body')}</p>
      </div>
    </div>
  );
}
