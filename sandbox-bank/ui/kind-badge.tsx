import { cn } from './cn';

export function KindBadge({ kind, label }: { kind: 'CUSTOMER' | 'RESERVE'; label: string }) {
  return (
    <span
      className={cn(
        'inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold',
        kind === 'RESERVE' ? 'bg-teal-100 text-teal-900' : 'bg-gray-100 text-gray-700',
      )}
    >
      {label}
    </span>
  );
}
