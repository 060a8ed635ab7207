// Serves the service worker (app/sw.ts) at /serwist/sw.js (and its source map), bundled by
// Serwist with esbuild during `next build` (Serwist's Turbopack integration: a route handler
// rather than a webpack plugin, so the build stays on Turbopack).
import { randomUUID } from 'node:crypto';
import { createSerwistRoute } from '@serwist/turbopack';
import { offlinePageUrl } from '@/lib/app-shell/offline-page';
import { LOCALES } from '@/lib/i18n/locales';

// One revision per build: a new build re-fetches the offline pages (they name the build's files).
const revision = randomUUID();

const route = createSerwistRoute({
  swSrc: 'app/sw.ts',
  useNativeEsbuild: true,
  // Precached: the build's styles and fonts and the app icons. Scripts are cached as pages
  // load them (app/sw.ts), not all up front: most of them belong to pages a customer never opens.
  globPatterns: ['.next/static/**/*.{css,woff2}', 'public/icons/*.png'],
  additionalPrecacheEntries: LOCALES.map((locale) => ({ url: offlinePageUrl(locale), revision })),
});

export const { dynamic, dynamicParams, revalidate, generateStaticParams } = route;
export const GET = route.GET;
