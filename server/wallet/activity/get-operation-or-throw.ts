// One operation with its timeline, for its owner or (a received transfer) its receiver;
// anyone else gets NotFoundError, as for an id that does not exist.
import 'server-only';
import type { Db } from '../../db';
import { isUuid } from '../bank-accounts/find-bank-account-or-throw';
import { NotFoundError } from '../../core/domain-errors';
import { maskEmail } from '../../../lib/text/mask';
import { counterpartyNames, visibleTo } from './list-activity';
import { OPERATION_PARTIES_INCLUDE, toOperationView, type OperationView, type TimelineEvent } from './operation-view';

export type OperationDetail = OperationView & {
  timeline: TimelineEvent[];
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
  return { ...view, timeline: op.events, counterpartyContact: await transferContact(db, view, op) };
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
