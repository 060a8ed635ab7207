'use server';

import { revalidatePath } from 'next/cache';
import { requireMerchant } from '@/server/merchants/require-merchant';
import { requestMerchantPayout } from '@/server/payouts/request-merchant-payout';
import { appDeps } from '@/server/core/deps-instance';
import {
  amountField,
  idempotencyKeyField,
  optionalMinorField,
  pinField,
  twoFactorCodeField,
} from '@/server/core/form-input';
import { runAction, type ActionResult } from './action-result';

export async function requestMerchantPayoutAction(form: FormData): Promise<ActionResult<{ operationId: string }>> {
  const { user, merchant } = await requireMerchant();
  return runAction(async () => {
    const expectedFee = optionalMinorField(form, 'expectedFee');
    const result = await requestMerchantPayout(await appDeps(), {
      merchantId: merchant.id,
      userId: user.id,
      amount: amountField(form),
      pin: pinField(form),
      twoFactorCode: twoFactorCodeField(form),
      idempotencyKey: idempotencyKeyField(form),
      ...(expectedFee === undefined ? {} : { expectedFee }),
    });
    revalidatePath('/merchant/payouts');
    revalidatePath('/merchant');
    return result;
  });
}
