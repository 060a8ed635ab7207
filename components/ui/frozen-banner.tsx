import { Snowflake } from 'lucide-react';

/** A frozen account's notice (customer home, merchant center): what stops, what still works. */
export function FrozenBanner({
  title,
  body,
  testId,
  className = '',
}: {
  title: string;
  body: string;
  testId: string;
  className?: string;
}) {
  return (
    <div
      className={`flex items-start gap-3 rounded-2xl border border-amber-300 bg-amber-50 p-4 text-amber-900 ${className}`}
      role="status"
      data-testid={testId}
    >
      <Snowflake aria-hidden className="mt-0.5 size-5 shrink-0" />
      <div>
        <p className="font-semibold">{title}</p>
        <p className="text-sm">{body}</p>
      </div>
    </div>
  );
}
