import { getTranslations } from 'next-intl/server';
import { InvariantChecks } from '@/components/admin/trial-balance/invariant-checks';
import { TrialBalanceCard } from '@/components/admin/trial-balance/trial-balance-card';
import { Card } from '@/components/ui/card';
import { requireRole } from '@/server/auth/current-user';
import { db } from '@/server/db';
import { checkBooks } from '@/server/admin/trial-balance/check-books';
import { getTrialBalance, listLargestAccounts } from '@/server/admin/trial-balance/get-trial-balance';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  return { title: (await getTranslations('adminTrialBalance'))('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function TrialBalancePage({ searchParams }: { searchParams: SearchParams }) {
  const admin = await requireRole('ADMIN');
  const t = await getTranslations('adminTrialBalance');
  const params = await searchParams;
  const largestKind = params.largest === 'USER_WALLET' || params.largest === 'MERCHANT_BALANCE' ? params.largest : null;
  const largestCurrency =
    typeof params.currency === 'string' && /^[A-Z]{3}$/.test(params.currency) ? params.currency : 'CNY';

  const balances = await getTrialBalance(db(), admin.id);
  const checks = await checkBooks(db(), admin.id);
  const largest = largestKind ? await listLargestAccounts(db(), admin.id, largestCurrency, largestKind) : null;

  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-xl font-semibold text-gray-900">{t('title')}</h1>
        <p className="mt-1 text-sm text-gray-600">{t('intro')}</p>
      </div>
      {balances.length === 0 && <Card className="text-gray-600">{t('empty')}</Card>}
      {balances.map((tb) => (
        <TrialBalanceCard
          key={tb.currency}
          tb={tb}
          drill={tb.currency === largestCurrency ? largestKind : null}
          largest={tb.currency === largestCurrency ? largest : null}
        />
      ))}
      <InvariantChecks violations={checks.violations} checkedAt={checks.checkedAt} ms={checks.ms} />
    </div>
  );
}
