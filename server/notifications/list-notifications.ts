// A user's notifications, newest first, and what is unread. Always scoped to the user.
import 'server-only';
import type { Db } from '../db';
import type { Notification } from '../generated/prisma/client';

export const NOTIFICATIONS_PAGE = 30;

export async function listNotifications(db: Db, userId: string, limit = NOTIFICATIONS_PAGE): Promise<Notification[]> {
  return db.notification.findMany({
    where: { userId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: Math.min(limit, 100),
  });
}

export async function countUnread(db: Db, userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

export async function markAllRead(db: Db, userId: string): Promise<void> {
  await db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
}
