// What the admin home shows next to each section: what waits for an admin.
import 'server-only';
import { DEFAULT_CURRENCY, type Currency } from '@/ledger';
import type { Db } from '../db';
import { getFeeRevenueByDay } from './revenue/get-fee-revenue-by-day';
import { requireAdminOrThrow } from './require-admin-or-throw';

export type AdminOverview = {
  pendingMerchants: number;
  failedWebhooks: number;
  frozenUsers: number;
  revenue30Days: bigint;
  currency: Currency;
};

export async function getAdminOverview(db: Db, actorId: string): Promise<AdminOverview> {
  await requireAdminOrThrow(db, actorId);
  const [pendingMerchants, failedWebhooks, frozenUsers, revenue] = await Promise.all([
    db.merchant.count({ where: { status: 'PENDING' } }),
    db.webhookEvent.count({ where: { status: 'FAILED' } }),
    db.user.count({ where: { frozenAt: { not: null } } }),
    getFeeRevenueByDay(db, actorId, { days: 30 }),
  ]);
  return { pendingMerchants, failedWebhooks, frozenUsers, revenue30Days: revenue.total, currency: DEFAULT_CURRENCY };
}
