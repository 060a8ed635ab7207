import { getLocale, getTranslations } from 'next-intl/server';
import { maskAccountNumber } from '../accounts/mask-account-number';
import type { AccountMovement } from '../accounts/read-accounts';
import { cn } from './cn';
import { bankMoney, formatShanghaiDateTime } from './format';

/** DEBIT_IN / PAYOUT_OUT…: a movement's kind as seen from this account's side. */
function kindKey(m: AccountMovement): string {
  if (m.kind === 'DEPOSIT') return 'DEPOSIT';
  return `${m.kind}_${m.amount > 0n ? 'IN' : 'OUT'}`;
}

/** Movements as rows: what happened, with whom, when, the bank reference, the signed amount. */
export async function MovementList({ movements, emptyText }: { movements: AccountMovement[]; emptyText: string }) {
  const t = await getTranslations('sandboxBank.account');
  const locale = await getLocale();
  if (movements.length === 0)
    return (
      <p className="rounded-2xl border border-dashed border-gray-300 p-6 text-center text-gray-600">{emptyText}</p>
    );
  return (
    <ul
      className="divide-y divide-gray-100 rounded-2xl border border-gray-200/70 bg-white shadow-sm"
      data-testid="movement-list"
    >
      {movements.map((m) => (
        <li
          key={m.id.toString()}
          data-testid="movement-row"
          data-bank-reference={m.bankReference}
          className="flex items-start justify-between gap-3 px-4 py-3"
        >
          <div className="min-w-0">
            <p className="font-semibold text-gray-900">{t(`movementKind.${kindKey(m)}`)}</p>
            <p className="text-sm text-gray-700">
              <span className="sr-only">{t('counterparty')}: </span>
              {m.counterpartyAccount
                ? `${m.counterpartyName ?? ''} ${maskAccountNumber(m.counterpartyAccount)}`.trim()
                : t('counterCash')}
            </p>
            <p className="text-sm text-gray-600">
              <time dateTime={m.bookedAt.toISOString()} className="tabular" data-testid="movement-time">
                {formatShanghaiDateTime(m.bookedAt)}
              </time>
            </p>
            <p className="font-mono text-xs break-all text-gray-600">
              <span className="sr-only">{t('bankReference')}: </span>
              <span data-testid="movement-bank-reference">{m.bankReference}</span>
            </p>
            {m.reference ? (
              <p className="font-mono text-xs break-all text-gray-600">
                <span className="sr-only">{t('reference')}: </span>
                {m.reference}
              </p>
            ) : null}
          </div>
          <div className="shrink-0 text-right">
            <p
              className={cn('tabular font-semibold', m.amount > 0n ? 'text-income' : 'text-gray-900')}
              data-testid="movement-amount"
            >
              {bankMoney(m.amount, locale, true)}
            </p>
            <p className="tabular text-xs text-gray-600">
              {t('balanceAfter')} {bankMoney(m.balanceAfter, locale)}
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
