// The checkout's "pay from balance": the form posts here, as Stripe's and Alipay's checkouts
// post to an API. A route handler, not a server action: the answer is the result alone,
// without the page's module tree and render context a server action brings (issue 20,
// docs/architecture.md "Lean paths"). The body is the form's own fields; the answer is the
// ActionResult the form already understands, with the error's HTTP status.
import { runAction, type ActionResult } from '@/app/actions/action-result';
import { getCurrentUser } from '@/server/auth/current-user';
import { appDeps } from '@/server/core/deps-instance';
import { httpStatusOfCode } from '@/server/core/error-registry';
import { idempotencyKeyField, pinField } from '@/server/core/form-input';
import { payOrderFromBalance, type PaidFromBalance } from '@/server/orders/pay-order-from-balance';

const answer = (result: ActionResult<PaidFromBalance>) =>
  Response.json(result, {
    status: result.ok ? 200 : httpStatusOfCode(result.error.code),
    headers: { 'Cache-Control': 'no-store' },
  });

export async function POST(request: Request, { params }: { params: Promise<{ orderId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return answer({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  const form = await request.formData().catch(() => new FormData());
  const { orderId } = await params;
  return answer(
    await runAction(async () =>
      payOrderFromBalance(await appDeps(), {
        userId: user.id,
        orderId,
        pin: pinField(form),
        idempotencyKey: idempotencyKeyField(form),
      }),
    ),
  );
}
