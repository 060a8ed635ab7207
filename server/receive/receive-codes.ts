// Each user's personal receive code (收款码): 128 random bits in the URL, so a code names its
// owner only through this table and cannot be guessed from a user id. One active code per user
// (a partial unique index); resetting revokes it and makes another in one transaction.
import 'server-only';
import { randomBytes } from 'node:crypto';
import type { Db, DbClient } from '../db';
import { inTransaction } from '../core/in-transaction';
import { ReceiveCodeNotFoundError, ReceiveCodeRevokedError } from './receive-errors';

/** 22 URL-safe characters. */
export function newLinkToken(): string {
  return randomBytes(16).toString('base64url');
}

/** What a code in a URL may look like before the database is asked. */
export const LINK_TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

/** The user's active code, made on first use (two first views at once get the same one). */
export async function activeReceiveCode(db: DbClient, userId: string): Promise<string> {
  await db.$executeRaw`
    INSERT INTO receive_codes (code, user_id) VALUES (${newLinkToken()}, ${userId}::uuid)
    ON CONFLICT (user_id) WHERE revoked_at IS NULL DO NOTHING`;
  const active = await db.receiveCode.findFirstOrThrow({
    where: { userId, revokedAt: null },
    select: { code: true },
  });
  return active.code;
}

/** 重置收款码: the old code stops working at once; the new one is returned. */
export async function resetReceiveCode(db: Db, userId: string): Promise<string> {
  return inTransaction(db, async (tx) => {
    await tx.receiveCode.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    const created = await tx.receiveCode.create({ data: { code: newLinkToken(), userId }, select: { code: true } });
    return created.code;
  });
}

export type ReceiveCodeOwner = { userId: string; displayName: string };

/** Whose active code this is; unknown and revoked codes are told apart, since the payer can act on it. */
export async function findReceiveCodeOwnerOrThrow(db: DbClient, code: string): Promise<ReceiveCodeOwner> {
  if (!LINK_TOKEN.test(code)) throw new ReceiveCodeNotFoundError();
  const row = await db.receiveCode.findUnique({
    where: { code },
    select: { revokedAt: true, user: { select: { id: true, displayName: true } } },
  });
  if (!row) throw new ReceiveCodeNotFoundError();
  if (row.revokedAt) throw new ReceiveCodeRevokedError();
  return { userId: row.user.id, displayName: row.user.displayName };
}
