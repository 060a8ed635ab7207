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
    return () => window.removeEventListener('online', reload);
  }, []);
  return (
    <Button onClick={() => window.location.reload()} data-testid="offline-retry">
      {label}
    </Button>
  );
}
