// Re-confirming the password before a sensitive action (a withdrawal). Goes through the
// sign-in check, so wrong passwords here count toward the same lockout.
import type { Db } from '../db';
import { checkCredentials } from './sign-in';

export async function verifyUserPassword(db: Db, userId: string, password: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) return false;
  return (await checkCredentials(db, user.email, password)).ok;
}
