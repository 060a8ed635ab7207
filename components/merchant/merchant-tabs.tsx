'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/components/ui/cn';

const TABS = [
  { key: 'home', href: '/merchant' },
  { key: 'orders', href: '/merchant/orders' },
  { key: 'payouts', href: '/merchant/payouts' },
  { key: 'bills', href: '/merchant/bills' },
  { key: 'developers', href: '/merchant/developers' },
] as const;

function active(pathname: string, href: string): boolean {
  return href === '/merchant' ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
}

/** The merchant center's sections; scrolls sideways on a phone. Not shown on the application page. */
export function MerchantTabs() {
  const t = useTranslations('merchantDashboard.tabs');
  const pathname = usePathname();
  if (pathname.startsWith('/merchant/apply')) return null;
  return (
    <nav aria-label={t('label')} className="-mx-4 mb-4 overflow-x-auto border-b border-gray-200 px-4 md:mx-0 md:px-0">
      <ul className="flex min-w-max gap-1">
        {TABS.map((tab) => (
          <li key={tab.key}>
            <Link
              href={tab.href}
              aria-current={active(pathname, tab.href) ? 'page' : undefined}
              className={cn(
                '-mb-px flex min-h-11 items-center border-b-2 px-3 font-medium text-gray-600 hover:text-gray-900 focus-visible:outline-2 focus-visible:outline-brand-600',
                active(pathname, tab.href) ? 'border-brand-600 font-semibold text-brand-600' : 'border-transparent',
              )}
            >
              {t(tab.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
