import { getTranslations } from 'next-intl/server';
import { BankButton } from './bank-button';
import { clearFaultAction } from '../actions/fault-actions';
import { groupAccountNumber } from '../accounts/mask-account-number';
import type { Fault } from '../faults/fault-modes';

/** The faults in force, each with a button that clears it. */
export async function FaultList({ faults, holders }: { faults: Fault[]; holders: Map<string, string> }) {
  const t = await getTranslations('sandboxBank.faults');
  if (faults.length === 0) {
    return (
      <p className="rounded-2xl border border-dashed border-gray-300 p-4 text-gray-600" data-testid="no-faults">
        {t('none')}
      </p>
    );
  }
  return (
    <ul className="divide-y divide-gray-100 rounded-2xl border border-gray-200/70 bg-white shadow-sm">
      {faults.map((f) => {
        const scopeText =
          f.scope === 'GLOBAL' ? t('global') : `${holders.get(f.scope) ?? ''} ${groupAccountNumber(f.scope)}`.trim();
        return (
          <li
            key={f.scope}
            className="flex items-center justify-between gap-3 px-4 py-3"
            data-testid="fault-row"
            data-scope={f.scope}
          >
            <div className="min-w-0">
              <p className="font-semibold text-gray-900">
                <span className="mr-2 inline-flex items-center rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">
                  {f.mode}
                </span>
                {t(`modes.${f.mode}`)}
              </p>
              <p className="text-sm text-gray-600">
                {scopeText}
                {' · '}
                {f.timesRemaining === null ? t('untilCleared') : t('timesLeft', { count: f.timesRemaining })}
                {f.delaySeconds !== null ? ` · ${t('delay', { seconds: f.delaySeconds })}` : ''}
              </p>
            </div>
            <form action={clearFaultAction} className="shrink-0">
              <input type="hidden" name="scope" value={f.scope} />
              <BankButton
                type="submit"
                variant="secondary"
                size="sm"
                aria-label={t('clearLabel', { scope: scopeText })}
              >
                {t('clear')}
              </BankButton>
            </form>
          </li>
        );
      })}
    </ul>
  );
}
