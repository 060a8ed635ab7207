import Link from 'next/link';

/** Where an audit target can be looked at, if anywhere. */
export function targetHref(targetType: string, targetId: string): string | null {
  switch (targetType) {
    case 'user':
      return `/admin/users/${targetId}`;
    case 'merchant':
      return `/admin/merchants`;
    case 'webhook_event':
      return `/admin/webhooks/${targetId}`;
    case 'reconciliation_run':
      return `/admin/reconciliation/${targetId}`;
    case 'journal_entry':
      return `/admin/entries/${targetId}`;
    default:
      return null;
  }
}

export function TargetLink({ targetType, targetId, label }: { targetType: string; targetId: string; label: string }) {
  const href = targetHref(targetType, targetId);
  const text = (
    <>
      {label} <span className="font-mono text-xs break-all">{targetId}</span>
    </>
  );
  return href ? (
    <Link href={href} className="text-brand-600 underline-offset-2 hover:underline">
      {text}
    </Link>
  ) : (
    <span className="text-gray-700">{text}</span>
  );
}
