// Server-side session rows. The browser's JWT names one of these; a session is valid only
// while its row exists, is not revoked and has not expired. Each row keeps what the browser
// said it was and its address at sign-in, and when it was last seen (for /me/security).
import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Db, DbClient } from '../db';
import { NotFoundError } from '../core/domain-errors';
import type { Role } from '../generated/prisma/enums';
import { isUuid } from '../../lib/ids/is-uuid';

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;
/** last_seen_at moves at most this often per session: one write a minute, not one a request. */
export const LAST_SEEN_RESOLUTION_MS = 60_000;
const USER_AGENT_MAX = 512;
const IP_MAX = 64;

export type SessionMetadata = { userAgent?: string | null; ipAddress?: string | null };

export async function createSession(db: Db, userId: string, meta: SessionMetadata = {}): Promise<string> {
  const id = randomUUID();
  await db.authSession.create({
    data: {
      id,
      userId,
      expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
      userAgent: meta.userAgent ? meta.userAgent.slice(0, USER_AGENT_MAX) : null,
      ipAddress: meta.ipAddress ? meta.ipAddress.slice(0, IP_MAX) : null,
    },
  });
  return id;
}

export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  await db.authSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

type SessionUserRow = { id: string; email: string; displayName: string; role: Role; lastSeenAt: Date };

/** The signed-in user of a live session (not revoked, not expired), or null: one query, as every request asks. */
export async function findActiveSessionUser(db: Db, sessionId: string) {
  if (!isUuid(sessionId)) return null;
  const [row] = await db.$queryRaw<SessionUserRow[]>`
    SELECT u.id, u.email, u.display_name AS "displayName", u.role::text AS role, s.last_seen_at AS "lastSeenAt"
      FROM auth_sessions s JOIN users u ON u.id = s.user_id
     WHERE s.id = ${sessionId}::uuid AND s.revoked_at IS NULL AND s.expires_at > now()`;
  if (!row) return null;
  // The read above tells whether a write is due, so most requests write nothing; the
  // condition keeps concurrent requests of one session to a single write.
  const staleBefore = new Date(Date.now() - LAST_SEEN_RESOLUTION_MS);
  if (row.lastSeenAt < staleBefore) {
    await db.authSession.updateMany({
      where: { id: sessionId, lastSeenAt: { lt: staleBefore } },
      data: { lastSeenAt: new Date() },
    });
  }
  const { lastSeenAt: _seen, ...user } = row;
  return user;
}

export type ActiveSession = {
  id: string;
  userAgent: string | null;
  ipAddress: string | null;
  createdAt: Date;
  lastSeenAt: Date;
};

/** The user's sessions that still open the app, most recently seen first. */
export async function listActiveSessions(db: Db, userId: string): Promise<ActiveSession[]> {
  return db.authSession.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, userAgent: true, ipAddress: true, createdAt: true, lastSeenAt: true },
    orderBy: [{ lastSeenAt: 'desc' }, { createdAt: 'desc' }],
  });
}

/** Signs out one of the user's own sessions; another user's (or a signed-out) one is NOT_FOUND. */
export async function revokeUserSession(db: Db, userId: string, sessionId: string): Promise<void> {
  const { count } = await db.authSession.updateMany({
    where: { id: sessionId, userId, revokedAt: null, expiresAt: { gt: new Date() } },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw new NotFoundError('Session', { field: 'sessionId' });
}

/** Signs out every session of the user but `except` (the one asking, when there is one). */
export async function revokeSessionsOf(
  db: DbClient,
  userId: string,
  options: { except?: string } = {},
): Promise<number> {
  const { count } = await db.authSession.updateMany({
    where: { userId, revokedAt: null, ...(options.except ? { id: { not: options.except } } : {}) },
    data: { revokedAt: new Date() },
  });
  return count;
}
