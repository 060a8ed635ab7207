'use client';

import { CircleCheck, CircleX } from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import { formatMoney, parseCurrency } from '@/ledger';
import type { ProofFailure, ProofVerdict } from '@/lib/liability-proof/liability-proof';

export type ShownVerdict =
  | Extract<ProofVerdict, { ok: true }>
  | { ok: false; reason: ProofFailure | 'unreadable' | 'keys-unavailable' | 'download-failed'; detail?: string };

/** What a check of a proof file found, in words: the balance and total, or why it failed. */
export function ProofVerdictView({ verdict }: { verdict: ShownVerdict }) {
  const t = useTranslations('balanceProof');
  const locale = useLocale() === 'en' ? 'en' : 'zh-CN';
  if (verdict.ok) {
    const currency = parseCurrency(verdict.currency);
    return (
      <div
        role="status"
        data-testid="proof-verdict"
        className="flex gap-3 rounded-xl border border-green-300 bg-green-50 p-4 text-green-900"
      >
        <CircleCheck aria-hidden className="mt-0.5 size-5 shrink-0" />
        <div className="flex flex-col gap-1 text-sm">
          <p className="font-semibold">{t('verified')}</p>
          <p>
            {t('verifiedLine', {
              day: verdict.day,
              balance: formatMoney({ amount: verdict.balance, currency }, locale),
              total: formatMoney({ amount: verdict.total, currency }, locale),
            })}
          </p>
          <p className="break-all text-xs text-green-800">{t('verifiedKey', { kid: verdict.kid })}</p>
        </div>
      </div>
    );
  }
  return (
    <div
      role="alert"
      data-testid="proof-verdict"
      className="flex gap-3 rounded-xl border border-red-300 bg-red-50 p-4 text-red-900"
    >
      <CircleX aria-hidden className="mt-0.5 size-5 shrink-0" />
      <div className="flex flex-col gap-1 text-sm">
        <p className="font-semibold">{t('notVerified')}</p>
        <p>{t(`reasons.${verdict.reason}`, { reason: verdict.detail ?? '' })}</p>
      </div>
    </div>
  );
}
