'use server';

import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/server/auth/current-user';
import { checkoutReturnPath } from '@/lib/navigation/checkout-return-path';
import { startTopUp, type StartTopUpResult } from '@/server/wallet/operations/start-top-up';
import { appDeps } from '@/server/core/deps-instance';
import { amountField, idempotencyKeyField, idField } from '@/server/core/form-input';
import { runAction, type ActionResult } from './action-result';

export async function startTopUpAction(form: FormData): Promise<ActionResult<StartTopUpResult>> {
  const user = await requireUser();
  const t = await getTranslations('topUp');
  return runAction(async () =>
    startTopUp(await appDeps(), {
      userId: user.id,
      amount: amountField(form),
      bankAccountId: idField(form, 'bankAccountId'),
      idempotencyKey: idempotencyKeyField(form),
      returnPath: checkoutReturnPath(form.get('next')),
      bankWording: { payee: t('bankPayee'), description: t('bankDescription') },
    }),
  );
}
