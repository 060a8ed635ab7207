import { ChevronLeft, ChevronRight } from 'lucide-react';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { buttonVariants } from '@/components/ui/button';

type Props = {
  page: number;
  /** Known total (counted lists) or only whether a next page exists (the ledger's entries). */
  pageCount?: number;
  total?: number;
  hasNext?: boolean;
  hrefFor: (page: number) => string;
};

/** Previous / next links and where we are; nothing when everything fits on one page. */
export function Pager({ page, pageCount, total, hasNext, hrefFor }: Props) {
  const t = useTranslations('adminCommon');
  const next = pageCount !== undefined ? page < pageCount : Boolean(hasNext);
  if (page <= 1 && !next && (total === undefined || total === 0)) return null;
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 pt-3 text-sm text-gray-600" data-testid="pager">
      <span className="tabular">
        {pageCount !== undefined && total !== undefined
          ? t('page', { page, pageCount, total })
          : t('pageOnly', { page })}
      </span>
      <span className="flex gap-2">
        {page > 1 && (
          <Link href={hrefFor(page - 1)} className={buttonVariants({ variant: 'secondary', size: 'sm' })} rel="prev">
            <ChevronLeft aria-hidden className="size-4" />
            {t('previous')}
          </Link>
        )}
        {next && (
          <Link
            href={hrefFor(page + 1)}
            className={buttonVariants({ variant: 'secondary', size: 'sm' })}
            rel="next"
            data-testid="pager-next"
          >
            {t('next')}
            <ChevronRight aria-hidden className="size-4" />
          </Link>
        )}
      </span>
    </div>
  );
}
