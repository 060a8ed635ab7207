import { FileDown, FileJson } from 'lucide-react';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { buttonVariants } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';

/**
 * "电子回单 (PDF)" and "JSON" for one completed operation. `href` is the receipt route
 * (/activity/<id>/receipt or /merchant/receipts/<id>); plain links, so the browser downloads.
 */
export function ReceiptDownloads({ href, compact = false }: { href: string; compact?: boolean }) {
  const t = useTranslations('receipts.download');
  const size = compact ? 'sm' : 'md';
  return (
    <div className={cn('flex flex-wrap items-center gap-2', !compact && 'flex-col items-stretch')}>
      <div className="flex flex-wrap gap-2">
        <a
          href={`${href}?format=pdf`}
          download
          className={cn(buttonVariants({ variant: 'secondary', size }), !compact && 'flex-1')}
          data-testid="receipt-pdf"
        >
          <FileDown aria-hidden className="size-4" />
          {t('pdf')}
        </a>
        <a
          href={`${href}?format=json`}
          download
          className={cn(buttonVariants({ variant: 'secondary', size }), !compact && 'flex-1')}
          data-testid="receipt-json"
        >
          <FileJson aria-hidden className="size-4" />
          {/* Which JSON, for a screen reader: "电子回单 JSON". */}
          <span className="sr-only">{t('title')} </span>
          {t('json')}
        </a>
      </div>
      {!compact && (
        <p className="text-sm text-gray-600">
          {t('hint')}{' '}
          <Link href="/verify" className="font-medium text-brand-700 underline underline-offset-2">
            {t('verifyLink')}
          </Link>
        </p>
      )}
    </div>
  );
}
