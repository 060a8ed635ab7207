// The language of the request (the language switch's cookie, through next-intl): account
// mails are written in it, since users have no stored language.
import { getLocale } from 'next-intl/server';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../../lib/i18n/locales';

export async function requestLocale(): Promise<Locale> {
  const locale = await getLocale();
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}
