// One operation with its timeline, for its owner or (a received transfer) its receiver;
// anyone else gets NotFoundError, as for an id that does not exist.
import 'server-only';
import type { Db } from '../../db';
import { isUuid } from '../../../lib/ids/is-uuid';
import { NotFoundError } from '../../core/domain-errors';
import { counterpartyNames, visibleTo } from './list-activity';
import { OPERATION_PARTIES_INCLUDE, toOperationView, type OperationView, type TimelineEvent } from './operation-view';

export type OperationDetail = OperationView & { timeline: TimelineEvent[] };

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
  return { ...view, timeline: op.events };
}
