// The offline page's address per language, which the service worker precaches and serves when
// a page cannot be fetched, and what it needs to load. Pure: used by app/sw.ts and its tests.
import { DEFAULT_LOCALE, isLocale, type Locale } from '@/lib/i18n/locales';

export const OFFLINE_PATH = '/offline';

/** The offline page in one language (the page takes `lang` because the service worker cannot send the cookie). */
export function offlinePageUrl(locale: Locale): string {
  return `${OFFLINE_PATH}?lang=${encodeURIComponent(locale)}`;
}

/** The language the language switch's cookie names, or the default when it names none we speak. */
export function pickOfflineLocale(cookieValue: string | undefined | null): Locale {
  return isLocale(cookieValue) ? cookieValue : DEFAULT_LOCALE;
}

/** The build's static files (scripts, styles, fonts) a page's HTML refers to, each once. */
export function staticAssetUrls(html: string): string[] {
  const urls = new Set<string>();
  for (const match of html.matchAll(/(?:src|href)="(\/_next\/static\/[^"?#]+)"/g)) urls.add(match[1]!);
  return [...urls];
}
