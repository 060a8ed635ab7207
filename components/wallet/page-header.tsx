import { ChevronLeft } from 'lucide-react';
import Link from 'next/link';

/** Title of a task page with a way back (a person on a phone has no sidebar). */
export function PageHeader({
  title,
  backHref = '/',
  backLabel,
}: {
  title: string;
  backHref?: string;
  backLabel: string;
}) {
  return (
    <div className="flex items-center gap-2">
      <Link
        href={backHref}
        aria-label={backLabel}
        className="-ml-2 flex size-11 items-center justify-center rounded-lg text-gray-600 hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        <ChevronLeft aria-hidden className="size-6" />
      </Link>
      <h1 className="text-xl font-semibold text-gray-900">{title}</h1>
    </div>
  );
}
