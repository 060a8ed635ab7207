import type { Metadata, Viewport } from 'next';
import { GeistMono } from 'geist/font/mono';
import { GeistSans } from 'geist/font/sans';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { ServiceWorkerRegistration } from '@/components/app-shell/service-worker-registration';
import { THEME_COLOUR, webAppManifestUrl } from '@/lib/app-shell/web-app-manifest';
import { CLIENT_NAMESPACES, pickNamespaces } from '@/lib/i18n/client-namespaces';
import { DEFAULT_LOCALE, isLocale } from '@/lib/i18n/locales';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  const locale = await getLocale();
  return {
    title: { default: t('name'), template: `%s · ${t('name')}` },
    description: t('tagline'),
    // Installable (issue 17): the manifest in the page's language; the icons are app/icon.svg,
    // app/favicon.ico and app/apple-icon.png (scripts/icons/render-icons.ts).
    manifest: webAppManifestUrl(isLocale(locale) ? locale : DEFAULT_LOCALE),
    appleWebApp: { capable: true, title: t('name'), statusBarStyle: 'default' },
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: THEME_COLOUR };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  // Only the namespaces client components use everywhere; areas add theirs (AreaMessages).
  const messages = pickNamespaces(await getMessages(), CLIENT_NAMESPACES.core);
  return (
    <html lang={locale} className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="min-h-dvh antialiased">
        <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>
        <ServiceWorkerRegistration />
      </body>
    </html>
  );
}
