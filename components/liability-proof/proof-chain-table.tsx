// The chain of published days, newest first (the public /proof page and the admin's section).
import { getLocale, getTranslations } from 'next-intl/server';
import { formatMoney, parseCurrency } from '@/ledger';
import type { ProofRootView } from '@/server/liability-proof/read-proof-roots';

type Props = { roots: ProofRootView[]; signatures: Map<string, boolean> };

export async function ProofChainTable({ roots, signatures }: Props) {
  const t = await getTranslations('proofPublic');
  const locale = (await getLocale()) === 'en' ? 'en' : 'zh-CN';
  if (roots.length === 0) return <p className="text-sm text-gray-600">{t('empty')}</p>;
  const money = (amount: bigint, currency: string) =>
    formatMoney({ amount, currency: parseCurrency(currency) }, locale);
  return (
    <ol className="flex flex-col gap-3" data-testid="proof-chain">
      {roots.map((r) => {
        const signed = signatures.get(r.date) === true;
        return (
          <li key={r.date} className="rounded-xl border border-gray-200 bg-white p-4" data-testid="proof-day">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3 className="font-semibold text-gray-900">{r.date}</h3>
              <span
                className={`rounded-full px-2 py-0.5 text-xs font-semibold ${signed ? 'bg-green-100 text-green-800' : 'bg-red-100 text-red-800'}`}
              >
                {signed ? t('signatureValid') : t('signatureInvalid')}
              </span>
            </div>
            <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
              <dt className="text-gray-500">{t('total')}</dt>
              <dd className="font-semibold text-gray-900 tabular-nums">{money(r.totalLiabilities, r.currency)}</dd>
              <dt className="text-gray-500">{t('reserve')}</dt>
              <dd className="text-gray-900 tabular-nums">{money(r.reserveBalance, r.currency)}</dd>
              <dt className="text-gray-500">{t('difference')}</dt>
              <dd className={`tabular-nums ${r.difference < 0n ? 'font-semibold text-danger' : 'text-gray-900'}`}>
                {money(r.difference, r.currency)}
              </dd>
              <dt className="text-gray-500">{t('accounts')}</dt>
              <dd className="text-gray-900 tabular-nums">{r.leafCount}</dd>
              <dt className="text-gray-500">{t('rootHash')}</dt>
              <dd className="font-mono text-xs break-all text-gray-900">{r.rootHash}</dd>
              <dt className="text-gray-500">{t('link')}</dt>
              <dd className={r.linkHolds ? 'text-gray-900' : 'font-semibold text-danger'}>
                {r.previousDate === null
                  ? t('firstDay')
                  : `${r.linkHolds ? t('chainHolds') : t('chainBroken')} (${r.previousDate})`}
              </dd>
              <dt className="text-gray-500">{t('signingKey')}</dt>
              <dd className="font-mono text-xs break-all text-gray-900">{r.kid}</dd>
            </dl>
          </li>
        );
      })}
    </ol>
  );
}
