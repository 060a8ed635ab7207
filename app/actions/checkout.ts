'use server';

import { requireUser } from '@/server/auth/current-user';
import { startOrderBankPayment, type StartOrderBankPaymentResult } from '@/server/orders/start-order-bank-payment';
import { appDeps } from '@/server/core/deps-instance';
import { idempotencyKeyField, idField } from '@/server/core/form-input';
import { runAction, type ActionResult } from './action-result';

/** Checkout, online banking: the answer says where to send the customer (the bank's page, or the result). */
export async function startOrderBankPaymentAction(form: FormData): Promise<ActionResult<StartOrderBankPaymentResult>> {
  const user = await requireUser();
  return runAction(async () =>
    startOrderBankPayment(await appDeps(), {
      userId: user.id,
      orderId: idField(form, 'orderId'),
      bankAccountId: idField(form, 'bankAccountId'),
      idempotencyKey: idempotencyKeyField(form),
    }),
  );
}
