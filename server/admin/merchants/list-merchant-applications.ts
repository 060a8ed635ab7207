// Merchant applications for the admin: pending ones first (oldest waiting first), then the
// decided ones, newest decision first.
import 'server-only';
import type { Db } from '../../db';
import type { MerchantStatus, Role } from '../../generated/prisma/enums';
import { paged, PAGE_SIZE, type Paged } from '../admin-input';
import { requireAdminOrThrow } from '../require-admin-or-throw';

export type MerchantStatusFilter = MerchantStatus | 'ALL';

export type MerchantApplicationRow = {
  id: string;
  shopName: string;
  status: MerchantStatus;
  createdAt: Date;
  decidedAt: Date | null;
  user: { id: string; email: string; displayName: string; role: Role; frozenAt: Date | null };
};

export async function listMerchantApplications(
  db: Db,
  actorId: string,
  query: { status: MerchantStatusFilter; page: number },
): Promise<Paged<MerchantApplicationRow> & { pendingCount: number }> {
  await requireAdminOrThrow(db, actorId);
  const where = query.status === 'ALL' ? {} : { status: query.status };
  const [total, pendingCount, rows] = await Promise.all([
    db.merchant.count({ where }),
    db.merchant.count({ where: { status: 'PENDING' } }),
    db.merchant.findMany({
      where,
      // PostgreSQL sorts an enum in declaration order: PENDING, APPROVED, REJECTED.
      orderBy: [
        { status: 'asc' },
        { decidedAt: { sort: 'desc', nulls: 'first' } },
        { createdAt: 'asc' },
        { id: 'asc' },
      ],
      skip: (query.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        shopName: true,
        status: true,
        createdAt: true,
        decidedAt: true,
        user: { select: { id: true, email: true, displayName: true, role: true, frozenAt: true } },
      },
    }),
  ]);
  return { ...paged(rows, total, query.page), pendingCount };
}
