'use client';

import { Snowflake, Sun } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useId, useState, useTransition } from 'react';
import { setUserFrozenAction } from '@/app/actions/admin-users';
import type { ActionError } from '@/app/actions/action-result';
import { CONTROL_CLASS, LABEL_CLASS } from '@/components/activity/field-styles';
import { Button } from '@/components/ui/button';
import { useAdminErrorText } from '../use-admin-error-text';

/** Freeze or unfreeze with a required note; the page re-renders with the new state. */
export function FreezeForm({ userId, frozen }: { userId: string; frozen: boolean }) {
  const t = useTranslations('adminUsers');
  const errorText = useAdminErrorText();
  const noteId = useId();
  const [note, setNote] = useState('');
  const [error, setError] = useState<ActionError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setDone(null);
    startTransition(async () => {
      const result = await setUserFrozenAction(form);
      if (!result.ok) return setError(result.error);
      setError(null);
      setNote('');
      setDone(result.data.frozen ? t('frozenDone') : t('unfrozenDone'));
    });
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate data-testid="freeze-form">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="frozen" value={frozen ? '0' : '1'} />
      <p className="text-sm text-gray-600">{frozen ? t('unfreezeHint') : t('freezeHint')}</p>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={noteId} className={LABEL_CLASS}>
          {t('noteLabel')}
        </label>
        <textarea
          id={noteId}
          name="note"
          rows={2}
          maxLength={500}
          required
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t('notePlaceholder')}
          className={`${CONTROL_CLASS} py-2`}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${noteId}-error` : undefined}
        />
        {error && (
          <p id={`${noteId}-error`} className="text-sm text-danger" data-testid="freeze-error">
            {errorText(error, note)}
          </p>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant={frozen ? 'primary' : 'danger'} disabled={pending} data-testid="freeze-submit">
          {frozen ? <Sun aria-hidden className="size-4" /> : <Snowflake aria-hidden className="size-4" />}
          {pending ? t('freezing') : frozen ? t('unfreeze') : t('freeze')}
        </Button>
        <p aria-live="polite" className="text-sm text-green-700" data-testid="freeze-done">
          {done ?? ''}
        </p>
      </div>
    </form>
  );
}
