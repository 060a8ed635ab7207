import { formatShanghaiSecond } from '@/components/activity/shanghai-time';

/** An instant as people in the product read it: `2026-01-05 14:07:00`, Beijing time. */
export function AdminTime({ at, className }: { at: Date; className?: string }) {
  return (
    <time dateTime={at.toISOString()} className={className ?? 'tabular whitespace-nowrap'}>
      {formatShanghaiSecond(at)}
    </time>
  );
}
