import { useTranslations } from 'next-intl';
import { formatMoney, isCurrency, type MoneyLocale } from '@/ledger';
import type { ReceiptDocument } from '@/lib/receipts/receipt-document';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** What a verified receipt says, as a list of label and value (times in Beijing time). */
export function ReceiptContent({ receipt: r, locale }: { receipt: ReceiptDocument; locale: MoneyLocale }) {
  const t = useTranslations('receipts.document');
  const money = (amount: string) =>
    isCurrency(r.currency)
      ? formatMoney({ amount: BigInt(amount), currency: r.currency }, locale)
      : `${amount} ${r.currency}`;
  const time = (iso: string) =>
    `${new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ')} (UTC+8)`;
  const rows: [string, string | null][] = [
    [t('receiptNo'), r.receiptNo],
    [t('type'), `${t(`types.${r.type}`)} · ${t(`holders.${r.holder.kind}`)}`],
    [t('amount'), money(r.amount)],
    [t('fee'), money(r.fee)],
    [t('net'), `${r.direction === 'CREDIT' ? t('credit') : t('debit')} ${money(r.net)}`],
    [t('balanceAfter'), r.balanceAfter === null ? null : money(r.balanceAfter)],
    [t('holder'), [r.holder.name, r.holder.account].filter(Boolean).join(' · ')],
    [t('counterparty'), r.counterparty && [r.counterparty.name, r.counterparty.account].filter(Boolean).join(' · ')],
    [t('order'), r.order?.merchantOrderNo ?? null],
    [t('subject'), r.order?.subject ?? null],
    [t('memo'), r.memo || null],
    [t('createdAt'), time(r.createdAt)],
    [t('completedAt'), time(r.completedAt)],
    [t('operationId'), r.operationId],
    [t('ledgerEntryId'), r.ledgerEntryId],
    [t('bankReference'), r.bankReference],
  ];
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1.5 text-sm" data-testid="verified-receipt">
      {rows
        .filter((row): row is [string, string] => row[1] !== null && row[1] !== '')
        .map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-gray-600">{label}</dt>
            <dd className="break-all text-gray-900 tabular">{value}</dd>
          </div>
        ))}
    </dl>
  );
}
