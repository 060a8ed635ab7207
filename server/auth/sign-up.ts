// Creating a customer account. People reach it only through a proven address
// (sign-up-request.ts → confirm-sign-up.ts, both using createCustomerAccount); signUp itself
// makes the account at once, for tests and tools. Returns field errors instead of throwing;
// nothing is written unless every field is valid. The customer's wallet account is opened in
// the same transaction.
import 'server-only';
import { DEFAULT_CURRENCY, userWalletCode } from '@/ledger';
import type { Db, Tx } from '../db';
import { inTransaction } from '../core/in-transaction';
import { Prisma } from '../generated/prisma/client';
import { ensureAccount } from '../stored-ledger';
import { hashPassword } from './password';
import { signUpSchema, type FieldErrors, type SignUpInput } from './sign-up-schema';

export type SignUpResult = { ok: true; userId: string; email: string } | { ok: false; fieldErrors: FieldErrors };

/** The form's values, or the i18n key of the first problem of each field. */
export function parseSignUp(raw: unknown): { ok: true; data: SignUpInput } | { ok: false; fieldErrors: FieldErrors } {
  const parsed = signUpSchema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if ((field === 'email' || field === 'displayName' || field === 'password') && !fieldErrors[field]) {
      fieldErrors[field] = issue.message;
    }
  }
  return { ok: false, fieldErrors };
}

/** The user and their wallet account, inside the caller's transaction (together or not at all). */
export async function createCustomerAccount(
  tx: Tx,
  data: { email: string; displayName: string; passwordHash: string; emailVerifiedAt: Date | null },
): Promise<{ id: string; email: string }> {
  const created = await tx.user.create({ data: { ...data, role: 'CUSTOMER' }, select: { id: true, email: true } });
  await ensureAccount(tx, userWalletCode(created.id), DEFAULT_CURRENCY);
  return created;
}

export async function signUp(db: Db, raw: unknown): Promise<SignUpResult> {
  const parsed = parseSignUp(raw);
  if (!parsed.ok) return parsed;
  const { email, displayName, password } = parsed.data;
  const passwordHash = await hashPassword(password);
  try {
    const user = await inTransaction(db, (tx) =>
      createCustomerAccount(tx, { email, displayName, passwordHash, emailVerifiedAt: null }),
    );
    return { ok: true, userId: user.id, email: user.email };
  } catch (err) {
    // The unique index decides races between two sign-ups with one email.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
      return { ok: false, fieldErrors: { email: 'emailTaken' } };
    }
    throw err;
  }
}
