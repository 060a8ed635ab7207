'use client';

import { Clock } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { cn } from '@/components/ui/cn';
import { announcementFor, formatCountdown, sameAnnouncement, secondsLeft, type Announcement } from './countdown';

const SecondsLeft = createContext<number>(1);

/** True once the order's time to pay is over: every pay button is disabled then. */
export function useExpired(): boolean {
  return useContext(SecondsLeft) === 0;
}

/**
 * Counts down from the time left the server measured on the database clock, on the browser's
 * monotonic clock. At zero it asks the server again, which then shows the expired page.
 */
export function ExpiryClock({ remainingMs, children }: { remainingMs: number; children: ReactNode }) {
  const router = useRouter();
  const [seconds, setSeconds] = useState(() => secondsLeft(remainingMs));
  useEffect(() => {
    const deadline = performance.now() + remainingMs;
    const tick = () => setSeconds(secondsLeft(deadline - performance.now()));
    tick();
    const timer = setInterval(tick, 500);
    return () => clearInterval(timer);
  }, [remainingMs]);
  const over = seconds === 0;
  useEffect(() => {
    if (!over) return;
    // A moment later, so that the database clock has passed the expiry too.
    const timer = setTimeout(() => router.refresh(), 1500);
    return () => clearTimeout(timer);
  }, [over, router]);
  return <SecondsLeft.Provider value={seconds}>{children}</SecondsLeft.Provider>;
}

/** `请在 14:59 内完成支付`; screen readers hear it at minute marks and in the last minute only. */
export function CountdownText({ className }: { className?: string }) {
  const t = useTranslations('checkout');
  const seconds = useContext(SecondsLeft);
  const [spoken, setSpoken] = useState('');
  const last = useRef<Announcement>(announcementFor(seconds));
  useEffect(() => {
    const now = announcementFor(seconds);
    if (sameAnnouncement(now, last.current)) return;
    last.current = now;
    setSpoken(now.unit === 'expired' ? t('announce.expired') : t(`announce.${now.unit}`, { count: now.count }));
  }, [seconds, t]);

  return (
    <>
      <p
        className={cn('flex items-center gap-1.5 text-sm', seconds === 0 ? 'text-danger' : 'text-amber-800', className)}
        data-testid="checkout-countdown"
      >
        <Clock aria-hidden className="size-4 shrink-0" />
        {seconds === 0
          ? t('expiredNow')
          : t.rich('countdown', {
              time: formatCountdown(seconds),
              b: (chunks) => (
                <span role="timer" className="font-semibold tabular">
                  {chunks}
                </span>
              ),
            })}
      </p>
      <p className="sr-only" aria-live="polite" aria-atomic="true">
        {spoken}
      </p>
    </>
  );
}
