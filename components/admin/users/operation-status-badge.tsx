import { CircleCheck, CircleX, Clock } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Badge } from '../badge';

export function OperationStatusBadge({ status }: { status: 'PENDING' | 'SUCCEEDED' | 'FAILED' }) {
  const t = useTranslations('adminUsers.operationStatuses');
  if (status === 'SUCCEEDED')
    return (
      <Badge tone="green" icon={CircleCheck}>
        {t(status)}
      </Badge>
    );
  if (status === 'FAILED')
    return (
      <Badge tone="red" icon={CircleX}>
        {t(status)}
      </Badge>
    );
  return (
    <Badge tone="blue" icon={Clock}>
      {t(status)}
    </Badge>
  );
}
