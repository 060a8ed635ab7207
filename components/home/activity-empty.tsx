import { ReceiptText } from 'lucide-react';
import { useTranslations } from 'next-intl';

export function ActivityEmpty() {
  const t = useTranslations('activity');
  return (
    <div className="flex flex-col items-center gap-2 py-8 text-center text-gray-500" data-testid="activity-empty">
      <ReceiptText aria-hidden className="size-10 text-gray-300" />
      <p className="font-semibold text-gray-600">{t('empty')}</p>
      <p className="text-sm">{t('emptyHint')}</p>
    </div>
  );
}
