// Transfer, step 1: who is this email? Only the masked name (and, on the confirm screen, the
// masked email) is shown, so the sender can
// confirm the person before choosing an amount without learning their full name.
import 'server-only';
import { SelfTransferError } from '@/ledger';
import type { Db } from '../../db';
import { enforceRateLimit } from '../../rate-limit/enforce-rate-limit';
import { maskEmail, maskName } from '../../../lib/text/mask';
import { RecipientNotFoundError } from '../../core/domain-errors';

export type Recipient = { email: string; maskedEmail: string; maskedName: string };

export async function findRecipient(
  db: Db,
  senderId: string,
  emailRaw: string,
): Promise<Recipient & { userId: string }> {
  const email = emailRaw.trim().toLowerCase();
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, displayName: true } });
  if (!user) throw new RecipientNotFoundError();
  if (user.id === senderId) throw new SelfTransferError({ field: 'email' });
  return {
    userId: user.id,
    email: user.email,
    maskedEmail: maskEmail(user.email),
    maskedName: maskName(user.displayName),
  };
}

/**
 * The transfer form's look-up: the same answer, limited per sender
 * (RATE_LIMITS.recipientLookupsPerUser), so the form cannot list who has an account.
 */
export async function lookUpRecipient(
  db: Db,
  senderId: string,
  emailRaw: string,
): Promise<Recipient & { userId: string }> {
  await enforceRateLimit('recipientLookupsPerUser', senderId);
  return findRecipient(db, senderId, emailRaw);
}
