import type { ReactNode } from 'react';
import { MerchantTabs } from '@/components/merchant/merchant-tabs';

// Only the section tabs: every page checks who is asking itself (requireMerchant).
export default function MerchantLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex flex-col">
      <MerchantTabs />
      {children}
    </div>
  );
}
