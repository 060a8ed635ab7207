'use client';

import { LockKeyhole } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { formatLockTime } from './format-lock-time';

/** Shown above a PIN-confirmed form while the PIN is locked: when it ends, and that the rest works. */
export function PinLockedNotice({ until }: { until: string }) {
  const t = useTranslations('pin');
  return (
    <p
      role="status"
      className="flex items-start gap-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900"
      data-testid="pin-locked-notice"
    >
      <LockKeyhole aria-hidden className="mt-0.5 size-4 shrink-0" />
      {t('lockedNotice', { time: formatLockTime(until) })}
    </p>
  );
}
