// Which sections each role sees. Pages still check the role themselves; this only
// decides what is linked.
import type { Role } from '@/server/generated/prisma/enums';

export type NavKey = 'home' | 'activity' | 'notifications' | 'me' | 'merchant' | 'admin';
export type NavItem = { key: NavKey; href: string };

const CUSTOMER_ITEMS: NavItem[] = [
  { key: 'home', href: '/' },
  { key: 'activity', href: '/activity' },
  { key: 'notifications', href: '/notifications' },
  { key: 'me', href: '/me' },
];

export function navItemsFor(role: Role): NavItem[] {
  if (role === 'MERCHANT')
    return [...CUSTOMER_ITEMS.slice(0, 3), { key: 'merchant', href: '/merchant' }, CUSTOMER_ITEMS[3]!];
  if (role === 'ADMIN') return [...CUSTOMER_ITEMS.slice(0, 3), { key: 'admin', href: '/admin' }, CUSTOMER_ITEMS[3]!];
  return CUSTOMER_ITEMS;
}
