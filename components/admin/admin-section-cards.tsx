import { BookOpen, ScrollText, Send, Store, TrendingUp, Users, type LucideIcon } from 'lucide-react';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { cn } from '@/components/ui/cn';
import { ADMIN_SECTIONS, type AdminSectionKey } from './admin-sections';

// The books (trial balance, reconciliation) have their own links on the admin home.
type CardKey = Exclude<AdminSectionKey, 'overview' | 'trialBalance' | 'reconciliation'>;

const ICONS: Record<CardKey, LucideIcon> = {
  users: Users,
  merchants: Store,
  entries: BookOpen,
  revenue: TrendingUp,
  webhooks: Send,
  audit: ScrollText,
};

/** The admin home's way into each section, with what waits there (hints come from the page). */
export function AdminSectionCards({
  hints,
  attention = {},
}: {
  hints: Partial<Record<AdminSectionKey, string>>;
  attention?: Partial<Record<AdminSectionKey, boolean>>;
}) {
  const t = useTranslations('adminNav');
  const home = useTranslations('adminHome');
  return (
    <section aria-labelledby="admin-sections-title">
      <h2 id="admin-sections-title" className="sr-only">
        {home('sections')}
      </h2>
      <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {ADMIN_SECTIONS.filter((s): s is { key: CardKey; href: string } => s.key in ICONS).map((section) => {
          const Icon = ICONS[section.key];
          return (
            <li key={section.key}>
              <Link
                href={section.href}
                className="flex h-full min-h-20 items-start gap-3 rounded-2xl border border-gray-200/70 bg-white p-4 shadow-sm hover:border-brand-500 focus-visible:outline-2 focus-visible:outline-brand-600"
                data-testid={`admin-card-${section.key}`}
              >
                <Icon aria-hidden className="mt-0.5 size-5 shrink-0 text-brand-600" />
                <span className="min-w-0">
                  <span className="block font-semibold text-gray-900">{t(section.key)}</span>
                  {hints[section.key] && (
                    <span
                      className={cn(
                        'block text-sm',
                        attention[section.key] ? 'font-semibold text-amber-800' : 'text-gray-600',
                      )}
                    >
                      {hints[section.key]}
                    </span>
                  )}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
