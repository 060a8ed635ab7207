import { WifiOff } from 'lucide-react';
import { ReloadWhenOnline } from '@/components/app-shell/reload-when-online';
import { DEFAULT_LOCALE, isLocale, type Locale } from '@/lib/i18n/locales';
import { baseMessages } from '@/server/i18n/base-messages';

type Props = { searchParams: Promise<{ lang?: string | string[] }> };

/** The page's language comes from `?lang=` (the service worker fetches it without cookies). */
async function pageLocale(searchParams: Props['searchParams']): Promise<Locale> {
  const { lang } = await searchParams;
  return isLocale(lang) ? lang : DEFAULT_LOCALE;
}

export async function generateMetadata({ searchParams }: Props) {
  return { title: baseMessages(await pageLocale(searchParams)).offline.title };
}

/**
 * What the service worker (app/sw.ts) shows for a page that cannot be loaded. It is stored on
 * the device, so it names no one and shows nothing of an account: no balance, no activity.
 */
export default async function OfflinePage({ searchParams }: Props) {
  const locale = await pageLocale(searchParams);
  const text = baseMessages(locale).offline;
  return (
    <main
      lang={locale}
      className="flex min-h-dvh flex-col items-center justify-center gap-4 px-6 text-center"
      data-testid="offline-page"
    >
      <span className="flex size-16 items-center justify-center rounded-full bg-brand-50 text-brand-600">
        <WifiOff aria-hidden className="size-8" />
      </span>
      <h1 className="text-xl font-semibold text-gray-900">{text.title}</h1>
      <p className="max-w-sm text-gray-600">{text.body}</p>
      <ReloadWhenOnline label={text.retry} />
      <p className="text-sm text-gray-600">{text.autoRetry}</p>
    </main>
  );
}
