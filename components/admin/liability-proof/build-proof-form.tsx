'use client';

import { Hammer } from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { formatMoney } from '@/ledger';
import { buildProofAction, type BuildProofResult } from '@/app/(app)/admin/reconciliation/proof-actions';
import type { ActionError } from '@/app/actions/action-result';
import { Button } from '@/components/ui/button';
import { DateInput } from '@/components/ui/date-input';

/** Pick an ended day (yesterday by default) and build its proof of liabilities now. */
export function BuildProofForm({ defaultDate, maxDate }: { defaultDate: string; maxDate: string }) {
  const t = useTranslations('adminProof');
  const te = useTranslations('errorCodes');
  const locale = useLocale() === 'en' ? 'en' : 'zh-CN';
  const router = useRouter();
  const [result, setResult] = useState<BuildProofResult | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(async () => {
      const answer = await buildProofAction(form);
      if (!answer.ok) {
        setResult(null);
        return setError(answer.error);
      }
      setError(null);
      setResult(answer.data);
      router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-2" noValidate>
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-sm text-gray-700">
          {useTranslations('adminReconciliation')('date')}
          <DateInput
            name="date"
            defaultValue={defaultDate}
            max={maxDate}
            required
            className="min-h-11 rounded-lg border border-gray-300 px-3 text-base text-gray-900 focus-visible:outline-2 focus-visible:outline-brand-600 md:text-sm"
          />
        </label>
        <Button type="submit" disabled={pending}>
          <Hammer aria-hidden className="size-4" />
          {pending ? t('building') : t('build')}
        </Button>
      </div>
      {result && (
        <p role="status" className="text-sm text-green-800" data-testid="build-proof-result">
          {result.created
            ? t('built', {
                date: result.date,
                count: result.leafCount,
                total: formatMoney({ amount: BigInt(result.totalLiabilities), currency: 'CNY' }, locale),
              })
            : t('alreadyBuilt', { date: result.date })}
        </p>
      )}
      {error && (
        <p role="alert" className="text-sm text-danger" data-testid="build-proof-error">
          {te.has(error.code) ? te(error.code) : t('errors.generic')}
        </p>
      )}
    </form>
  );
}
