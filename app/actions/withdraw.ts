'use server';

import { requireUser } from '@/server/auth/current-user';
import { requestWithdrawal } from '@/server/wallet/operations/request-withdrawal';
import { appDeps } from '@/server/core/deps-instance';
import {
  amountField,
  idempotencyKeyField,
  idField,
  optionalMinorField,
  pinField,
  twoFactorCodeField,
} from '@/server/core/form-input';
import { runAction, type ActionResult } from './action-result';

export async function requestWithdrawalAction(form: FormData): Promise<ActionResult<{ operationId: string }>> {
  const user = await requireUser();
  return runAction(async () => {
    const expectedFee = optionalMinorField(form, 'expectedFee');
    return requestWithdrawal(await appDeps(), {
      userId: user.id,
      amount: amountField(form),
      bankAccountId: idField(form, 'bankAccountId'),
      pin: pinField(form),
      twoFactorCode: twoFactorCodeField(form),
      idempotencyKey: idempotencyKeyField(form),
      ...(expectedFee === undefined ? {} : { expectedFee }),
    });
  });
}
