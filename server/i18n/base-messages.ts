// The base messages (messages/<locale>.json) of a language named by the request rather than by
// the language cookie: the offline page and the web app manifest are fetched without cookies
// (by the service worker, by the browser's manifest fetch), so their language is in the URL.
// next-intl's getTranslations({ locale }) would still follow the cookie (server/i18n/request.ts).
import en from '../../messages/en.json';
import zhCN from '../../messages/zh-CN.json';
import type { Locale } from '../../lib/i18n/locales';

const BASE_MESSAGES: Record<Locale, typeof zhCN> = { 'zh-CN': zhCN, en };

export function baseMessages(locale: Locale): typeof zhCN {
  return BASE_MESSAGES[locale];
}
