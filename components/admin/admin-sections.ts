// The admin console's sections, in the order of the section nav and the admin home.
export type AdminSectionKey =
  'overview' | 'users' | 'merchants' | 'trialBalance' | 'reconciliation' | 'entries' | 'revenue' | 'webhooks' | 'audit';

export type AdminSection = { key: AdminSectionKey; href: string };

export const ADMIN_SECTIONS: readonly AdminSection[] = [
  { key: 'overview', href: '/admin' },
  { key: 'users', href: '/admin/users' },
  { key: 'merchants', href: '/admin/merchants' },
  { key: 'trialBalance', href: '/admin/trial-balance' },
  { key: 'reconciliation', href: '/admin/reconciliation' },
  { key: 'entries', href: '/admin/entries' },
  { key: 'revenue', href: '/admin/revenue' },
  { key: 'webhooks', href: '/admin/webhooks' },
  { key: 'audit', href: '/admin/audit' },
];

export function isSectionActive(pathname: string, href: string): boolean {
  return href === '/admin' ? pathname === '/admin' : pathname === href || pathname.startsWith(`${href}/`);
}
