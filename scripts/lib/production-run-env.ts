// The environment of a production build run on this machine for tests and benchmarks: a fresh
// database, random secrets per run (a production build refuses the development ones), and the
// parts that are off by default in production switched on.
import { randomBytes } from 'node:crypto';
import { generateSigningKey } from '../../server/signing/generate-signing-key';

const secret = () => randomBytes(32).toString('base64url');

export function productionRunEnv(databaseUrl: string, port: number): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    NEXTAUTH_URL: `http://localhost:${port}`,
    NEXTAUTH_SECRET: secret(),
    // The sandbox bank's secrets; callers that use its API read them from here.
    SANDBOX_BANK_CLIENT_SECRET: secret(),
    SANDBOX_BANK_NOTICE_SECRET: secret(),
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    // The bank's operator (faults, the simulated phones).
    SANDBOX_BANK_OPERATOR_SECRET: secret(),
    // Mounted in this production build (off by default in one).
    SANDBOX_BANK_ENABLED: '1',
    // The key of payment PIN hashes.
    PIN_PEPPER: secret(),
    // The key that signs receipts and proofs.
    RECEIPT_SIGNING_KEY: generateSigningKey(),
    PORT: String(port),
    // Merchant notifications go to receivers on this machine (localhost).
    WEBHOOK_ALLOW_PRIVATE_ADDRESSES: '1',
  };
}
