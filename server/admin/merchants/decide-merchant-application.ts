// Approve or reject a merchant application. Approving makes the user a merchant and opens
// the ledger account merchant:<id>:balance; rejecting only records the decision. Either way
// the decision is final here, and it commits with its audit record.
import 'server-only';
import { DEFAULT_CURRENCY, merchantBalanceCode } from '@/ledger';
import type { Db } from '../../db';
import { inTransaction } from '../../core/in-transaction';
import { ensureAccount } from '../../stored-ledger';
import { InvalidInputError, NotFoundError } from '../../core/domain-errors';
import { MerchantAlreadyDecidedError } from '../admin-errors';
import { isUuid, NOTE_MAX, parseNote } from '../admin-input';
import { recordAuditEvent } from '../audit/record-audit-event';
import { requireAdminOrThrow } from '../require-admin-or-throw';

export type MerchantDecision = 'APPROVE' | 'REJECT';

export type DecideMerchantInput = {
  actorId: string;
  merchantId: string;
  decision: MerchantDecision;
  /** Required to reject (the applicant should learn why); optional to approve. */
  note?: string | null;
};

export type DecideMerchantResult = { merchantId: string; status: 'APPROVED' | 'REJECTED'; auditEventId: string };

function decisionNote(input: DecideMerchantInput): string | null {
  if (input.decision === 'REJECT') return parseNote(input.note);
  const note = (input.note ?? '').trim();
  if (Array.from(note).length > NOTE_MAX)
    throw new InvalidInputError('note', `The note must be at most ${NOTE_MAX} characters`);
  return note === '' ? null : parseNote(note);
}

export async function decideMerchantApplication(db: Db, input: DecideMerchantInput): Promise<DecideMerchantResult> {
  const note = decisionNote(input);
  return inTransaction(db, async (tx) => {
    await requireAdminOrThrow(tx, input.actorId);
    if (!isUuid(input.merchantId)) throw new NotFoundError('Merchant');
    const [merchant] = await tx.$queryRaw<{ id: string; user_id: string; status: string; decided_at: Date | null }[]>`
      SELECT id::text, user_id::text, status::text, decided_at FROM merchants WHERE id = ${input.merchantId}::uuid FOR UPDATE`;
    if (!merchant) throw new NotFoundError('Merchant');
    if (merchant.status !== 'PENDING') throw new MerchantAlreadyDecidedError(merchant.status);
    const owner = await tx.user.findUniqueOrThrow({ where: { id: merchant.user_id }, select: { role: true } });

    const status = input.decision === 'APPROVE' ? 'APPROVED' : 'REJECTED';
    const decided = await tx.merchant.update({
      where: { id: merchant.id },
      data: { status, decidedAt: new Date() },
      select: { status: true, decidedAt: true },
    });
    let roleAfter = owner.role;
    if (status === 'APPROVED') {
      // An admin who also runs a shop stays an admin; a customer becomes a merchant.
      if (owner.role === 'CUSTOMER') {
        roleAfter = (
          await tx.user.update({ where: { id: merchant.user_id }, data: { role: 'MERCHANT' }, select: { role: true } })
        ).role;
      }
      await ensureAccount(tx, merchantBalanceCode(merchant.id), DEFAULT_CURRENCY);
    }
    const audit = await recordAuditEvent(tx, {
      actorId: input.actorId,
      action: status === 'APPROVED' ? 'merchant.approve' : 'merchant.reject',
      targetType: 'merchant',
      targetId: merchant.id,
      before: { status: merchant.status, decidedAt: merchant.decided_at, userId: merchant.user_id, role: owner.role },
      after: { status: decided.status, decidedAt: decided.decidedAt, userId: merchant.user_id, role: roleAfter },
      note,
    });
    return { merchantId: merchant.id, status, auditEventId: audit.id };
  });
}
