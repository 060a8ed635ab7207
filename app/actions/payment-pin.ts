'use server';

import { requireUser } from '@/server/auth/current-user';
import { db } from '@/server/db';
import { setPaymentPin } from '@/server/pin/set-payment-pin';
import { pinField } from '@/server/wallet/wallet-input';
import { runAction, type ActionResult } from './action-result';

/** Sets the first payment PIN (entered twice). */
export async function setPaymentPinAction(form: FormData): Promise<ActionResult<{ set: true }>> {
  const user = await requireUser();
  return runAction(async () => {
    await setPaymentPin(db(), user.id, { pin: pinField(form), pinConfirm: pinField(form, 'pinConfirm') });
    return { set: true as const };
  });
}
