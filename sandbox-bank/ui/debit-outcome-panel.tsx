import { CheckCircle2, XCircle } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import type { FailureReason, RequestStatus } from '../requests/request-row';

type Props = { status: RequestStatus; failureReason: FailureReason | null; redirectUrl: string | null };

/** A debit already decided (opened again, or after the redirect failed): its outcome and the way back. */
export async function DebitOutcomePanel({ status, failureReason, redirectUrl }: Props) {
  const t = await getTranslations('sandboxBank.authorize');
  const ok = status === 'SUCCEEDED';
  const Icon = ok ? CheckCircle2 : XCircle;
  return (
    <div className="mt-5 flex flex-col gap-4" data-testid="debit-outcome">
      <p className="text-sm text-gray-600">{t('finishedTitle')}</p>
      <p className={`flex items-center gap-2 text-lg font-semibold ${ok ? 'text-green-800' : 'text-danger'}`}>
        <Icon aria-hidden className="size-6" />
        {t(`status.${status}`)}
        {failureReason ? <span className="font-normal">· {t(`reasons.${failureReason}`)}</span> : null}
      </p>
      {redirectUrl ? (
        <a
          href={redirectUrl}
          className="inline-flex min-h-12 items-center justify-center rounded-lg border border-gray-300 bg-white px-4 font-semibold text-gray-800 hover:bg-gray-50"
        >
          {t('backToMerchant')}
        </a>
      ) : null}
    </div>
  );
}
