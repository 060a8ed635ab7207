// The bank's notices, trusted only when proven (docs/security.md): the signature and its
// timestamp (5 minutes) are checked over the exact bytes received, then the body, then the
// operation it names and the amount. A duplicate is acknowledged and changes nothing. Every
// notice, whatever became of it, is kept in bank_notice_log.
import { z } from 'zod';
import { verifyPayloadSignature } from '../../lib/signing/hmac-signature';
import { isUuid } from '../../lib/ids/is-uuid';
import { completeOperation } from '../wallet/operations/complete-operation';
import type { CompletionDeps } from '../wallet/operations/completion-deps';

const notice = z.object({
  id: z.string().min(1).max(100),
  type: z.enum(['debit.succeeded', 'debit.failed', 'payout.succeeded', 'payout.failed']),
  reference: z.string().min(1).max(100),
  bank_reference: z.string().min(1).max(100),
  amount: z.number().int().safe().nonnegative(),
  currency: z.string().length(3),
  status: z.enum(['SUCCEEDED', 'FAILED']),
  failure_reason: z.string().max(100).nullish(),
  occurred_at: z.string().max(40),
});

export type NoticeAnswer = { status: number; body: { received: boolean; error?: { code: string; message: string } } };

const MAX_LOGGED_BODY = 4_096;

export async function receiveBankNotice(
  deps: CompletionDeps,
  rawBody: string,
  signatureHeader: string | null,
  secret: string,
): Promise<NoticeAnswer> {
  const { db } = deps;
  const log = (
    outcome: 'APPLIED' | 'DUPLICATE' | 'REJECTED',
    reason: string | null,
    parsed?: { id: string; reference: string },
  ) =>
    db.bankNoticeLog.create({
      data: {
        outcome,
        reason,
        noticeId: parsed?.id ?? null,
        reference: parsed?.reference ?? null,
        body: rawBody.slice(0, MAX_LOGGED_BODY),
      },
    });
  const reject = async (status: number, code: string, message: string, parsed?: { id: string; reference: string }) => {
    await log('REJECTED', code, parsed);
    return { status, body: { received: false, error: { code, message } } };
  };

  const signature = verifyPayloadSignature(rawBody, signatureHeader, secret);
  if (!signature.ok) return reject(400, `SIGNATURE_${signature.reason}`, 'Bank-Signature missing, stale or not valid');

  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return reject(400, 'MALFORMED_BODY', 'body is not JSON');
  }
  const parsed = notice.safeParse(json);
  if (!parsed.success)
    return reject(400, 'MALFORMED_BODY', `invalid field ${parsed.error.issues[0]?.path.join('.') ?? ''}`);
  const n = parsed.data;
  const ids = { id: n.id, reference: n.reference };
  // Debits: top-ups and online-banking payments; payouts: withdrawals and merchant payouts.
  const expectedKinds = n.type.startsWith('debit.') ? ['TOP_UP', 'PAYMENT'] : ['WITHDRAWAL', 'PAYOUT'];
  if ((n.type.endsWith('.succeeded') ? 'SUCCEEDED' : 'FAILED') !== n.status)
    return reject(400, 'MALFORMED_BODY', 'type and status disagree', ids);

  const operation = isUuid(n.reference)
    ? await db.walletOperation.findUnique({ where: { id: n.reference }, select: { id: true, kind: true } })
    : null;
  if (!operation || !expectedKinds.includes(operation.kind))
    return reject(404, 'UNKNOWN_REFERENCE', 'no such operation', ids);

  const completion = await completeOperation(
    deps,
    operation.id,
    n.status === 'SUCCEEDED'
      ? { status: 'SUCCEEDED', amount: BigInt(n.amount), currency: n.currency, bankReference: n.bank_reference }
      : { status: 'FAILED', reason: n.failure_reason ?? 'DECLINED', bankReference: n.bank_reference },
  );
  switch (completion.result) {
    case 'APPLIED':
      await log('APPLIED', null, ids);
      return { status: 200, body: { received: true } };
    case 'ALREADY_FINAL':
      // Acknowledged so the bank stops retrying; a contradicting late outcome is kept for reconciliation.
      await log('DUPLICATE', completion.conflicts ? 'CONFLICTS_WITH_FINAL_STATUS' : null, ids);
      return { status: 200, body: { received: true } };
    case 'MISMATCH':
      return reject(422, 'AMOUNT_MISMATCH', 'amount or currency differs from the request', ids);
  }
}
