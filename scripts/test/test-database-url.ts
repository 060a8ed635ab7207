// The URL of this test run's fresh database (made by the integration global setup). Its own
// file, depending on nothing of the wallet, so the sandbox bank's and the demo store's tests
// can use it too.
import { inject } from 'vitest';

export function testDatabaseUrl(): string {
  return inject('databaseUrl');
}
