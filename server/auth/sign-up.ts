// Use case: create a customer account. Returns field errors instead of throwing so a form
// can show them next to the field; nothing is written unless every field is valid.
// The customer's wallet account is opened in the same transaction.
import { DEFAULT_CURRENCY, userWalletCode } from '@/ledger';
import type { Db } from '../db';
import { Prisma } from '../generated/prisma/client';
import { ensureAccount } from '../ledger';
import { hashPassword } from './password';
import { signUpSchema, type FieldErrors } from './sign-up-schema';

export type SignUpResult =
  | { ok: true; userId: string; email: string }
  | { ok: false; fieldErrors: FieldErrors };

export async function signUp(db: Db, raw: unknown): Promise<SignUpResult> {
  const parsed = signUpSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if ((field === 'email' || field === 'displayName' || field === 'password') && !fieldErrors[field]) {
        fieldErrors[field] = issue.message;
      }
    }
    return { ok: false, fieldErrors };
  }
  const { email, displayName, password } = parsed.data;
  const passwordHash = await hashPassword(password);
  try {
    // The user and their wallet account exist together or not at all.
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: { email, displayName, passwordHash, role: 'CUSTOMER' },
        select: { id: true, email: true },
      });
      await ensureAccount(tx, userWalletCode(created.id), DEFAULT_CURRENCY);
      return created;
    });
    return { ok: true, userId: user.id, email: user.email };
  } catch (err) {
    // The unique index decides races between two sign-ups with one email.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
      return { ok: false, fieldErrors: { email: 'emailTaken' } };
    }
    throw err;
  }
}
