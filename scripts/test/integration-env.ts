// Runs in every integration test worker before the test file: the app's env() reads
// process.env, so the run's mail catcher is named here.
import { inject } from 'vitest';

process.env.SMTP_URL = inject('smtpUrl');
// Code that uses the app's own clients (db(), the rate limiters) reaches the run's database.
process.env.DATABASE_URL ??= inject('databaseUrl');
