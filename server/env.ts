// Environment, parsed once. Dev defaults keep `npm run dev` a single command; production
// refuses to start with them (see assertProductionSecrets).
import { z } from 'zod';

const DEV_AUTH_SECRET = 'dev-only-auth-secret-change-me-0123456789abcdef';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  // Optional here so `next build` works without a database; db() insists on it.
  DATABASE_URL: z.string().min(1).optional(),
  NEXTAUTH_SECRET: z.string().min(32).default(DEV_AUTH_SECRET),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
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
    cached = parsed.data;
  }
  return cached;
}

export function usesDevAuthSecret(): boolean {
  return env().NEXTAUTH_SECRET === DEV_AUTH_SECRET;
}
