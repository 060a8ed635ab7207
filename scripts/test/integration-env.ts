// Runs in every integration test worker before the test file: the app's env() reads
// process.env, so the run's mail catcher is named here.
import { inject } from 'vitest';

process.env.SMTP_URL = inject('smtpUrl');
