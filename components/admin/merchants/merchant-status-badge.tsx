import { CircleCheck, CircleX, Clock } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Badge } from '../badge';

export function MerchantStatusBadge({ status }: { status: 'PENDING' | 'APPROVED' | 'REJECTED' }) {
  const t = useTranslations('adminMerchants.statuses');
  if (status === 'APPROVED')
    return (
      <Badge tone="green" icon={CircleCheck} data-testid="merchant-status">
        {t(status)}
      </Badge>
    );
  if (status === 'REJECTED')
    return (
      <Badge tone="grey" icon={CircleX} data-testid="merchant-status">
        {t(status)}
      </Badge>
    );
  return (
    <Badge tone="amber" icon={Clock} data-testid="merchant-status">
      {t(status)}
    </Badge>
  );
}
