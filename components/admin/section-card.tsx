import type { ReactNode } from 'react';
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';

/** A card with a heading, the building block of admin pages. */
export function SectionCard({
  title,
  action,
  children,
  className,
  ...props
}: {
  title?: string;
  action?: ReactNode;
  children: ReactNode;
  className?: string;
  'data-testid'?: string;
}) {
  return (
    <Card className={cn('p-4 md:p-5', className)} {...props}>
      {(title || action) && (
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          {title && <h2 className="font-semibold text-gray-900">{title}</h2>}
          {action}
        </div>
      )}
      {children}
    </Card>
  );
}

/** A definition list row: label left (or above on a phone), value right. */
export function KeyValue({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="flex flex-col gap-0.5 border-b border-gray-100 py-2 last:border-b-0 sm:flex-row sm:items-baseline sm:gap-4">
      <dt className="shrink-0 text-sm text-gray-500 sm:w-36">{label}</dt>
      <dd className="min-w-0 break-words text-gray-900" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}
