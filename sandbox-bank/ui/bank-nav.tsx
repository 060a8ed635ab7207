'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from './cn';

const ITEMS = [
  {
    href: '/sandbox-bank',
    key: 'accounts',
    match: (p: string) => p === '/sandbox-bank' || p.startsWith('/sandbox-bank/accounts'),
  },
  { href: '/sandbox-bank/faults', key: 'faults', match: (p: string) => p.startsWith('/sandbox-bank/faults') },
  {
    href: '/sandbox-bank/statements',
    key: 'statements',
    match: (p: string) => p.startsWith('/sandbox-bank/statements'),
  },
  { href: '/sandbox-bank/phone', key: 'phone', match: (p: string) => p.startsWith('/sandbox-bank/phone') },
] as const;

export function BankNav() {
  const t = useTranslations('sandboxBank.nav');
  const pathname = usePathname();
  return (
    <nav aria-label={t('label')} className="-mx-1 flex gap-1 overflow-x-auto">
      {ITEMS.map((item) => {
        const active = item.match(pathname);
        return (
          <Link
            key={item.key}
            href={item.href}
            aria-current={active ? 'page' : undefined}
            className={cn(
              'inline-flex min-h-11 items-center rounded-lg px-3 text-base font-semibold whitespace-nowrap text-teal-50 hover:bg-teal-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white md:min-h-9 md:text-sm',
              active && 'bg-teal-900 text-white',
            )}
          >
            {t(item.key)}
          </Link>
        );
      })}
    </nav>
  );
}
