// next-intl request config: the locale comes from a cookie set by the language switch
// (no locale prefix in URLs, so links and e2e paths stay stable).
import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from './locales';

export default getRequestConfig(async () => {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(fromCookie) ? fromCookie : DEFAULT_LOCALE;
  return {
    locale,
    timeZone: 'Asia/Shanghai',
    messages: (await import(`../../messages/${locale}.json`)).default,
  };
});
