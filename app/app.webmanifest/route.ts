import { DEFAULT_LOCALE, isLocale } from '@/lib/i18n/locales';
import { webAppManifest } from '@/lib/app-shell/web-app-manifest';
import { baseMessages } from '@/server/i18n/base-messages';

/** GET /app.webmanifest?lang=zh-CN|en — the web app manifest in that language (Chinese by default). */
export function GET(request: Request) {
  const asked = new URL(request.url).searchParams.get('lang');
  const locale = isLocale(asked) ? asked : DEFAULT_LOCALE;
  const { app } = baseMessages(locale);
  const manifest = webAppManifest(locale, { name: app.name, shortName: app.name, description: app.tagline });
  return new Response(JSON.stringify(manifest), {
    headers: {
      'Content-Type': 'application/manifest+json; charset=utf-8',
      // Changes only with a new release; a day keeps installs fresh without refetching on every page.
      'Cache-Control': 'public, max-age=86400',
    },
  });
}
