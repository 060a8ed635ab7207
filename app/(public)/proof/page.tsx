// The public proof of liabilities: every published day, readable without signing in.
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { ProofChainTable } from '@/components/liability-proof/proof-chain-table';
import { BrandMark } from '@/components/shell/brand-mark';
import { LanguageSwitch } from '@/components/shell/language-switch';
import { db } from '@/server/db';
import { listProofRoots } from '@/server/liability-proof/read-proof-roots';
import { rootSignatureStatus } from '@/server/liability-proof/root-signature-status';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  return { title: (await getTranslations('proofPublic'))('title') };
}

export default async function ProofPage() {
  const t = await getTranslations('proofPublic');
  const roots = await listProofRoots(db(), 60);
  const signatures = await rootSignatureStatus(roots);
  return (
    <div className="min-h-dvh bg-gray-50">
      <header className="border-b border-gray-200 bg-white">
        <div className="mx-auto flex max-w-3xl items-center justify-between gap-4 px-4 py-3">
          <Link href="/" className="inline-flex min-h-11 items-center">
            <BrandMark className="text-lg" />
          </Link>
          <LanguageSwitch />
        </div>
      </header>
      <main className="mx-auto flex max-w-3xl flex-col gap-4 px-4 py-6">
        <div className="flex flex-col gap-2">
          <h1 className="text-xl font-semibold text-gray-900">{t('title')}</h1>
          <p className="text-sm text-gray-600">{t('intro')}</p>
          <p className="text-sm text-gray-600">{t('howTo')}</p>
          <a
            href="/api/signing-keys"
            className="inline-flex min-h-11 items-center self-start text-sm font-semibold text-brand-700 underline"
          >
            {t('keysLink')}
          </a>
        </div>
        <ProofChainTable roots={roots} signatures={signatures} />
      </main>
    </div>
  );
}
