// Which sections each role sees. Pages still check the role themselves; this only
// decides what is linked.
import type { Role } from '@/server/generated/prisma/enums';

export type NavKey = 'home' | 'wallet' | 'activity' | 'notifications' | 'me' | 'merchant' | 'admin';
export type NavItem = { key: NavKey; href: string };

const CUSTOMER_ITEMS: NavItem[] = [
  { key: 'home', href: '/' },
  { key: 'activity', href: '/activity' },
  { key: 'notifications', href: '/notifications' },
  { key: 'me', href: '/me' },
];

/** A merchant's or admin's console comes first (their home); the personal wallet is next to it. */
export function navItemsFor(role: Role): NavItem[] {
  if (role === 'CUSTOMER') return CUSTOMER_ITEMS;
  const own: NavItem = role === 'MERCHANT' ? { key: 'merchant', href: '/merchant' } : { key: 'admin', href: '/admin' };
  return [own, { key: 'wallet', href: '/wallet' }, ...CUSTOMER_ITEMS.slice(1)];
}
