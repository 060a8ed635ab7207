// Spent sign-up and reset links are deleted after two days: long past their 30 minutes and the
// 24 hours in which a waiting sign-up can be resent, and a waiting sign-up's password hash
// should not outlive its purpose. An hourly job (background-work.ts) runs it.
import 'server-only';
import type { Db } from '../db';

export const ACCOUNT_LINK_RETENTION_HOURS = 48;

export async function purgeAccountLinks(db: Db, olderThanHours = ACCOUNT_LINK_RETENTION_HOURS): Promise<number> {
  const signUps = await db.$executeRaw`
    DELETE FROM sign_up_requests WHERE created_at < now() - make_interval(hours => ${olderThanHours})`;
  const resets = await db.$executeRaw`
    DELETE FROM password_reset_tokens WHERE created_at < now() - make_interval(hours => ${olderThanHours})`;
  return signUps + resets;
}
