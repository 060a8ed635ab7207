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

/** Money out with a fee on top: with the fee known, the sentence shows what left the balance. */
const WITH_FEE = { WITHDRAWAL_PAID: 1, WITHDRAWAL_FAILED: 1, PAYOUT_PAID: 1, PAYOUT_FAILED: 1 } as const;
type WithFeeKind = `${keyof typeof WITH_FEE}_WITH_FEE`;

/** A debit the customer cancelled at the bank, or never authorised in time, did not fail: 已取消 / 已关闭. */
const ENDED_QUIETLY = { TOP_UP_FAILED: 'TOP_UP', PAYMENT_FAILED: 'PAYMENT' } as const;
type EndedQuietlyKind = `${(typeof ENDED_QUIETLY)[keyof typeof ENDED_QUIETLY]}_${'CANCELLED' | 'CLOSED'}`;

function quietKey(kind: KnownNotificationKind, reason: string | null): EndedQuietlyKind | null {
  if (!(kind in ENDED_QUIETLY)) return null;
  const base = ENDED_QUIETLY[kind as keyof typeof ENDED_QUIETLY];
  if (reason === 'CANCELLED') return `${base}_CANCELLED`;
  if (reason === 'EXPIRED') return `${base}_CLOSED`;
  return null;
}

export type NotificationMessage =
  | {
      key: KnownNotificationKind | WithFeeKind | EndedQuietlyKind;
      amount: string;
      /** The fee and amount + fee, when the server wrote a fee (older messages have none). */
      fee: string | null;
      total: string | null;
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
  const feeText = text(params, 'fee');
  const fee = known in WITH_FEE && feeText && /^\d{1,16}$/.test(feeText) ? BigInt(feeText) : 0n;
  const money = (amount: bigint) => formatMoney({ amount, currency }, locale);
  const reason = text(params, 'reason');
  return {
    key: quietKey(known, reason) ?? (fee > 0n ? (`${known}_WITH_FEE` as WithFeeKind) : known),
    amount: money(BigInt(minor)),
    fee: fee > 0n ? money(fee) : null,
    total: fee > 0n ? money(BigInt(minor) + fee) : null,
    // Names of other people are masked everywhere, here as in the activity list.
    from: maskName(text(params, 'from') ?? '') || '—',
    to: maskName(text(params, 'to') ?? '') || '—',
    reason,
    shop,
    subject,
  };
}
