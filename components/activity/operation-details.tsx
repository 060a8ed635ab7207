import { useLocale, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { formatMoney, type Currency } from '@/ledger';
import type { OperationView } from '@/server/wallet/activity/operation-view';
import { CopyButton } from './copy-button';
import { formatShanghaiSecond } from './shanghai-time';
import { useFailureReasonText } from './use-failure-reason-text';

type Row = { key: string; label: string; value: ReactNode; copy?: string };

/** Key–value list of an operation; references can be copied (support asks for them). */
export function OperationDetails({
  operation,
}: {
  /** counterpartyContact: a transfer's other person's masked email, shown after the masked name. */
  operation: OperationView & { counterpartyContact?: string | null };
}) {
  const t = useTranslations('operation');
  const tActivity = useTranslations('activity');
  const reasonText = useFailureReasonText();
  const locale = useLocale() === 'en' ? 'en' : 'zh-CN';
  const currency = operation.currency as Currency;
  const money = (amount: bigint) => <span className="tabular">{formatMoney({ amount, currency }, locale)}</span>;
  const size = operation.amount < 0n ? -operation.amount : operation.amount;
  const mono = (text: string) => <span className="font-mono text-sm break-all">{text}</span>;

  const rows: (Row | false)[] = [
    { key: 'type', label: t('fields.type'), value: tActivity(`kinds.${operation.kind}`) },
    operation.counterparty !== null && {
      key: 'counterparty',
      label: t(`counterparty.${operation.kind}`),
      // "*四 (l***@example.com)": which 四, without giving away a name or an address.
      value: operation.counterpartyContact
        ? `${operation.counterparty} (${operation.counterpartyContact})`
        : operation.counterparty,
    },
    operation.paymentMethod !== null && {
      key: 'paymentMethod',
      label: t('fields.paymentMethod'),
      value:
        operation.paymentMethod === 'BANK'
          ? (operation.bankAccount ?? t('paymentMethods.BANK'))
          : t('paymentMethods.BALANCE'),
    },
    {
      key: 'amount',
      // Money out with a fee on top: the amount is what arrives, the total what the balance gave.
      label: operation.fee > 0n && operation.amount < 0n ? t('fields.received') : t('fields.amount'),
      value: money(size),
    },
    operation.kind !== 'TRANSFER_IN' && { key: 'fee', label: t('fields.fee'), value: money(operation.fee) },
    operation.fee > 0n && { key: 'total', label: t('fields.total'), value: money(size + operation.fee) },
    // User text: React escapes it; long words wrap instead of widening the page.
    operation.memo !== null &&
      operation.memo !== '' && {
        key: 'memo',
        label: t('fields.memo'),
        value: <span className="break-words whitespace-pre-wrap">{operation.memo}</span>,
      },
    operation.status === 'FAILED' && {
      key: 'failureReason',
      // Cancelled or closed is not a failure: it gets a plain note, not a "reason".
      label: operation.outcome === 'FAILED' ? t('fields.failureReason') : t('fields.closedReason'),
      value: reasonText(operation.failureReason),
    },
    {
      key: 'createdAt',
      label: t('fields.createdAt'),
      value: <span className="tabular">{formatShanghaiSecond(operation.createdAt)}</span>,
    },
    operation.completedAt !== null && {
      key: 'completedAt',
      label: t('fields.completedAt'),
      value: <span className="tabular">{formatShanghaiSecond(operation.completedAt)}</span>,
    },
    { key: 'operationId', label: t('fields.operationId'), value: mono(operation.id), copy: operation.id },
    operation.bankReference !== null && {
      key: 'bankReference',
      label: t('fields.bankReference'),
      value: mono(operation.bankReference),
      copy: operation.bankReference,
    },
    operation.ledgerEntryId !== null && {
      key: 'ledgerReference',
      label: t('fields.ledgerReference'),
      value: mono(operation.ledgerEntryId),
      copy: operation.ledgerEntryId,
    },
  ];

  return (
    <dl className="divide-y divide-gray-100" data-testid="operation-details">
      {rows
        .filter((row): row is Row => row !== false)
        .map((row) => (
          <div
            key={row.key}
            className="flex min-h-11 items-baseline justify-between gap-4 py-2.5"
            data-testid={`detail-${row.key}`}
          >
            <dt className="shrink-0 text-gray-500">{row.label}</dt>
            {/* Baselines aligned: the label sits on the same line as its value, whatever its size. */}
            <dd className="flex min-w-0 items-baseline justify-end gap-1 text-right text-gray-900">
              <span className="min-w-0">{row.value}</span>
              {row.copy && <CopyButton value={row.copy} label={row.label} />}
            </dd>
          </div>
        ))}
    </dl>
  );
}
