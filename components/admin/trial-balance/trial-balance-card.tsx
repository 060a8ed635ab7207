import { CheckCircle2, ChevronDown, ChevronUp, XCircle } from 'lucide-react';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { Fragment } from 'react';
import type { Currency } from '@/ledger';
import { Amount } from '@/components/money/amount';
import { Badge } from '@/components/admin/badge';
import { Card } from '@/components/ui/card';
import type {
  CurrencyTrialBalance,
  LargestAccount,
  TrialBalanceGroup,
  TrialBalanceLine,
} from '@/server/admin/trial-balance/get-trial-balance';
import { TableAmount } from './table-amount';

const GROUPS: TrialBalanceGroup[] = ['ASSETS', 'USER_LIABILITIES', 'MERCHANT_LIABILITIES', 'REVENUE', 'SUSPENSE'];
const GROUPED_KINDS = new Set(['USER_WALLET', 'MERCHANT_BALANCE']);

type Props = { tb: CurrencyTrialBalance; drill: string | null; largest: LargestAccount[] | null };

/** One currency's trial balance: debit and credit columns per account line, totals, and the equation. */
export function TrialBalanceCard({ tb, drill, largest }: Props) {
  const t = useTranslations('adminTrialBalance');
  const currency = tb.currency as Currency;
  return (
    <Card className="p-4 md:p-5" data-testid="trial-balance" data-currency={tb.currency} data-balanced={tb.balanced}>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 className="font-semibold text-gray-900">{t('currency', { currency: tb.currency })}</h2>
        {tb.balanced ? (
          <Badge tone="green" icon={CheckCircle2} data-testid="trial-balance-status">
            {t('balanced')}
          </Badge>
        ) : (
          <Badge tone="red" icon={XCircle} data-testid="trial-balance-status">
            {t('unbalanced')}
          </Badge>
        )}
      </div>
      <div className="-mx-4 overflow-x-auto md:mx-0">
        <table className="w-full min-w-[20rem] text-sm">
          <thead>
            <tr className="border-b border-gray-200 text-left text-gray-500">
              <th scope="col" className="py-2 pr-2 pl-4 font-normal md:pl-0">
                {t('account')}
              </th>
              <th scope="col" className="py-2 px-2 text-right font-normal">
                {t('debit')}
              </th>
              <th scope="col" className="py-2 pr-4 pl-2 text-right font-normal md:pr-0">
                {t('credit')}
              </th>
            </tr>
          </thead>
          <tbody>
            {GROUPS.map((group) => {
              const lines = tb.lines.filter((l) => l.group === group);
              if (lines.length === 0) return null;
              return (
                <Fragment key={group}>
                  <tr>
                    <th
                      scope="rowgroup"
                      colSpan={3}
                      className="pt-3 pb-1 pl-4 text-left text-xs font-semibold tracking-wide text-gray-500 md:pl-0"
                    >
                      {t(`groups.${group}`)}
                    </th>
                  </tr>
                  {lines.map((line) => (
                    <LineRow
                      key={line.kind}
                      line={line}
                      currency={currency}
                      drill={drill}
                      largest={line.kind === drill ? largest : null}
                    />
                  ))}
                </Fragment>
              );
            })}
          </tbody>
          <tfoot>
            <tr className="border-t-2 border-gray-300 font-semibold text-gray-900">
              <th scope="row" className="py-2 pr-2 pl-4 text-left md:pl-0">
                {t('total')}
              </th>
              <td className="py-2 px-2 text-right">
                <TableAmount amount={tb.totalDebit} currency={currency} testId="total-debit" />
              </td>
              <td className="py-2 pr-4 pl-2 text-right md:pr-0">
                <TableAmount amount={tb.totalCredit} currency={currency} testId="total-credit" />
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <div className="mt-4 rounded-xl bg-gray-50 p-3 text-sm" data-testid="trial-balance-equation">
        <p className="mb-1 font-semibold text-gray-700">{t('equationTitle')}</p>
        <p className="flex flex-wrap items-baseline gap-x-2 gap-y-1 text-gray-700">
          <span>
            {t('assets')} <Amount amount={tb.assets} currency={currency} className="font-semibold text-gray-900" />
          </span>
          <span aria-hidden>=</span>
          <span>
            {t('userLiabilities')} <Amount amount={tb.userLiabilities} currency={currency} />
          </span>
          <span aria-hidden>+</span>
          <span>
            {t('merchantLiabilities')} <Amount amount={tb.merchantLiabilities} currency={currency} />
          </span>
          <span aria-hidden>+</span>
          <span>
            {t('revenue')} <Amount amount={tb.revenue} currency={currency} />
          </span>
          <span aria-hidden>+</span>
          <span>
            {t('suspense')} <Amount amount={tb.suspense} currency={currency} />
          </span>
        </p>
      </div>
    </Card>
  );
}

function LineRow({
  line,
  currency,
  drill,
  largest,
}: {
  line: TrialBalanceLine;
  currency: Currency;
  drill: string | null;
  largest: LargestAccount[] | null;
}) {
  const t = useTranslations('adminTrialBalance');
  const grouped = GROUPED_KINDS.has(line.kind);
  const open = grouped && drill === line.kind;
  return (
    <>
      <tr className="border-b border-gray-100 align-top" data-testid="trial-balance-line" data-kind={line.kind}>
        <td className="py-2 pr-2 pl-4 md:pl-0">
          <div className="text-gray-900">{t(`kinds.${line.kind}`)}</div>
          {grouped && (
            <div className="text-xs text-gray-500">
              {t('countLine', { count: line.accounts, nonZero: line.nonZero })}
              {line.pendingDebits > 0n && (
                <>
                  {' · '}
                  {t('onHold')}
                  <Amount amount={line.pendingDebits} currency={currency} />
                </>
              )}
            </div>
          )}
          {grouped && (
            <Link
              href={open ? `/admin/trial-balance` : `/admin/trial-balance?largest=${line.kind}&currency=${currency}`}
              className="mt-1 inline-flex min-h-8 items-center gap-1 text-xs font-semibold text-brand-700 hover:underline"
              scroll={false}
            >
              {open ? <ChevronUp aria-hidden className="size-3.5" /> : <ChevronDown aria-hidden className="size-3.5" />}
              {open ? t('hideLargest') : t('showLargest')}
            </Link>
          )}
        </td>
        <td className="py-2 px-2 text-right">
          <TableAmount amount={line.debit} currency={currency} />
        </td>
        <td className="py-2 pr-4 pl-2 text-right md:pr-0">
          <TableAmount amount={line.credit} currency={currency} />
        </td>
      </tr>
      {open && largest && (
        <tr>
          <td colSpan={3} className="px-4 pb-3 md:px-0">
            <div className="rounded-xl border border-gray-100 bg-gray-50 p-3" data-testid="largest-accounts">
              <p className="mb-2 text-xs font-semibold text-gray-600">
                {t('largestTitle', { kind: t(`kinds.${line.kind}`), count: largest.length })}
              </p>
              <ol className="flex flex-col divide-y divide-gray-100">
                {largest.map((a) => (
                  <li key={a.code} className="flex items-baseline justify-between gap-3 py-1.5">
                    <span className="min-w-0 truncate text-gray-800" title={a.code}>
                      {a.ownerName ?? t('noOwner')}
                    </span>
                    <Amount
                      amount={a.balance}
                      currency={currency}
                      className={a.balance < 0n ? 'text-danger font-semibold' : ''}
                    />
                  </li>
                ))}
              </ol>
            </div>
          </td>
        </tr>
      )}
    </>
  );
}
