// List, make default, remove: always scoped to the signed-in user, so another user's
// account id is simply not found.
import 'server-only';
import type { Db } from '../../db';
import { inTransaction } from '../../core/in-transaction';
import { lastFour } from '../../../lib/text/mask';
import { findBankAccountOrThrow } from './find-bank-account-or-throw';

export type LinkedBankAccount = {
  id: string;
  bankName: string;
  lastFour: string;
  holderName: string;
  isDefault: boolean;
};

export async function listBankAccounts(db: Db, userId: string): Promise<LinkedBankAccount[]> {
  const rows = await db.bankAccount.findMany({
    where: { userId, removedAt: null },
    orderBy: [{ isDefault: 'desc' }, { createdAt: 'asc' }],
  });
  return rows.map((r) => ({
    id: r.id,
    bankName: r.bankName,
    lastFour: lastFour(r.accountNumber),
    holderName: r.holderName,
    isDefault: r.isDefault,
  }));
}

export async function setDefaultBankAccount(db: Db, userId: string, id: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    await findBankAccountOrThrow(tx, userId, id);
    await tx.bankAccount.updateMany({ where: { userId, isDefault: true }, data: { isDefault: false } });
    await tx.bankAccount.update({ where: { id }, data: { isDefault: true } });
  });
}

/** Removes the link (the row stays for the operations that used it); the next one becomes default. */
export async function removeBankAccount(db: Db, userId: string, id: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const account = await findBankAccountOrThrow(tx, userId, id);
    await tx.bankAccount.update({ where: { id }, data: { removedAt: new Date(), isDefault: false } });
    if (account.isDefault) {
      const next = await tx.bankAccount.findFirst({
        where: { userId, removedAt: null },
        orderBy: { createdAt: 'asc' },
      });
      if (next) await tx.bankAccount.update({ where: { id: next.id }, data: { isDefault: true } });
    }
  });
}
