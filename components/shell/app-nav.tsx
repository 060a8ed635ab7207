'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/components/ui/cn';
import { NavIcon } from './nav-icon';
import type { NavItem, NavKey } from './nav-items';

/** Counts shown on nav items (unread messages). */
export type NavBadges = Partial<Record<NavKey, number>>;

function isActive(pathname: string, href: string): boolean {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
}

/** A red count on a nav item, for the eye; BadgeLabel says it in words after the item's name. */
function Badge({ count, className }: { count: number | undefined; className?: string }) {
  if (!count) return null;
  return (
    <span
      aria-hidden
      className={cn(
        'min-w-5 rounded-full bg-danger px-1.5 text-center text-xs leading-5 font-semibold text-white tabular',
        className,
      )}
      data-testid="nav-unread-badge"
    >
      {count > 99 ? '99+' : count}
    </span>
  );
}

function BadgeLabel({ count }: { count: number | undefined }) {
  const t = useTranslations('notifications');
  if (!count) return null;
  return <span className="sr-only"> ({t('navBadge', { count })})</span>;
}

/** Sidebar links from md up. */
export function SideNav({ items, badges = {} }: { items: NavItem[]; badges?: NavBadges }) {
  const t = useTranslations('nav');
  const pathname = usePathname();
  return (
    <nav aria-label={t('mainNavigation')} className="flex flex-col gap-1">
      {items.map((item) => (
        <Link
          key={item.key}
          href={item.href}
          aria-current={isActive(pathname, item.href) ? 'page' : undefined}
          className={cn(
            'flex min-h-11 items-center gap-3 rounded-lg px-3 font-medium text-gray-700 hover:bg-gray-100',
            isActive(pathname, item.href) && 'bg-brand-50 font-semibold text-brand-600 hover:bg-brand-50',
          )}
        >
          <NavIcon navKey={item.key} className="size-5" />
          {t(item.key)}
          <BadgeLabel count={badges[item.key]} />
          <Badge count={badges[item.key]} className="ml-auto" />
        </Link>
      ))}
    </nav>
  );
}

/** Bottom tab bar below md, as mobile wallets do. */
export function BottomTabs({ items, badges = {} }: { items: NavItem[]; badges?: NavBadges }) {
  const t = useTranslations('nav');
  const pathname = usePathname();
  return (
    <nav
      aria-label={t('mainNavigation')}
      className="fixed inset-x-0 bottom-0 z-20 border-t border-gray-200 bg-white/95 pb-[env(safe-area-inset-bottom)] backdrop-blur md:hidden"
    >
      <ul className="flex">
        {items.map((item) => (
          <li key={item.key} className="flex-1">
            <Link
              href={item.href}
              aria-current={isActive(pathname, item.href) ? 'page' : undefined}
              className={cn(
                'flex min-h-14 flex-col items-center justify-center gap-0.5 text-xs text-gray-600',
                isActive(pathname, item.href) && 'font-semibold text-brand-600',
              )}
            >
              <span className="relative">
                <NavIcon navKey={item.key} className="size-5" />
                <Badge count={badges[item.key]} className="absolute -top-1.5 left-3" />
              </span>
              {t(item.key)}
              <BadgeLabel count={badges[item.key]} />
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
