'use server';

import { revalidatePath } from 'next/cache';
import { requireUser } from '@/server/auth/current-user';
import { bankGateway } from '@/server/bank/bank-gateway-instance';
import { db } from '@/server/db';
import { linkBankAccount } from '@/server/wallet/bank-accounts/link-bank-account';
import { removeBankAccount, setDefaultBankAccount } from '@/server/wallet/bank-accounts/manage-bank-accounts';
import { accountNumberField, holderNameField, idField } from '@/server/wallet/wallet-input';
import { runAction, type ActionResult } from './action-result';

export async function linkBankAccountAction(form: FormData): Promise<ActionResult<{ id: string }>> {
  const user = await requireUser();
  return runAction(async () => {
    const account = await linkBankAccount(
      { db: db(), bank: bankGateway() },
      { userId: user.id, accountNumber: accountNumberField(form), holderName: holderNameField(form) },
    );
    revalidatePath('/bank-accounts');
    return { id: account.id };
  });
}

export async function setDefaultBankAccountAction(form: FormData): Promise<ActionResult<null>> {
  const user = await requireUser();
  return runAction(async () => {
    await setDefaultBankAccount(db(), user.id, idField(form, 'bankAccountId'));
    revalidatePath('/bank-accounts');
    return null;
  });
}

export async function removeBankAccountAction(form: FormData): Promise<ActionResult<null>> {
  const user = await requireUser();
  return runAction(async () => {
    await removeBankAccount(db(), user.id, idField(form, 'bankAccountId'));
    revalidatePath('/bank-accounts');
    return null;
  });
}
