// What the hosted checkout shows about an order (docs/design.md, "The payment flow", step 2). Anyone with the link
// sees the shop, subject, amount and time left (the order id is the secret the merchant
// hands out); only a signed-in viewer gets their balance and bank accounts, and only the
// payer sees the payment and the shipment. Time left is measured on the database clock,
// the one that decides whether the order can still be paid. A frozen merchant's open order
// reads MERCHANT_PAUSED: the page says why instead of offering to pay.
import 'server-only';
import { AccountNotFoundError, DEFAULT_CURRENCY, isCurrency, userWalletCode, type Currency } from '@/ledger';
import type { Db } from '../db';
import type { OrderStatus } from '../generated/prisma/enums';
import { getBalance } from '../stored-ledger';
import { isUuid } from '../../lib/ids/is-uuid';
import { listBankAccounts, type LinkedBankAccount } from '../wallet/bank-accounts/manage-bank-accounts';
import { NotFoundError } from '../core/domain-errors';
import { checkoutState, type CheckoutState } from './checkout-state';
import { merchantBackUrl, safeReturnUrl } from './safe-return-url';

export type CheckoutOrder = {
  id: string;
  merchantOrderNo: string;
  shopName: string;
  subject: string;
  amount: bigint;
  currency: Currency;
  status: OrderStatus;
  expiresAt: Date;
  /** Only an http(s) URL, else null. */
  returnUrl: string | null;
  /** The checkout's way back to the shop before paying: return_url, else the merchant's site. */
  backUrl: string | null;
};

export type CheckoutViewer = {
  available: bigint;
  bankAccounts: LinkedBankAccount[];
  frozen: boolean;
  /** The merchant's own user: it cannot pay its own order. */
  ownOrder: boolean;
  /** Set when this viewer paid the order: the payment, and the shipment if any. */
  payment: {
    operationId: string;
    paidAt: Date | null;
    shipment: { carrier: string; trackingNumber: string; shippedAt: Date } | null;
  } | null;
  /** This viewer's online-banking payment of the order still waiting for the bank. */
  pendingOperationId: string | null;
};

/** MERCHANT_PAUSED: a payable order whose merchant is frozen (the pay actions refuse it too). */
export type CheckoutViewState = CheckoutState | 'MERCHANT_PAUSED';

export type CheckoutView = {
  order: CheckoutOrder;
  state: CheckoutViewState;
  /** Milliseconds left to pay, by the database clock (0 once expired). */
  remainingMs: number;
  viewer: CheckoutViewer | null;
};

export async function getCheckoutViewOrThrow(db: Db, orderId: string, viewerId: string | null): Promise<CheckoutView> {
  if (!isUuid(orderId)) throw new NotFoundError('Order');
  const [order, [clock]] = await Promise.all([
    db.order.findUnique({
      where: { id: orderId },
      include: { merchant: { select: { shopName: true, userId: true, user: { select: { frozenAt: true } } } } },
    }),
    db.$queryRaw<{ now: Date }[]>`SELECT now() AS now`,
  ]);
  if (!order) throw new NotFoundError('Order');
  const now = clock?.now ?? new Date();
  const byStatus = checkoutState(order.status, order.expiresAt, now);
  const state: CheckoutViewState =
    byStatus === 'PAYABLE' && order.merchant.user.frozenAt ? 'MERCHANT_PAUSED' : byStatus;
  const view: CheckoutView = {
    order: {
      id: order.id,
      merchantOrderNo: order.merchantOrderNo,
      shopName: order.merchant.shopName,
      subject: order.subject,
      amount: order.amount,
      currency: isCurrency(order.currency) ? order.currency : DEFAULT_CURRENCY,
      status: order.status,
      expiresAt: order.expiresAt,
      returnUrl: safeReturnUrl(order.returnUrl),
      backUrl: merchantBackUrl(order.returnUrl, order.notifyUrl),
    },
    state,
    remainingMs: state === 'PAYABLE' ? Math.max(0, order.expiresAt.getTime() - now.getTime()) : 0,
    viewer: null,
  };
  if (viewerId === null) return view;

  const [available, bankAccounts, user, pending] = await Promise.all([
    availableBalance(db, viewerId, view.order.currency),
    listBankAccounts(db, viewerId),
    db.user.findUnique({ where: { id: viewerId }, select: { frozenAt: true } }),
    db.walletOperation.findFirst({
      where: { userId: viewerId, orderId: order.id, kind: 'PAYMENT', status: 'PENDING' },
      orderBy: { createdAt: 'desc' },
      select: { id: true },
    }),
  ]);
  const isPayer = order.payerUserId === viewerId && order.paymentOperationId !== null;
  view.viewer = {
    available,
    bankAccounts,
    frozen: Boolean(user?.frozenAt),
    ownOrder: order.merchant.userId === viewerId,
    payment: isPayer
      ? {
          operationId: order.paymentOperationId!,
          paidAt: order.paidAt,
          shipment:
            order.shippedAt && order.carrier && order.trackingNumber
              ? { carrier: order.carrier, trackingNumber: order.trackingNumber, shippedAt: order.shippedAt }
              : null,
        }
      : null,
    pendingOperationId: pending?.id ?? null,
  };
  return view;
}

async function availableBalance(db: Db, userId: string, currency: Currency): Promise<bigint> {
  try {
    return (await getBalance(db, userWalletCode(userId), currency)).available;
  } catch (error) {
    // No wallet account in this currency yet: nothing was ever posted, a true zero.
    if (error instanceof AccountNotFoundError) return 0n;
    throw error;
  }
}
