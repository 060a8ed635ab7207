// Re-confirming the signed-in user's password before a sensitive action.
import 'server-only';
import type { Db } from '../db';
import { verifyPassword } from './password';

export async function verifyUserPassword(db: Db, userId: string, password: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user) return false;
  return verifyPassword(user.passwordHash, password);
}
