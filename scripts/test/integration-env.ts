// Runs in every integration test worker before the test file: the app's env() reads
// process.env, so the run's mail catcher is named here.
import { inject } from 'vitest';
import { generateSigningKey } from '../../server/signing/generate-signing-key';

process.env.SMTP_URL = inject('smtpUrl');
// Code that uses the app's own clients (db(), the rate limiters) reaches the run's database.
process.env.DATABASE_URL ??= inject('databaseUrl');
// The platform's signing key (receipts, proofs): a new one per test file.
process.env.RECEIPT_SIGNING_KEY ??= generateSigningKey();
