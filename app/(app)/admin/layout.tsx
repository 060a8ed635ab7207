import type { ReactNode } from 'react';
import { AdminSectionNav } from '@/components/admin/admin-section-nav';
import { AreaMessages } from '@/components/i18n/area-messages';
import { requireRole } from '@/server/auth/current-user';

/**
 * The admin console's frame: its section nav above every admin page. The role is checked
 * here so nothing of the frame reaches a non-admin, and again by every page and action
 * (layouts do not re-run on client navigation).
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireRole('ADMIN');
  return (
    <AreaMessages area="admin">
      <div className="flex flex-col gap-4">
        <AdminSectionNav />
        {children}
      </div>
    </AreaMessages>
  );
}
