'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/components/ui/cn';
import { ADMIN_SECTIONS, isSectionActive } from './admin-sections';

/** The admin console's sections as wrapping pills: every section one tap away at 375 px too. */
export function AdminSectionNav() {
  const t = useTranslations('adminNav');
  const pathname = usePathname();
  return (
    <nav aria-label={t('label')} data-testid="admin-section-nav">
      <ul className="flex flex-wrap gap-1.5">
        {ADMIN_SECTIONS.map((section) => {
          const active = isSectionActive(pathname, section.href);
          return (
            <li key={section.key}>
              <Link
                href={section.href}
                aria-current={active ? 'page' : undefined}
                className={cn(
                  'inline-flex min-h-9 items-center rounded-full border px-3 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600',
                  active
                    ? 'border-brand-600 bg-brand-600 text-white'
                    : 'border-gray-200 bg-white text-gray-700 hover:bg-gray-50',
                )}
              >
                {t(section.key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
