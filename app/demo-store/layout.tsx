import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { AreaMessages } from '@/components/i18n/area-messages';
import { StoreHeader } from '@/demo-store/ui/store-header';

// The demo store is another system (an outside merchant): its own title, header and colours,
// nothing of the wallet's shell.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('demoStore');
  return { title: { default: t('title'), template: `%s · ${t('title')}` }, description: t('description') };
}

export default async function DemoStoreLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations('demoStore');
  return (
    <AreaMessages area="demoStore">
      <div className="flex min-h-dvh flex-col bg-stone-50 text-stone-900">
        <StoreHeader />
        <main className="mx-auto w-full max-w-5xl flex-1 px-4 pt-6 pb-12 md:px-8 md:pt-8">{children}</main>
        <footer className="border-t border-stone-200 bg-white">
          <p className="mx-auto max-w-5xl px-4 py-5 text-xs leading-relaxed text-stone-500 md:px-8">{t('footer')}</p>
        </footer>
      </div>
    </AreaMessages>
  );
}
