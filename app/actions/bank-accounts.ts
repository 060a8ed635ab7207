'use server';

import { revalidatePath } from 'next/cache';
import { requireUser } from '@/server/auth/current-user';
import { bankGateway } from '@/server/bank/bank-gateway-instance';
import { db } from '@/server/db';
import { confirmBankAccountLink } from '@/server/wallet/bank-accounts/confirm-bank-account-link';
import { idNumberField, phoneField, smsCodeField } from '@/server/wallet/bank-accounts/link-input';
import { removeBankAccount, setDefaultBankAccount } from '@/server/wallet/bank-accounts/manage-bank-accounts';
import {
  startBankAccountLink,
  type StartedBankAccountLink,
} from '@/server/wallet/bank-accounts/start-bank-account-link';
import { accountNumberField, holderNameField, idField } from '@/server/core/form-input';
import { runAction, type ActionResult } from './action-result';

/** Step one of linking a card: the bank checks the details and texts the holder a code. */
export async function startBankAccountLinkAction(form: FormData): Promise<ActionResult<StartedBankAccountLink>> {
  const user = await requireUser();
  return runAction(() =>
    startBankAccountLink(
      { db: db(), bank: bankGateway() },
      {
        userId: user.id,
        accountNumber: accountNumberField(form),
        holderName: holderNameField(form),
        idNumber: idNumberField(form),
        phone: phoneField(form),
      },
    ),
  );
}

/** Step two: the code from the holder's phone; the card is linked once the bank confirms it. */
export async function confirmBankAccountLinkAction(form: FormData): Promise<ActionResult<{ id: string }>> {
  const user = await requireUser();
  return runAction(async () => {
    const account = await confirmBankAccountLink(
      { db: db(), bank: bankGateway() },
      { userId: user.id, bindingId: idField(form, 'bindingId'), code: smsCodeField(form) },
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
