// Vitest global setup for *.integration.test.ts: a fresh database for this run on the
// embedded server (or on DATABASE_URL's server), migrated, dropped afterwards.
import type { TestProject } from 'vitest/node';
import { createFreshDatabase } from '../db/test-database';

export default async function setup(project: TestProject) {
  const database = await createFreshDatabase('wallet_test');
  project.provide('databaseUrl', database.url);
  return async () => {
    await database.drop();
    await database.stopServer();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
