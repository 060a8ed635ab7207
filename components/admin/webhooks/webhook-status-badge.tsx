import { CircleCheck, CircleX, Loader } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Badge } from '../badge';

export function WebhookStatusBadge({ status }: { status: 'PENDING' | 'DELIVERED' | 'FAILED' }) {
  const t = useTranslations('adminWebhooks.statuses');
  if (status === 'DELIVERED')
    return (
      <Badge tone="green" icon={CircleCheck} data-testid="webhook-status">
        {t(status)}
      </Badge>
    );
  if (status === 'FAILED')
    return (
      <Badge tone="red" icon={CircleX} data-testid="webhook-status">
        {t(status)}
      </Badge>
    );
  return (
    <Badge tone="blue" icon={Loader} data-testid="webhook-status">
      {t(status)}
    </Badge>
  );
}
