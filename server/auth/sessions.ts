// Server-side session rows. The browser's JWT names one of these; a session is valid only
// while its row exists, is not revoked and has not expired.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db';

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export async function createSession(db: Db, userId: string): Promise<string> {
  const id = randomUUID();
  await db.authSession.create({
    data: { id, userId, expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000) },
  });
  return id;
}

export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  await db.authSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

export async function findActiveSessionUser(db: Db, sessionId: string) {
  const session = await db.authSession.findUnique({
    where: { id: sessionId },
    select: {
      revokedAt: true,
      expiresAt: true,
      user: { select: { id: true, email: true, displayName: true, role: true } },
    },
  });
  if (!session || session.revokedAt || session.expiresAt <= new Date()) return null;
  return session.user;
}
