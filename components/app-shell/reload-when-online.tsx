'use client';

import { useEffect } from 'react';
import { Button } from '@/components/ui/button';

/**
 * The offline page's retry: reloads the page the person asked for (the service worker showed
 * this page at that address), by the button or by itself when the connection comes back.
 */
export function ReloadWhenOnline({ label }: { label: string }) {
  useEffect(() => {
    const reload = () => window.location.reload();
    window.addEventListener('online', reload);
    // Says that the page now listens (a slow device gets here late; the e2e waits for it).
    document.documentElement.dataset.reloadWhenOnline = 'on';
    return () => {
      window.removeEventListener('online', reload);
      delete document.documentElement.dataset.reloadWhenOnline;
    };
  }, []);
  return (
    <Button onClick={() => window.location.reload()} data-testid="offline-retry">
      {label}
    </Button>
  );
}
