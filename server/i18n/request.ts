// next-intl request config: the locale comes from a cookie set by the language switch
// (no locale prefix in URLs, so links and e2e paths stay stable). The sandbox bank is a
// separate system with its own message files, merged under its own namespace.
import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from './locales';

export default getRequestConfig(async () => {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(fromCookie) ? fromCookie : DEFAULT_LOCALE;
  const [wallet, sandboxBank] = await Promise.all([
    import(`../../messages/${locale}.json`),
    import(`../../messages/sandbox-bank/${locale}.json`),
  ]);
  return {
    locale,
    timeZone: 'Asia/Shanghai',
    messages: { ...wallet.default, sandboxBank: sandboxBank.default },
  };
});
