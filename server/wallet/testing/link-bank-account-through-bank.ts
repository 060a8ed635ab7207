// Tests link a card the way a customer does: the holder's details, then the code the bank
// texted to the holder's phone (read off the simulated phone), through the real gateway.
import type { BankAccount } from '../../generated/prisma/client';
import type { BankPool } from '@/sandbox-bank/db/pool';
import { holderOnFile, readBindingCode } from '@/sandbox-bank/testing/read-debit-code';
import { confirmBankAccountLink } from '../bank-accounts/confirm-bank-account-link';
import { startBankAccountLink } from '../bank-accounts/start-bank-account-link';
import type { AppDeps } from '../../core/deps';

export async function linkBankAccountThroughBank(
  deps: Pick<AppDeps, 'db' | 'bank'>,
  bankPool: BankPool,
  userId: string,
  accountNumber: string,
): Promise<BankAccount> {
  const holder = await holderOnFile(bankPool, accountNumber);
  const started = await startBankAccountLink(deps, { userId, accountNumber, ...holder });
  const code = await readBindingCode(bankPool, started.bindingId);
  return confirmBankAccountLink(deps, { userId, bindingId: started.bindingId, code });
}
