import { Ban, CircleCheck, CircleMinus, CircleX, Clock } from 'lucide-react';
import { useTranslations } from 'next-intl';
import type { OperationOutcome } from '@/lib/activity/operation-outcome';
import { Badge, type BadgeTone } from '../badge';

// As the customer sees it: cancelled at the bank or closed unconfirmed is grey, not a failure.
const STYLE = {
  PENDING: { tone: 'blue', icon: Clock },
  SUCCEEDED: { tone: 'green', icon: CircleCheck },
  FAILED: { tone: 'red', icon: CircleX },
  CANCELLED: { tone: 'grey', icon: Ban },
  CLOSED: { tone: 'grey', icon: CircleMinus },
} as const satisfies Record<OperationOutcome, { tone: BadgeTone; icon: unknown }>;

export function OperationStatusBadge({ status }: { status: OperationOutcome }) {
  const t = useTranslations('adminUsers.operationStatuses');
  const { tone, icon } = STYLE[status];
  return (
    <Badge tone={tone} icon={icon} data-testid="admin-operation-status">
      {t(status)}
    </Badge>
  );
}
