import { ChevronRight, Scale, ScanSearch } from 'lucide-react';
import { useTranslations } from 'next-intl';
import Link from 'next/link';

/** The books' two pages as large links on the admin home. */
export function BooksLinks() {
  const t = useTranslations('adminReconciliation');
  const links = [
    { href: '/admin/trial-balance', label: t('trialBalanceLink'), Icon: Scale },
    { href: '/admin/reconciliation', label: t('reconciliationLink'), Icon: ScanSearch },
  ];
  return (
    <nav aria-label={t('homeLinks')} className="grid grid-cols-1 gap-3 sm:grid-cols-2" data-testid="books-links">
      {links.map(({ href, label, Icon }) => (
        <Link
          key={href}
          href={href}
          className="flex min-h-14 items-center gap-3 rounded-2xl border border-gray-200/70 bg-white px-4 shadow-sm hover:bg-gray-50 focus-visible:outline-2 focus-visible:outline-brand-600"
        >
          <Icon aria-hidden className="size-5 text-brand-700" />
          <span className="flex-1 font-semibold text-gray-900">{label}</span>
          <ChevronRight aria-hidden className="size-5 text-gray-400" />
        </Link>
      ))}
    </nav>
  );
}
