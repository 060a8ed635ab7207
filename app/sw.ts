/// <reference lib="webworker" />
// The service worker (Serwist), built by app/serwist/[path]/route.ts and served at /serwist/sw.js.
// It keeps only what holds no one's data: the build's hashed static files and the offline page.
// Pages, RSC payloads, API answers and server actions always go to the network and are never
// stored, so money figures cannot go stale and one person's pages cannot be shown to the next
// person on a shared phone. A page that cannot be fetched gets the offline page instead.
import {
  CacheFirst,
  ExpirationPlugin,
  NetworkOnly,
  Serwist,
  type PrecacheEntry,
  type SerwistGlobalConfig,
} from 'serwist';
import { offlinePageUrl, pickOfflineLocale, staticAssetUrls } from '@/lib/app-shell/offline-page';

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    // Filled in at build time by Serwist: the static files and the offline pages, with revisions.
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}

declare const self: ServiceWorkerGlobalScope;

const LOCALE_COOKIE = 'NEXT_LOCALE';
const STATIC_CACHE = 'next-static';

/** The offline page in the language the person chose (the language switch's cookie), else the default. */
async function offlineResponse(): Promise<Response> {
  const cookieStore = (self as unknown as { cookieStore?: { get(name: string): Promise<{ value: string } | null> } })
    .cookieStore;
  const cookie = cookieStore ? await cookieStore.get(LOCALE_COOKIE).catch(() => null) : null;
  const cached = await serwist.matchPrecache(offlinePageUrl(pickOfflineLocale(cookie?.value)));
  return cached ?? Response.error();
}

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  // Precached without cookies: nothing stored may depend on who is signed in.
  precacheOptions: { cleanupOutdatedCaches: true, fetchOptions: { credentials: 'omit' } },
  skipWaiting: true,
  clientsClaim: true,
  runtimeCaching: [
    {
      // The build's files are named by their content hash and never change; every page's
      // scripts end up here after their first load, so the offline page hydrates offline too.
      matcher: ({ sameOrigin, url }) => sameOrigin && url.pathname.startsWith('/_next/static/'),
      handler: new CacheFirst({
        cacheName: STATIC_CACHE,
        plugins: [new ExpirationPlugin({ maxEntries: 300, maxAgeSeconds: 30 * 24 * 3600 })],
      }),
    },
    {
      // Pages: always the network; when it fails, the offline page. Nothing is stored.
      matcher: ({ request }) => request.mode === 'navigate',
      handler: new NetworkOnly({ plugins: [{ handlerDidError: offlineResponse }] }),
    },
    // Anything else (RSC payloads, /api, server actions, images) has no route: the browser
    // fetches it as if there were no service worker.
  ],
});

// The offline page's own scripts and styles go to the static cache at install, so that it
// renders and hydrates even if the person never opened a page that uses the same files.
self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(STATIC_CACHE);
      for (const locale of ['zh-CN', 'en'] as const) {
        const page = await fetch(offlinePageUrl(locale), { credentials: 'omit' });
        if (!page.ok) continue;
        await cache.addAll(staticAssetUrls(await page.text()));
      }
    })(),
  );
});

serwist.addEventListeners();
