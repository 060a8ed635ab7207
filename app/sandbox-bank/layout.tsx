import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { requireSandboxBankEnabled } from '@/sandbox-bank/require-enabled';
import { AreaMessages } from '@/components/i18n/area-messages';
import { BankHeader } from '@/sandbox-bank/ui/bank-header';
import { SandboxBar } from '@/sandbox-bank/ui/sandbox-bar';

// The sandbox bank is another system: its own title, header and colours, nothing of the wallet.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('sandboxBank');
  return { title: { default: t('title'), template: `%s · ${t('title')}` }, description: t('description') };
}

export default function SandboxBankLayout({ children }: { children: ReactNode }) {
  // Switched off (SANDBOX_BANK_ENABLED), none of the bank's pages exist.
  requireSandboxBankEnabled();
  return (
    <AreaMessages area="sandboxBank">
      <div className="flex min-h-dvh flex-col bg-slate-50">
        <SandboxBar />
        <BankHeader />
        <main className="mx-auto w-full max-w-5xl flex-1 px-4 pt-5 pb-12 md:px-8 md:pt-8">{children}</main>
      </div>
    </AreaMessages>
  );
}
