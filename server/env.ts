// Environment, parsed once. Dev defaults keep `npm run dev` a single command; a production
// build or server refuses the development auth secret.
import 'server-only';
import { z } from 'zod';

const DEV_AUTH_SECRET = 'dev-only-auth-secret-change-me-0123456789abcdef';
/** 32 bytes, base64: the development key for data kept encrypted (never in production). */
export const DEV_DATA_ENCRYPTION_KEY = 'ZGV2LW9ubHktZGF0YS1rZXktY2hhbmdlLW1lLTAxMjM=';
// The sandbox bank reads the same variables with the same defaults (sandbox-bank/).
export const DEV_BANK_CLIENT_SECRET = 'dev-sandbox-bank-client-secret-0123456789';
export const DEV_BANK_NOTICE_SECRET = 'dev-sandbox-bank-notice-secret-0123456789';
export const DEV_PIN_PEPPER = 'dev-only-payment-pin-pepper-change-me-0123456789';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  // Optional here so `next build` works without a database; db() insists on it.
  DATABASE_URL: z.string().min(1).optional(),
  NEXTAUTH_SECRET: z.string().min(32, 'NEXTAUTH_SECRET must be at least 32 characters').default(DEV_AUTH_SECRET),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** The wallet's public origin: where the bank sends customers back and notices to. */
  APP_URL: z.string().url().optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  /** Base of the bank's API; defaults to the sandbox bank served by this app. */
  SANDBOX_BANK_URL: z.string().url().optional(),
  SANDBOX_BANK_CLIENT_SECRET: z.string().min(32).default(DEV_BANK_CLIENT_SECRET),
  SANDBOX_BANK_NOTICE_SECRET: z.string().min(32).default(DEV_BANK_NOTICE_SECRET),
  /** The server-side key of payment PIN hashes (server/pin/pin-hash.ts); never stored with them. */
  PIN_PEPPER: z.string().min(32, 'PIN_PEPPER must be at least 32 characters').default(DEV_PIN_PEPPER),
  /**
   * 1: merchants' notifications may go to private and reserved addresses (localhost, 10.x …);
   * 0: public addresses only. Unset: 0 in production, 1 otherwise (the demo store is local).
   */
  WEBHOOK_ALLOW_PRIVATE_ADDRESSES: z.enum(['0', '1']).optional(),
  /** Set to 0 to run without the background workers (job queue) in this process. */
  BACKGROUND_WORKERS: z.enum(['0', '1']).default('1'),
  /** Outgoing mail: smtp(s)://user:pass@host:port. `npm run dev` and the e2e server set it to the local catcher. */
  SMTP_URL: z.string().url().optional(),
  /** Key (32 bytes, base64) for secrets kept encrypted in the database (authenticator secrets). */
  DATA_ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'DATA_ENCRYPTION_KEY must be 32 bytes in base64')
    .default(DEV_DATA_ENCRYPTION_KEY),
  /** The platform's Ed25519 signing key (receipts, proofs), PKCS#8 DER in base64url (server/signing/). */
  RECEIPT_SIGNING_KEY: z.string().min(1).optional(),
  /** 1: build yesterday's proof of liabilities shortly after start when it has none (`npm run dev` sets it). */
  LIABILITY_PROOF_CATCH_UP: z.enum(['0', '1']).default('0'),
  MAIL_FROM: z.string().min(3).default('钱包 Wallet <no-reply@wallet.example>'),
  /** 1: serve /dev/mailbox (the local catcher's messages). `npm run dev` and the e2e server set it; never on by default. */
  DEV_MAILBOX_ENABLED: z.enum(['0', '1']).default('0'),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`Invalid environment: ${fields}`);
    }
    if (parsed.data.NODE_ENV === 'production' && parsed.data.NEXTAUTH_SECRET === DEV_AUTH_SECRET) {
      throw new Error('Invalid environment: NEXTAUTH_SECRET must be set to a long random value in production');
    }
    if (
      parsed.data.NODE_ENV === 'production' &&
      (parsed.data.SANDBOX_BANK_CLIENT_SECRET === DEV_BANK_CLIENT_SECRET ||
        parsed.data.SANDBOX_BANK_NOTICE_SECRET === DEV_BANK_NOTICE_SECRET)
    ) {
      throw new Error(
        'Invalid environment: SANDBOX_BANK_CLIENT_SECRET and SANDBOX_BANK_NOTICE_SECRET must be set in production',
      );
    }
    if (parsed.data.NODE_ENV === 'production' && parsed.data.DATA_ENCRYPTION_KEY === DEV_DATA_ENCRYPTION_KEY) {
      throw new Error('Invalid environment: DATA_ENCRYPTION_KEY must be set to 32 random bytes (base64) in production');
    }
    if (parsed.data.NODE_ENV === 'production' && parsed.data.PIN_PEPPER === DEV_PIN_PEPPER) {
      throw new Error('Invalid environment: PIN_PEPPER must be set to a long random value in production');
    }
    cached = parsed.data;
  }
  return cached;
}

/** The wallet's public origin, without a trailing slash. */
export function appUrl(): string {
  const e = env();
  return (e.APP_URL ?? e.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, '');
}

export function sandboxBankUrl(): string {
  return (env().SANDBOX_BANK_URL ?? `${appUrl()}/sandbox-bank/api`).replace(/\/+$/, '');
}
