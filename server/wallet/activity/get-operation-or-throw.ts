// One operation with its timeline, for its owner or (a received transfer) its receiver;
// anyone else gets NotFoundError, as for an id that does not exist.
import 'server-only';
import type { Db } from '../../db';
import { isUuid } from '../../../lib/ids/is-uuid';
import { NotFoundError } from '../../core/domain-errors';
import { maskEmail } from '../../../lib/text/mask';
import { counterpartyNames, visibleTo } from './list-activity';
import { OPERATION_PARTIES_INCLUDE, toOperationView, type OperationView, type TimelineEvent } from './operation-view';

/** A refund of a payment, or the payment a refund gave back, as a link on the detail page. */
export type LinkedOperation = { id: string; amount: bigint; createdAt: Date };

export type OperationDetail = OperationView & {
  timeline: TimelineEvent[];
  /** PAYMENT that paid its order: the shop's refunds of it, oldest first. */
  refunds: LinkedOperation[];
  /** REFUND: the payment it gave money back for. */
  refundedPayment: LinkedOperation | null;
  /** A transfer's other person's masked email ("l***@example.com"): which 四 it was. */
  counterpartyContact: string | null;
};

export async function getOperationOrThrow(db: Db, viewerId: string, id: string): Promise<OperationDetail> {
  const op = isUuid(id)
    ? await db.walletOperation.findFirst({
        where: { AND: [{ id }, visibleTo(viewerId)] },
        include: {
          ...OPERATION_PARTIES_INCLUDE,
          events: {
            orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
            select: { type: true, createdAt: true, detail: true },
          },
        },
      })
    : null;
  if (!op) throw new NotFoundError('Operation');
  const names = await counterpartyNames(db, [op.counterpartyUserId]);
  const view = toOperationView(op, viewerId, op.counterpartyUserId ? (names.get(op.counterpartyUserId) ?? null) : null);
  return {
    ...view,
    timeline: op.events,
    ...(await linkedOperations(db, viewerId, view, op.orderId)),
    counterpartyContact: await transferContact(db, view, op),
  };
}

// Refunds go to the customer who paid the order (refund-order.ts), so both sides are the viewer's own.
async function linkedOperations(
  db: Db,
  viewerId: string,
  view: OperationView,
  orderId: string | null,
): Promise<Pick<OperationDetail, 'refunds' | 'refundedPayment'>> {
  const none = { refunds: [], refundedPayment: null };
  if (!orderId || (view.kind !== 'PAYMENT' && view.kind !== 'REFUND')) return none;
  const select = { id: true, amount: true, createdAt: true } as const;
  if (view.kind === 'PAYMENT') {
    if (view.refundedAmount === 0n) return none;
    const refunds = await db.walletOperation.findMany({
      where: { orderId, userId: viewerId, kind: 'REFUND', status: 'SUCCEEDED' },
      select,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    return { refunds, refundedPayment: null };
  }
  const order = await db.order.findUnique({ where: { id: orderId }, select: { paymentOperationId: true } });
  const payment = order?.paymentOperationId
    ? await db.walletOperation.findFirst({ where: { id: order.paymentOperationId, userId: viewerId }, select })
    : null;
  return { refunds: [], refundedPayment: payment };
}

/** The masked email of the transfer's other person (the sender for a receiver, and the other way). */
async function transferContact(
  db: Db,
  view: OperationView,
  op: { userId: string; counterpartyUserId: string | null },
): Promise<string | null> {
  const otherId = view.kind === 'TRANSFER_IN' ? op.userId : view.kind === 'TRANSFER_OUT' ? op.counterpartyUserId : null;
  if (!otherId) return null;
  const other = await db.user.findUnique({ where: { id: otherId }, select: { email: true } });
  return other ? maskEmail(other.email) : null;
}
