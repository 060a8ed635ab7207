'use client';

import { useEffect } from 'react';

/** Where app/serwist/[path]/route.ts serves the service worker; its Service-Worker-Allowed header lets it cover the whole site. */
export const SERVICE_WORKER_URL = '/serwist/sw.js';

/**
 * Registers the service worker (app/sw.ts: the offline page, static files; never pages or
 * data) once the page has loaded, in production builds only: in `next dev` a worker would
 * keep serving old static files across edits.
 */
export function ServiceWorkerRegistration() {
  useEffect(() => {
    if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return;
    const register = () => {
      navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: '/', updateViaCache: 'none' }).catch(() => {
        // No worker means no offline page; the site works the same online.
      });
    };
    if (document.readyState === 'complete') register();
    else window.addEventListener('load', register, { once: true });
  }, []);
  return null;
}
