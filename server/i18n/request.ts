// next-intl request config: the locale comes from a cookie set by the language switch
// (no locale prefix in URLs, so links and e2e paths stay stable). Messages are split by
// feature (top-level namespaces never overlap); the sandbox bank, a separate system, has its
// own files under its own namespace.
import 'server-only';
import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from '../../lib/i18n/locales';

export default getRequestConfig(async () => {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(fromCookie) ? fromCookie : DEFAULT_LOCALE;
  const [
    base,
    errors,
    wallet,
    activity,
    sandboxBank,
    demoStore,
    checkout,
    merchantDashboard,
    admin,
    adminBooks,
    account,
    pin,
    receipts,
    liabilityProof,
    receive,
  ] = await Promise.all([
    import(`../../messages/${locale}.json`),
    import(`../../messages/errors/${locale}.json`),
    import(`../../messages/wallet/${locale}.json`),
    import(`../../messages/activity/${locale}.json`),
    import(`../../messages/sandbox-bank/${locale}.json`),
    import(`../../messages/demo-store/${locale}.json`),
    import(`../../messages/checkout/${locale}.json`),
    import(`../../messages/merchant-dashboard/${locale}.json`),
    import(`../../messages/admin/${locale}.json`),
    import(`../../messages/admin-books/${locale}.json`),
    import(`../../messages/account/${locale}.json`),
    import(`../../messages/pin/${locale}.json`),
    import(`../../messages/receipts/${locale}.json`),
    import(`../../messages/liability-proof/${locale}.json`),
    import(`../../messages/receive/${locale}.json`),
  ]);
  return {
    locale,
    timeZone: 'Asia/Shanghai',
    messages: {
      ...base.default,
      ...errors.default,
      ...wallet.default,
      ...activity.default,
      ...checkout.default,
      ...merchantDashboard.default,
      ...admin.default,
      ...adminBooks.default,
      ...account.default,
      ...pin.default,
      ...receipts.default,
      ...liabilityProof.default,
      ...receive.default,
      sandboxBank: sandboxBank.default,
      demoStore: demoStore.default,
    },
  };
});
