// The latest notifications the store received (the owner page's log).
import 'server-only';
import type { Queryable } from '../db/pool';
import type { NotificationOutcome } from './receive-notification';

export type StoreNotification = {
  id: string;
  eventId: string | null;
  type: string | null;
  verified: boolean;
  outcome: NotificationOutcome | 'REFUSED';
  orderNo: string | null;
  receivedAt: Date;
};

export async function listStoreNotifications(q: Queryable, limit = 20): Promise<StoreNotification[]> {
  const { rows } = await q.query(
    `SELECT id, event_id, type, verified, outcome, order_no, received_at FROM demo_store.notifications ORDER BY received_at DESC, id DESC LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({
    id: r.id,
    eventId: r.event_id,
    type: r.type,
    verified: r.verified,
    outcome: r.outcome,
    orderNo: r.order_no,
    receivedAt: r.received_at,
  }));
}
