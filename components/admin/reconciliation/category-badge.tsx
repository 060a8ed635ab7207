import { ArrowLeftRight, CircleSlash, FileQuestion, Landmark } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Badge, type BadgeTone } from '@/components/admin/badge';
import type { BreakCategory } from '@/lib/reconciliation/break-actions';

const STYLE = {
  MISSING_IN_LEDGER: { tone: 'red', icon: FileQuestion },
  MISSING_AT_BANK: { tone: 'red', icon: Landmark },
  AMOUNT_MISMATCH: { tone: 'amber', icon: ArrowLeftRight },
  STATUS_MISMATCH: { tone: 'amber', icon: CircleSlash },
} as const satisfies Record<BreakCategory, { tone: BadgeTone; icon: unknown }>;

export function CategoryBadge({ category }: { category: BreakCategory }) {
  const t = useTranslations('adminReconciliation.categories');
  const { tone, icon } = STYLE[category];
  return (
    <Badge tone={tone} icon={icon} data-testid="break-category">
      {t(category)}
    </Badge>
  );
}
