// Stored API answers are kept for 24 hours, as Stripe does: long enough for any retry of a
// timed-out request, short enough that the table stays small. A retry after that runs again,
// which is safe because every POST is idempotent in the domain too (merchant_order_no is
// unique, refunds keep their key forever, close and shipment are state checks).
import 'server-only';
import type { Db } from '../db';

export const IDEMPOTENCY_KEY_RETENTION_HOURS = 24;

/** Deletes stored answers (and abandoned claims) older than the retention; returns how many. */
export async function purgeIdempotencyKeys(db: Db, olderThanHours = IDEMPOTENCY_KEY_RETENTION_HOURS): Promise<number> {
  return db.$executeRaw`
    DELETE FROM api_idempotency_keys WHERE created_at < now() - make_interval(hours => ${olderThanHours})`;
}
