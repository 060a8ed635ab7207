// Which translated sentence a notification reads as, and with what values. The params were
// written by the server in the same transaction as the change (amounts as minor-unit
// strings); anything missing or odd falls back to a generic sentence instead of failing.
import { DEFAULT_CURRENCY, formatMoney, isCurrency, type MoneyLocale } from '@/ledger';
import { maskName } from '@/lib/text/mask';

/** Kinds whose sentence has an amount. */
export const NOTIFICATION_KINDS = [
  'TOP_UP_CREDITED',
  'TOP_UP_FAILED',
  'WITHDRAWAL_PAID',
  'WITHDRAWAL_FAILED',
  'TRANSFER_RECEIVED',
  'TRANSFER_SENT',
  'PAYMENT_SUCCEEDED',
  'PAYMENT_FAILED',
  'PAYMENT_CREDITED_TO_BALANCE',
  'REFUND_RECEIVED',
  'PAYOUT_PAID',
  'PAYOUT_FAILED',
] as const;
export type KnownNotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type NotificationMessage =
  | {
      key: KnownNotificationKind;
      amount: string;
      from: string;
      /** TRANSFER_SENT: whom the sender paid, masked. */
      to: string;
      reason: string | null;
      shop: string;
      subject: string;
    }
  /** The merchant shipped: no amount, the parcel instead. */
  | { key: 'ORDER_SHIPPED'; shop: string; subject: string; carrier: string; trackingNumber: string }
  | { key: 'UNKNOWN' };

function text(params: unknown, name: string): string | null {
  if (typeof params !== 'object' || params === null) return null;
  const value = (params as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : null;
}

export function notificationMessage(kind: string, params: unknown, locale: MoneyLocale): NotificationMessage {
  // Shop names and subjects are the merchant's text (React escapes them); missing ones read as a dash.
  const shop = text(params, 'shop') || '—';
  const subject = text(params, 'subject') || '—';
  if (kind === 'ORDER_SHIPPED') {
    const carrier = text(params, 'carrier');
    const trackingNumber = text(params, 'trackingNumber');
    if (!carrier || !trackingNumber) return { key: 'UNKNOWN' };
    return { key: 'ORDER_SHIPPED', shop, subject, carrier, trackingNumber };
  }
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
    to: maskName(text(params, 'to') ?? '') || '—',
    reason: text(params, 'reason'),
    shop,
    subject,
  };
}
