// What an integration test uses to reach its run's database.
import { createDb, type Db } from '../../server/db';
import { testDatabaseUrl } from './test-database-url';

let shared: Db | undefined;

/** One Prisma client per test file, on this run's fresh database. */
export function testDb(poolSize = 20): Db {
  shared ??= createDb(testDatabaseUrl(), poolSize);
  return shared;
}

/** The mail the run's catcher received for one address, newest first (scripts/mail/mail-catcher.ts). */
export async function caughtMailTo(db: Db, to: string): Promise<{ subject: string; text: string }[]> {
  const { flushQueuedMail } = await import('../../server/mail/send-mail');
  const { listCaughtMail } = await import('../../server/mail/dev-mailbox');
  await flushQueuedMail();
  return listCaughtMail(db, to);
}
