// Link a bank account: the bank must confirm that the holder owns this number. The first
// account linked becomes the default.
import type { BankAccount } from '../../generated/prisma/client';
import { BankRequestFailedError, BankOutcomeUnknownError } from '../../bank/bank-gateway';
import { sqlStateOf } from '../../ledger';
import { inTransaction } from '../in-transaction';
import type { WalletDeps } from '../wallet-deps';
import { BankAccountAlreadyLinkedError, BankAccountNotVerifiedError, BankUnavailableError } from '../wallet-errors';

export type LinkBankAccountInput = { userId: string; accountNumber: string; holderName: string };

/** Most linked accounts a user may keep at once. */
export const MAX_LINKED_ACCOUNTS = 10;

export async function linkBankAccount(deps: Pick<WalletDeps, 'db' | 'bank'>, input: LinkBankAccountInput): Promise<BankAccount> {
  const existing = await deps.db.bankAccount.findFirst({
    where: { userId: input.userId, accountNumber: input.accountNumber, removedAt: null },
  });
  if (existing) throw new BankAccountAlreadyLinkedError();

  let verification;
  try {
    verification = await deps.bank.verifyAccount({ accountNumber: input.accountNumber, holderName: input.holderName });
  } catch (error) {
    if (error instanceof BankRequestFailedError || error instanceof BankOutcomeUnknownError) throw new BankUnavailableError();
    throw error;
  }
  if (!verification.verified) throw new BankAccountNotVerifiedError(verification.reason);
  const { bankName } = verification;

  try {
    return await inTransaction(deps.db, async (tx) => {
      await tx.$queryRaw`SELECT id FROM users WHERE id = ${input.userId}::uuid FOR UPDATE`;
      const linked = await tx.bankAccount.count({ where: { userId: input.userId, removedAt: null } });
      if (linked >= MAX_LINKED_ACCOUNTS) throw new BankAccountAlreadyLinkedError();
      return tx.bankAccount.create({
        data: { userId: input.userId, accountNumber: input.accountNumber, holderName: input.holderName, bankName, isDefault: linked === 0 },
      });
    });
  } catch (error) {
    if (sqlStateOf(error) === '23505' || (error as { code?: string }).code === 'P2002') throw new BankAccountAlreadyLinkedError();
    throw error;
  }
}
