// A linked (not removed) bank account of this user, or NotFoundError: another user's
// account id answers exactly like an id that does not exist.
import 'server-only';
import type { DbClient } from '../../db';
import type { BankAccount } from '../../generated/prisma/client';
import { NotFoundError } from '../../core/domain-errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findBankAccountOrThrow(db: DbClient, userId: string, id: string): Promise<BankAccount> {
  const account = UUID.test(id) ? await db.bankAccount.findFirst({ where: { id, userId, removedAt: null } }) : null;
  if (!account) throw new NotFoundError('Bank account', { field: 'bankAccountId' });
  return account;
}

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
