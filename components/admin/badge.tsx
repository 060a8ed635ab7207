import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { cn } from '@/components/ui/cn';

export type BadgeTone = 'grey' | 'blue' | 'green' | 'amber' | 'red';

const TONES: Record<BadgeTone, string> = {
  grey: 'bg-gray-100 text-gray-700',
  blue: 'bg-brand-50 text-brand-700',
  green: 'bg-green-50 text-green-700',
  amber: 'bg-amber-50 text-amber-800',
  red: 'bg-red-50 text-danger',
};

/** A status pill: always a word, with an icon when it is a state (never colour alone). */
export function Badge({
  tone,
  icon: Icon,
  children,
  className,
  ...props
}: {
  tone: BadgeTone;
  icon?: LucideIcon;
  children: ReactNode;
  className?: string;
  'data-testid'?: string;
}) {
  return (
    <span
      className={cn(
        'inline-flex items-center gap-1 rounded-full px-2.5 py-0.5 text-sm font-semibold whitespace-nowrap',
        TONES[tone],
        className,
      )}
      {...props}
    >
      {Icon && <Icon aria-hidden className="size-3.5" />}
      {children}
    </span>
  );
}
