// The admin's alerts of the proof of liabilities: days whose build failed and still have no
// root, and days whose reconciled reserve was below the liabilities.
import { AlertTriangle } from 'lucide-react';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatMoney } from '@/ledger';
import type { ProofAlerts as Alerts } from '@/server/liability-proof/read-proof-roots';

export async function ProofAlerts({ alerts }: { alerts: Alerts }) {
  if (alerts.failedBuilds.length === 0 && alerts.shortfalls.length === 0) return null;
  const t = await getTranslations('adminProof');
  const locale = (await getLocale()) === 'en' ? 'en' : 'zh-CN';
  return (
    <section
      role="status"
      className="flex flex-col gap-3 rounded-2xl border border-red-300 bg-red-50 p-4 text-red-900 md:p-5"
      data-testid="proof-alert"
    >
      {alerts.failedBuilds.length > 0 && (
        <div>
          <h2 className="flex items-center gap-2 font-semibold">
            <AlertTriangle aria-hidden className="size-5" />
            {t('failedTitle')}
          </h2>
          <ul className="mt-1 flex flex-col gap-1 text-sm">
            {alerts.failedBuilds.map((f) => (
              <li key={f.date} className="break-words">
                {t('failedLine', { date: f.date, error: f.error })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {alerts.shortfalls.length > 0 && (
        <div>
          <h2 className="flex items-center gap-2 font-semibold">
            <AlertTriangle aria-hidden className="size-5" />
            {t('shortTitle')}
          </h2>
          <ul className="mt-1 flex flex-col gap-1 text-sm">
            {alerts.shortfalls.map((s) => (
              <li key={s.date}>
                {t('shortLine', {
                  date: s.date,
                  difference: formatMoney({ amount: s.difference, currency: 'CNY' }, locale),
                })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
