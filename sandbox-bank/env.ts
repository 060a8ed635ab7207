// The sandbox bank's own environment, parsed once. It is a separate system: it reads only
// its own variables (and DATABASE_URL as the default place for its schema).
import 'server-only';
import { z } from 'zod';

export const DEV_CLIENT_SECRET = 'dev-sandbox-bank-client-secret-0123456789';
export const DEV_NOTICE_SECRET = 'dev-sandbox-bank-notice-secret-0123456789';
/** Tests' operator secret; `npm run dev` makes a random one (and prints it) instead. */
export const DEV_OPERATOR_SECRET = 'dev-sandbox-bank-operator-secret-0123456789';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  SANDBOX_BANK_CLIENT_SECRET: z
    .string()
    .min(32, 'SANDBOX_BANK_CLIENT_SECRET must be at least 32 characters')
    .default(DEV_CLIENT_SECRET),
  SANDBOX_BANK_NOTICE_SECRET: z
    .string()
    .min(32, 'SANDBOX_BANK_NOTICE_SECRET must be at least 32 characters')
    .default(DEV_NOTICE_SECRET),
  SANDBOX_BANK_OPERATOR_SECRET: z
    .string()
    .min(32, 'SANDBOX_BANK_OPERATOR_SECRET must be at least 32 characters')
    .default(DEV_OPERATOR_SECRET),
  SANDBOX_BANK_DATABASE_URL: z.string().min(1).optional(),
  DATABASE_URL: z.string().min(1).optional(),
});

export type SandboxBankEnv = {
  clientSecret: string;
  noticeSecret: string;
  /** The operator's: signs fault-control requests and is the password of the operator's sign-in. */
  operatorSecret: string;
  /** SANDBOX_BANK_DATABASE_URL, else DATABASE_URL; undefined when neither is set. */
  databaseUrl: string | undefined;
};

export function parseSandboxBankEnv(source: Record<string, string | undefined>): SandboxBankEnv {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid sandbox bank environment: ${fields}`);
  }
  const e = parsed.data;
  // Like NEXTAUTH_SECRET: a production server must not sign with a secret everyone knows.
  if (
    e.NODE_ENV === 'production' &&
    (e.SANDBOX_BANK_CLIENT_SECRET === DEV_CLIENT_SECRET ||
      e.SANDBOX_BANK_NOTICE_SECRET === DEV_NOTICE_SECRET ||
      e.SANDBOX_BANK_OPERATOR_SECRET === DEV_OPERATOR_SECRET)
  ) {
    throw new Error(
      'Invalid sandbox bank environment: set SANDBOX_BANK_CLIENT_SECRET, SANDBOX_BANK_NOTICE_SECRET and SANDBOX_BANK_OPERATOR_SECRET in production',
    );
  }
  return {
    clientSecret: e.SANDBOX_BANK_CLIENT_SECRET,
    noticeSecret: e.SANDBOX_BANK_NOTICE_SECRET,
    operatorSecret: e.SANDBOX_BANK_OPERATOR_SECRET,
    databaseUrl: e.SANDBOX_BANK_DATABASE_URL ?? e.DATABASE_URL,
  };
}

let cached: SandboxBankEnv | undefined;

export function sandboxBankEnv(): SandboxBankEnv {
  cached ??= parseSandboxBankEnv(process.env);
  return cached;
}
