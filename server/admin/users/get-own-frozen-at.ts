// The signed-in user's own freeze, for the banner on their home page (not an admin read: the
// caller passes the id of the user who is looking).
import 'server-only';
import type { Db } from '../../db';

export async function getOwnFrozenAt(db: Db, userId: string): Promise<Date | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { frozenAt: true } });
  return user?.frozenAt ?? null;
}
