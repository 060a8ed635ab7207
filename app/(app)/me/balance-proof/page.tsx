import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { AreaMessages } from '@/components/i18n/area-messages';
import { BalanceProofPanel } from '@/components/liability-proof/balance-proof-panel';
import { requireUser } from '@/server/auth/current-user';
import { db } from '@/server/db';
import { listProofRoots } from '@/server/liability-proof/read-proof-roots';
import { findMerchantApplication } from '@/server/merchants/find-merchant-for-user-or-throw';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  return { title: (await getTranslations('balanceProof'))('title') };
}

export default async function BalanceProofPage() {
  const user = await requireUser();
  const t = await getTranslations('balanceProof');
  const tp = await getTranslations('proofPublic');
  const roots = await listProofRoots(db(), 60);
  const merchant = user.role === 'MERCHANT' ? await findMerchantApplication(db(), user.id) : null;
  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-xl font-semibold text-gray-900">{t('title')}</h1>
        <p className="mt-1 text-sm text-gray-600">{t('intro')}</p>
        <Link
          href="/proof"
          className="mt-2 inline-flex min-h-11 items-center text-sm font-semibold text-brand-700 underline"
        >
          {tp('title')}
        </Link>
      </div>
      <AreaMessages area="balanceProof">
        <BalanceProofPanel days={roots.map((r) => r.date)} hasMerchantBalance={merchant?.status === 'APPROVED'} />
      </AreaMessages>
    </div>
  );
}
