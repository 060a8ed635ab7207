'use client';

import { BookCheck, FileX2 } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { resolveBreakAction } from '@/app/(app)/admin/reconciliation/actions';
import type { ActionError } from '@/app/actions/action-result';
import { Button } from '@/components/ui/button';
import type { ResolutionAction } from '@/lib/reconciliation/break-actions';
import { useReconciliationError } from './use-reconciliation-error';

type Props = { breakId: string; actions: ResolutionAction[]; writeOffText: string; noteMax: number };

/** The resolutions that fit a break: one click to book from the bank; a write-off asks for a note first. */
export function BreakActions({ breakId, actions, writeOffText, noteMax }: Props) {
  const t = useTranslations('adminReconciliation');
  const errorText = useReconciliationError();
  const router = useRouter();
  const [writingOff, setWritingOff] = useState(false);
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(form: FormData) {
    startTransition(async () => {
      const result = await resolveBreakAction(form);
      if (!result.ok) return setError(result.error);
      setError(null);
      setWritingOff(false);
      router.refresh();
    });
  }

  function bookFromBank() {
    const form = new FormData();
    form.set('breakId', breakId);
    form.set('action', 'BOOK_FROM_BANK');
    submit(form);
  }

  function onWriteOff(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    if (!String(form.get('note') ?? '').trim()) return setError({ code: 'INVALID_INPUT', field: 'note' });
    submit(form);
  }

  return (
    <div className="flex flex-col gap-2">
      {!writingOff && (
        <div className="flex flex-wrap gap-2">
          {actions.includes('BOOK_FROM_BANK') && (
            <Button size="sm" onClick={bookFromBank} disabled={pending} data-testid="book-from-bank">
              <BookCheck aria-hidden className="size-4" />
              {t('actions.BOOK_FROM_BANK')}
            </Button>
          )}
          {actions.includes('WRITE_OFF') && (
            <Button
              size="sm"
              variant="secondary"
              onClick={() => setWritingOff(true)}
              disabled={pending}
              data-testid="write-off"
            >
              <FileX2 aria-hidden className="size-4" />
              {t('actions.WRITE_OFF')}
            </Button>
          )}
        </div>
      )}
      {writingOff && (
        <form onSubmit={onWriteOff} className="flex flex-col gap-2" noValidate>
          <input type="hidden" name="breakId" value={breakId} />
          <input type="hidden" name="action" value="WRITE_OFF" />
          <label className="flex flex-col gap-1 text-sm text-gray-700">
            {t('writeOffNote')}
            <textarea
              name="note"
              required
              maxLength={noteMax}
              rows={2}
              className="rounded-lg border border-gray-300 px-3 py-2 text-base text-gray-900 focus-visible:outline-2 focus-visible:outline-brand-600 md:text-sm"
            />
          </label>
          <p className="text-sm text-gray-600">{writeOffText}</p>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" size="sm" variant="danger" disabled={pending} data-testid="confirm-write-off">
              {t('confirmWriteOff')}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setWritingOff(false)} disabled={pending}>
              {t('cancel')}
            </Button>
          </div>
        </form>
      )}
      {error && (
        <p className="text-sm text-danger" data-testid="resolve-error">
          {errorText(error)}
        </p>
      )}
    </div>
  );
}
