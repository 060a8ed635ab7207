import { CircleCheck, CircleSlash, Clock } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Badge } from '../badge';

export function EntryStatusBadge({ status }: { status: string }) {
  const t = useTranslations('adminEntries.statuses');
  const label = t.has(status) ? t(status as 'POSTED') : status;
  if (status === 'POSTED')
    return (
      <Badge tone="green" icon={CircleCheck}>
        {label}
      </Badge>
    );
  if (status === 'PENDING')
    return (
      <Badge tone="amber" icon={Clock}>
        {label}
      </Badge>
    );
  return (
    <Badge tone="grey" icon={CircleSlash}>
      {label}
    </Badge>
  );
}
