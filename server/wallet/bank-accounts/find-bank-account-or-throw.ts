// A linked (not removed) bank account of this user, or NotFoundError: another user's
// account id answers exactly like an id that does not exist.
import 'server-only';
import type { DbClient } from '../../db';
import type { BankAccount } from '../../generated/prisma/client';
import { NotFoundError } from '../../core/domain-errors';
import { isUuid } from '../../../lib/ids/is-uuid';

export async function findBankAccountOrThrow(db: DbClient, userId: string, id: string): Promise<BankAccount> {
  const account = isUuid(id) ? await db.bankAccount.findFirst({ where: { id, userId, removedAt: null } }) : null;
  if (!account) throw new NotFoundError('Bank account', { field: 'bankAccountId' });
  return account;
}
