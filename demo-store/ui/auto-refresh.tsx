'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';

/** Re-renders the page every `intervalMs` (a late notice may arrive), at most `times` times. */
export function AutoRefresh({ intervalMs = 3000, times = 20 }: { intervalMs?: number; times?: number }) {
  const router = useRouter();
  const count = useRef(0);
  useEffect(() => {
    const timer = setInterval(() => {
      count.current += 1;
      if (count.current > times) clearInterval(timer);
      else router.refresh();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [router, intervalMs, times]);
  return null;
}
