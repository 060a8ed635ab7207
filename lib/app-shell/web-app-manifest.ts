// The web app manifest (served per language at /app.webmanifest?lang=…): what a phone needs to
// install the wallet to its home screen, with its name in the person's language.
import type { MetadataRoute } from 'next';
import type { Locale } from '@/lib/i18n/locales';

/** The brand blue: the theme colour of the browser bar and of the installed app's title bar. */
export const THEME_COLOUR = '#0958d9';
/** The page background (the splash screen while the installed app starts). */
export const BACKGROUND_COLOUR = '#f5f6f8';

export type ManifestText = { name: string; shortName: string; description: string };

export function webAppManifest(locale: Locale, text: ManifestText): MetadataRoute.Manifest {
  return {
    id: '/',
    name: text.name,
    short_name: text.shortName,
    description: text.description,
    lang: locale,
    dir: 'ltr',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    orientation: 'portrait',
    theme_color: THEME_COLOUR,
    background_color: BACKGROUND_COLOUR,
    categories: ['finance'],
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}

/** The manifest's address for a language (a manifest is fetched without cookies, so the language is in the URL). */
export function webAppManifestUrl(locale: Locale): string {
  return `/app.webmanifest?lang=${encodeURIComponent(locale)}`;
}
