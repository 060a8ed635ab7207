'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { cn } from '@/components/ui/cn';
import { ADMIN_SECTIONS, isSectionActive } from './admin-sections';

/**
 * The admin console's sections as pills: one row that scrolls sideways on a phone (nine would
 * wrap onto three rows at 375 px), wrapping from md. The current one is scrolled into view.
 */
export function AdminSectionNav() {
  const t = useTranslations('adminNav');
  const pathname = usePathname();
  const activeRef = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    activeRef.current?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [pathname]);
  return (
    <nav aria-label={t('label')} data-testid="admin-section-nav">
      <ul className="-mx-4 flex gap-1.5 overflow-x-auto px-4 py-1 [scrollbar-width:none] md:mx-0 md:flex-wrap md:overflow-visible md:px-0 md:py-0">
        {ADMIN_SECTIONS.map((section) => {
          const active = isSectionActive(pathname, section.href);
          return (
            <li key={section.key} className="shrink-0">
              <Link
                href={section.href}
                ref={active ? activeRef : undefined}
                aria-current={active ? 'page' : undefined}
                className={cn(
                  'inline-flex min-h-9 items-center rounded-full border px-3 whitespace-nowrap text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600',
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
