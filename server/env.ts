// Environment, parsed once. Dev defaults keep `npm run dev` a single command; a production
// build or server refuses the development auth secret.
import { z } from 'zod';

const DEV_AUTH_SECRET = 'dev-only-auth-secret-change-me-0123456789abcdef';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  // Optional here so `next build` works without a database; db() insists on it.
  DATABASE_URL: z.string().min(1).optional(),
  NEXTAUTH_SECRET: z.string().min(32, 'NEXTAUTH_SECRET must be at least 32 characters').default(DEV_AUTH_SECRET),
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
    if (parsed.data.NODE_ENV === 'production' && parsed.data.NEXTAUTH_SECRET === DEV_AUTH_SECRET) {
      throw new Error('Invalid environment: NEXTAUTH_SECRET must be set to a long random value in production');
    }
    cached = parsed.data;
  }
  return cached;
}
