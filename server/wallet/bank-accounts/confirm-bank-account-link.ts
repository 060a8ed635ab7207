// Linking a card, step two: the code the holder's phone received. The bank confirms whose card
// it is (number and name as it verified them); only then is the card stored, masked where
// shown. The first account linked becomes the default.
import 'server-only';
import type { BankAccount } from '../../generated/prisma/client';
import { BankOutcomeUnknownError, BankRequestFailedError } from '../../bank/bank-gateway';
import { sqlStateOf } from '../../stored-ledger';
import { inTransaction } from '../../core/in-transaction';
import type { AppDeps } from '../../core/deps';
import {
  BankAccountAlreadyLinkedError,
  BankCodeUnusableError,
  BankCodeWrongError,
  BankUnavailableError,
} from '../../core/domain-errors';
import { forgetCardLinkAttempts } from './card-link-attempts';
import { linkReferencePrefix, MAX_LINKED_ACCOUNTS } from './start-bank-account-link';

export type ConfirmBankAccountLinkInput = { userId: string; bindingId: string; code: string };

export async function confirmBankAccountLink(
  deps: Pick<AppDeps, 'db' | 'bank'>,
  input: ConfirmBankAccountLinkInput,
): Promise<BankAccount> {
  let confirmation;
  try {
    confirmation = await deps.bank.confirmCardBinding({ bindingId: input.bindingId, code: input.code });
  } catch (error) {
    if (error instanceof BankRequestFailedError || error instanceof BankOutcomeUnknownError)
      throw new BankUnavailableError();
    throw error;
  }
  if (confirmation.status === 'WRONG_CODE') throw new BankCodeWrongError(confirmation.attemptsLeft);
  if (confirmation.status === 'FAILED') throw new BankCodeUnusableError(confirmation.reason);
  // Someone else's binding id (it names its user): the same answer as an unknown one.
  if (!confirmation.reference.startsWith(linkReferencePrefix(input.userId)))
    throw new BankCodeUnusableError('NOT_FOUND');

  const { accountNumber, holderName, bankName } = confirmation;
  // The holder's phone answered: the attempts counted on this card were the holder's own.
  await forgetCardLinkAttempts(accountNumber);
  try {
    return await inTransaction(deps.db, async (tx) => {
      await tx.$queryRaw`SELECT id FROM users WHERE id = ${input.userId}::uuid FOR UPDATE`;
      const linked = await tx.bankAccount.count({ where: { userId: input.userId, removedAt: null } });
      if (linked >= MAX_LINKED_ACCOUNTS) throw new BankAccountAlreadyLinkedError();
      return tx.bankAccount.create({
        data: { userId: input.userId, accountNumber, holderName, bankName, isDefault: linked === 0 },
      });
    });
  } catch (error) {
    if (sqlStateOf(error) === '23505' || (error as { code?: string }).code === 'P2002')
      throw new BankAccountAlreadyLinkedError();
    throw error;
  }
}
