// Session rows: what sign-in records, the list on /me/security, signing one out (only your
// own), and last-seen written at most once a minute.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { testDb } from '../../scripts/test/integration-db';
import { createTestUser } from '../wallet/testing/wallet-fixtures';
import { NotFoundError } from '../core/domain-errors';
import {
  createSession,
  findActiveSessionUser,
  LAST_SEEN_RESOLUTION_MS,
  listActiveSessions,
  revokeSessionsOf,
  revokeUserSession,
} from './sessions';

const db = testDb();
afterAll(() => db.$disconnect());

const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

describe('sessions', () => {
  it('keeps the browser and address of the sign-in, cut to size', async () => {
    const user = await createTestUser(db);
    const sid = await createSession(db, user.id, { userAgent: UA + 'x'.repeat(2000), ipAddress: '203.0.113.9' });
    const [session] = await listActiveSessions(db, user.id);
    expect(session).toMatchObject({ id: sid, ipAddress: '203.0.113.9' });
    expect(session!.userAgent).toHaveLength(512);
    expect(session!.userAgent!.startsWith(UA)).toBe(true);
  });

  it("signs out one of the user's own sessions, but not another user's (NOT_FOUND, nothing changes)", async () => {
    const alice = await createTestUser(db);
    const bob = await createTestUser(db);
    const aliceSession = await createSession(db, alice.id);
    const bobSession = await createSession(db, bob.id);

    await expect(revokeUserSession(db, alice.id, bobSession)).rejects.toBeInstanceOf(NotFoundError);
    expect(await findActiveSessionUser(db, bobSession)).toMatchObject({ id: bob.id });
    await expect(revokeUserSession(db, alice.id, randomUUID())).rejects.toBeInstanceOf(NotFoundError);

    await revokeUserSession(db, alice.id, aliceSession);
    expect(await findActiveSessionUser(db, aliceSession)).toBeNull();
    expect(await listActiveSessions(db, alice.id)).toEqual([]);
    await expect(revokeUserSession(db, alice.id, aliceSession)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('signs out every other session and keeps the one asking', async () => {
    const user = await createTestUser(db);
    const [mine, a, b] = [
      await createSession(db, user.id),
      await createSession(db, user.id),
      await createSession(db, user.id),
    ];
    expect(await revokeSessionsOf(db, user.id, { except: mine })).toBe(2);
    expect((await listActiveSessions(db, user.id)).map((s) => s.id)).toEqual([mine]);
    for (const sid of [a, b]) expect(await findActiveSessionUser(db, sid)).toBeNull();
  });

  it('moves last-seen forward only when it is over a minute old', async () => {
    const user = await createTestUser(db);
    const sid = await createSession(db, user.id);
    const lastSeen = async () => (await db.authSession.findUniqueOrThrow({ where: { id: sid } })).lastSeenAt.getTime();

    const fresh = await lastSeen();
    await findActiveSessionUser(db, sid);
    expect(await lastSeen()).toBe(fresh);

    const old = new Date(Date.now() - LAST_SEEN_RESOLUTION_MS - 5_000);
    await db.authSession.update({ where: { id: sid }, data: { lastSeenAt: old } });
    await Promise.all(Array.from({ length: 5 }, () => findActiveSessionUser(db, sid)));
    const moved = await lastSeen();
    expect(moved).toBeGreaterThan(Date.now() - 10_000);
  });

  it('does not list expired or revoked sessions', async () => {
    const user = await createTestUser(db);
    const live = await createSession(db, user.id);
    const expired = await createSession(db, user.id);
    await db.authSession.update({ where: { id: expired }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const revoked = await createSession(db, user.id);
    await revokeUserSession(db, user.id, revoked);
    expect((await listActiveSessions(db, user.id)).map((s) => s.id)).toEqual([live]);
  });
});
