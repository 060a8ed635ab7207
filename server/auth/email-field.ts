// An email address typed into the reset or resend form: trimmed, lower case (as stored), or a
// field error. Sign-up has its own schema (sign-up-schema.ts) with the same rules.
import { z } from 'zod';
import { InvalidInputError } from '../core/domain-errors';

const EMAIL = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email())
  .transform((e) => e.toLowerCase());

export function parseEmailField(raw: unknown): string {
  const parsed = EMAIL.safeParse(raw);
  if (!parsed.success) throw new InvalidInputError('email', 'Enter a valid email address');
  return parsed.data;
}
