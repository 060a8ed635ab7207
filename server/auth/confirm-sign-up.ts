// Use case: following the sign-up mail's link. The link is used up and the account created in
// one transaction; the UPDATE that marks it used is the single-use check (a second, even
// concurrent, use finds it used). Opening the link only shows a button (findPendingSignUp),
// so a mail scanner that fetches links does not use it up.
import 'server-only';
import type { Db } from '../db';
import { inTransaction } from '../core/in-transaction';
import { Prisma } from '../generated/prisma/client';
import { AccountExistsError, LinkInvalidError } from './account-errors';
import { hashAccountToken, isWellFormedAccountToken } from './account-token';
import { createCustomerAccount } from './sign-up';

/** The address a usable sign-up link is for, or null (unknown, expired, used). */
export async function findPendingSignUp(db: Db, rawToken: unknown): Promise<{ email: string } | null> {
  if (!isWellFormedAccountToken(rawToken)) return null;
  const [row] = await db.$queryRaw<{ email: string }[]>`
    SELECT email FROM sign_up_requests
    WHERE token_hash = ${hashAccountToken(rawToken)} AND NOT address_taken AND used_at IS NULL AND expires_at > now()`;
  return row ?? null;
}

export async function confirmSignUp(db: Db, rawToken: unknown): Promise<{ userId: string; email: string }> {
  if (!isWellFormedAccountToken(rawToken)) throw new LinkInvalidError();
  const hash = hashAccountToken(rawToken);
  try {
    return await inTransaction(db, async (tx) => {
      const [request] = await tx.$queryRaw<{ email: string; display_name: string; password_hash: string }[]>`
        UPDATE sign_up_requests SET used_at = now()
        WHERE token_hash = ${hash} AND NOT address_taken AND used_at IS NULL AND expires_at > now()
        RETURNING email, display_name, password_hash`;
      if (!request) throw new LinkInvalidError();
      const user = await createCustomerAccount(tx, {
        email: request.email,
        displayName: request.display_name,
        passwordHash: request.password_hash,
        emailVerifiedAt: new Date(),
      });
      return { userId: user.id, email: user.email };
    });
  } catch (err) {
    // Another link for this address was used first; this one stays unused and keeps failing.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') throw new AccountExistsError();
    throw err;
  }
}
