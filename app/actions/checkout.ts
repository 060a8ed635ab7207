'use server';

import { requireUser } from '@/server/auth/current-user';
import { payOrderFromBalance } from '@/server/orders/pay-order-from-balance';
import { startOrderBankPayment, type StartOrderBankPaymentResult } from '@/server/orders/start-order-bank-payment';
import { appDeps } from '@/server/core/deps-instance';
import { idempotencyKeyField, idField, pinField } from '@/server/core/form-input';
import { runAction, type ActionResult } from './action-result';

/** Checkout, pay from balance: the payment PIN confirms it, as for withdrawals. */
export async function payOrderFromBalanceAction(
  form: FormData,
): Promise<ActionResult<{ operationId: string; orderId: string }>> {
  const user = await requireUser();
  return runAction(async () =>
    payOrderFromBalance(await appDeps(), {
      userId: user.id,
      orderId: idField(form, 'orderId'),
      pin: pinField(form),
      idempotencyKey: idempotencyKeyField(form),
    }),
  );
}

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
