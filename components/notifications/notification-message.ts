// Which translated sentence a notification reads as, and with what values. The params were
// written by the server in the same transaction as the change (amounts as minor-unit
// strings); anything missing or odd falls back to a generic sentence instead of failing.
import { DEFAULT_CURRENCY, formatMoney, isCurrency, type MoneyLocale } from '@/ledger';
import { maskName } from '@/server/wallet/mask';

export const NOTIFICATION_KINDS = ['TOP_UP_CREDITED', 'TOP_UP_FAILED', 'WITHDRAWAL_PAID', 'WITHDRAWAL_FAILED', 'TRANSFER_RECEIVED'] as const;
export type KnownNotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type NotificationMessage =
  | { key: KnownNotificationKind; amount: string; from: string; reason: string | null }
  | { key: 'UNKNOWN' };

function text(params: unknown, name: string): string | null {
  if (typeof params !== 'object' || params === null) return null;
  const value = (params as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : null;
}

export function notificationMessage(kind: string, params: unknown, locale: MoneyLocale): NotificationMessage {
  const known = NOTIFICATION_KINDS.find((k) => k === kind);
  const minor = text(params, 'amount');
  if (!known || !minor || !/^\d{1,16}$/.test(minor)) return { key: 'UNKNOWN' };
  const currency = text(params, 'currency') ?? DEFAULT_CURRENCY;
  if (!isCurrency(currency)) return { key: 'UNKNOWN' };
  return {
    key: known,
    amount: formatMoney({ amount: BigInt(minor), currency }, locale),
    // Names of other people are masked everywhere, here as in the activity list.
    from: maskName(text(params, 'from') ?? '') || '—',
    reason: text(params, 'reason'),
  };
}
