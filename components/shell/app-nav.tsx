'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/components/ui/cn';
import { NavIcon } from './nav-icon';
import type { NavItem } from './nav-items';

function isActive(pathname: string, href: string): boolean {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
}

/** Sidebar links from md up. */
export function SideNav({ items }: { items: NavItem[] }) {
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
        </Link>
      ))}
    </nav>
  );
}

/** Bottom tab bar below md, as mobile wallets do. */
export function BottomTabs({ items }: { items: NavItem[] }) {
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
              <NavIcon navKey={item.key} className="size-5" />
              {t(item.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
