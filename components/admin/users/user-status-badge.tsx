import { CircleCheck, Snowflake } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Badge } from '../badge';

/** 已冻结 (amber, as docs/ui.md's vocabulary) or 正常. */
export function UserStatusBadge({ frozen }: { frozen: boolean }) {
  const t = useTranslations('adminCommon');
  return frozen ? (
    <Badge tone="amber" icon={Snowflake} data-testid="user-status">
      {t('frozen')}
    </Badge>
  ) : (
    <Badge tone="green" icon={CircleCheck} data-testid="user-status">
      {t('active')}
    </Badge>
  );
}

export function RoleBadge({ role }: { role: 'CUSTOMER' | 'MERCHANT' | 'ADMIN' }) {
  const t = useTranslations('adminCommon.roles');
  return <Badge tone={role === 'ADMIN' ? 'blue' : 'grey'}>{t(role)}</Badge>;
}
