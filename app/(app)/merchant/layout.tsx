import type { ReactNode } from 'react';
import { AreaMessages } from '@/components/i18n/area-messages';
import { MerchantFrozenBanner } from '@/components/merchant/merchant-frozen-banner';
import { MerchantTabs } from '@/components/merchant/merchant-tabs';
import { getOwnFrozenAt } from '@/server/admin/users/get-own-frozen-at';
import { getCurrentUser } from '@/server/auth/current-user';
import { db } from '@/server/db';

// The section tabs, and the banner while the merchant is frozen: every page checks who is
// asking itself (requireMerchant); the banner only reads the viewer's own freeze.
export default async function MerchantLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  const frozen = user?.role === 'MERCHANT' && (await getOwnFrozenAt(db(), user.id)) !== null;
  return (
    <AreaMessages area="merchant">
      <div className="flex flex-col">
        <MerchantTabs />
        {frozen ? <MerchantFrozenBanner /> : null}
        {children}
      </div>
    </AreaMessages>
  );
}
