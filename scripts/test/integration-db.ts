// What an integration test uses to reach its run's database.
import { inject } from 'vitest';
import { createDb, type Db } from '../../server/db';

let shared: Db | undefined;

export function testDatabaseUrl(): string {
  return inject('databaseUrl');
}

/** One Prisma client per test file, on this run's fresh database. */
export function testDb(poolSize = 20): Db {
  shared ??= createDb(testDatabaseUrl(), poolSize);
  return shared;
}
