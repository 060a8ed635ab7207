'use client';

import { Play, RotateCw } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { runReconciliationAction } from '@/app/(app)/admin/reconciliation/actions';
import type { ActionError } from '@/app/actions/action-result';
import { Button } from '@/components/ui/button';
import { DateInput } from '@/components/ui/date-input';
import { useReconciliationError } from './use-reconciliation-error';

type Props = { defaultDate: string; maxDate: string; fixedDate?: boolean };

/** Pick a day (or re-run a fixed one) and reconcile it; lands on the new run. */
export function RunForm({ defaultDate, maxDate, fixedDate }: Props) {
  const t = useTranslations('adminReconciliation');
  const errorText = useReconciliationError();
  const router = useRouter();
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(async () => {
      const result = await runReconciliationAction(form);
      if (!result.ok) return setError(result.error);
      setError(null);
      router.push(`/admin/reconciliation/${result.data.runId}`);
    });
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-2" noValidate>
      <div className="flex flex-wrap items-end gap-3">
        {fixedDate ? (
          <input type="hidden" name="date" value={defaultDate} />
        ) : (
          <label className="flex flex-col gap-1 text-sm text-gray-700">
            {t('date')}
            <DateInput
              name="date"
              defaultValue={defaultDate}
              max={maxDate}
              required
              className="min-h-11 rounded-lg border border-gray-300 px-3 text-base text-gray-900 focus-visible:outline-2 focus-visible:outline-brand-600 md:text-sm"
            />
          </label>
        )}
        <Button type="submit" variant={fixedDate ? 'secondary' : 'primary'} disabled={pending}>
          {fixedDate ? <RotateCw aria-hidden className="size-4" /> : <Play aria-hidden className="size-4" />}
          {pending ? t('running') : fixedDate ? t('rerun') : t('run')}
        </Button>
      </div>
      {error && (
        <p className="text-sm text-danger" data-testid="run-error">
          {errorText(error)}
        </p>
      )}
    </form>
  );
}
