'use client';

import { Check, X } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useId, useState, useTransition } from 'react';
import { decideMerchantAction } from '@/app/actions/admin-merchants';
import type { ActionError } from '@/app/actions/action-result';
import { CONTROL_CLASS, LABEL_CLASS } from '@/components/activity/field-styles';
import { Button } from '@/components/ui/button';
import { useAdminErrorText } from '../use-admin-error-text';

/** 通过 in one click; 拒绝 asks for the reason first. The list re-renders after either. */
export function MerchantDecision({ merchantId }: { merchantId: string }) {
  const t = useTranslations('adminMerchants');
  const errorText = useAdminErrorText();
  const noteId = useId();
  const [rejecting, setRejecting] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();

  function decide(decision: 'APPROVE' | 'REJECT') {
    const form = new FormData();
    form.set('merchantId', merchantId);
    form.set('decision', decision);
    if (decision === 'REJECT') form.set('note', note);
    startTransition(async () => {
      const result = await decideMerchantAction(form);
      if (!result.ok) return setError(result.error);
      setError(null);
    });
  }

  return (
    <div className="flex flex-col gap-2" data-testid="merchant-decision">
      {rejecting ? (
        <div className="flex flex-col gap-2">
          <label htmlFor={noteId} className={LABEL_CLASS}>
            {t('rejectNoteLabel')}
          </label>
          <textarea
            id={noteId}
            rows={2}
            maxLength={500}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder={t('rejectNotePlaceholder')}
            className={`${CONTROL_CLASS} py-2`}
            aria-invalid={error ? true : undefined}
          />
          <div className="flex flex-wrap gap-2">
            <Button variant="danger" size="sm" disabled={pending} onClick={() => decide('REJECT')}>
              {pending ? t('working') : t('confirmReject')}
            </Button>
            <Button variant="ghost" size="sm" disabled={pending} onClick={() => setRejecting(false)}>
              {t('cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <div className="flex flex-wrap gap-2">
          <Button size="sm" disabled={pending} onClick={() => decide('APPROVE')} data-testid="merchant-approve">
            <Check aria-hidden className="size-4" />
            {pending ? t('working') : t('approve')}
          </Button>
          <Button
            variant="secondary"
            size="sm"
            disabled={pending}
            onClick={() => setRejecting(true)}
            data-testid="merchant-reject"
          >
            <X aria-hidden className="size-4" />
            {t('reject')}
          </Button>
        </div>
      )}
      {error && (
        <p className="text-sm text-danger" data-testid="merchant-decision-error">
          {errorText(error, note)}
        </p>
      )}
    </div>
  );
}
