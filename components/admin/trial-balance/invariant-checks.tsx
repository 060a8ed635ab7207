import { CheckCircle2, XCircle } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { formatShanghaiSecond } from '@/components/activity/shanghai-time';
import { Badge } from '@/components/admin/badge';
import { Card } from '@/components/ui/card';
import type { InvariantViolation } from '@/server/stored-ledger/check-invariants';

const RULES = [
  'zero_sum_postings',
  'cached_balance_and_pending',
  'no_overdraft',
  'zero_sum_balances',
  'entry_balanced',
  'posting_sane',
  'account_sequence',
] as const;

type Props = { violations: InvariantViolation[]; checkedAt: Date; ms: number };

/** The live check: each rule passed or failed, every breach in red with the accounts it names. */
export function InvariantChecks({ violations, checkedAt, ms }: Props) {
  const t = useTranslations('adminTrialBalance');
  const failedRules = new Set(violations.map((v) => v.rule));
  return (
    <Card className="p-4 md:p-5" data-testid="invariant-checks" data-ok={violations.length === 0}>
      <div className="mb-1 flex flex-wrap items-center justify-between gap-2">
        <h2 className="font-semibold text-gray-900">{t('checksTitle')}</h2>
        {violations.length === 0 ? (
          <Badge tone="green" icon={CheckCircle2}>
            {t('allPassed')}
          </Badge>
        ) : (
          <Badge tone="red" icon={XCircle}>
            {t('breaches', { count: violations.length })}
          </Badge>
        )}
      </div>
      <p className="mb-3 text-xs text-gray-500">{t('checkedAt', { time: formatShanghaiSecond(checkedAt), ms })}</p>
      <ul className="flex flex-col divide-y divide-gray-100">
        {RULES.map((rule) => {
          const failed = failedRules.has(rule);
          return (
            <li key={rule} className="py-2" data-testid="invariant-rule" data-rule={rule} data-ok={!failed}>
              <div className="flex items-start justify-between gap-3">
                <span className={failed ? 'font-semibold text-danger' : 'text-gray-800'}>{t(`rules.${rule}`)}</span>
                <span
                  className={`inline-flex shrink-0 items-center gap-1 text-sm ${failed ? 'text-danger' : 'text-green-700'}`}
                >
                  {failed ? (
                    <XCircle aria-hidden className="size-4" />
                  ) : (
                    <CheckCircle2 aria-hidden className="size-4" />
                  )}
                  {failed ? t('failed') : t('passed')}
                </span>
              </div>
              {failed && (
                <ul className="mt-1 flex flex-col gap-1">
                  {violations
                    .filter((v) => v.rule === rule)
                    .map((v, i) => (
                      <li
                        key={i}
                        className="rounded-lg bg-red-50 px-2 py-1 font-mono text-xs break-all text-danger"
                        data-testid="invariant-violation"
                      >
                        {v.detail}
                      </li>
                    ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
