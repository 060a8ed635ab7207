// The admin's user search: by email or name (case-insensitive, part of either), or by id.
import 'server-only';
import type { Role } from '../../generated/prisma/enums';
import type { Db } from '../../db';
import { isUuid, paged, PAGE_SIZE, type Paged } from '../admin-input';
import { requireAdminOrThrow } from '../require-admin-or-throw';

export type UserRow = {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  frozenAt: Date | null;
  createdAt: Date;
  merchantStatus: string | null;
};

export async function searchUsers(
  db: Db,
  actorId: string,
  query: { q: string; page: number },
): Promise<Paged<UserRow>> {
  await requireAdminOrThrow(db, actorId);
  const q = query.q.trim();
  // Prisma passes `contains` to ILIKE as is: the admin's % and _ must match themselves.
  const literal = q.replace(/[\\%_]/g, (c) => `\\${c}`);
  const where = q
    ? {
        OR: [
          { email: { contains: literal, mode: 'insensitive' as const } },
          { displayName: { contains: literal, mode: 'insensitive' as const } },
          ...(isUuid(q) ? [{ id: q.toLowerCase() }] : []),
        ],
      }
    : {};
  const [total, rows] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (query.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        email: true,
        displayName: true,
        role: true,
        frozenAt: true,
        createdAt: true,
        merchant: { select: { status: true } },
      },
    }),
  ]);
  return paged(
    rows.map(({ merchant, ...user }) => ({ ...user, merchantStatus: merchant?.status ?? null })),
    total,
    query.page,
  );
}
